DROP TABLE reconfirmations;
DROP TABLE reconfirmation_rounds;
