DROP TABLE recordings;
DROP TABLE session_feedback;
