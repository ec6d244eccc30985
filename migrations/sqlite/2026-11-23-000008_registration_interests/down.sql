DROP TABLE registration_interests;
