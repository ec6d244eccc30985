ALTER TABLE proposals DROP COLUMN may_record;
ALTER TABLE proposals DROP COLUMN may_stream;
