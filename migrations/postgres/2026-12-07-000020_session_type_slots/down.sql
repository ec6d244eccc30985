ALTER TABLE session_types DROP COLUMN slots;
