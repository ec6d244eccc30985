DROP TABLE session_streams;
