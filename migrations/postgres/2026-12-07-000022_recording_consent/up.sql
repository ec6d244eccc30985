-- What the speakers allow, asked when they confirm: a live stream, a recording published
-- afterwards. NULL: not asked (sessions confirmed before devday asked).
ALTER TABLE proposals ADD COLUMN may_stream BOOLEAN;
ALTER TABLE proposals ADD COLUMN may_record BOOLEAN;
