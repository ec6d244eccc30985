DROP TABLE schedule_releases;
DROP TABLE placements;
DROP TABLE schedule_breaks;
DROP TABLE schedule_settings;
DROP TABLE rooms;
