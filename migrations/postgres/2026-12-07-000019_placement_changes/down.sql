DROP TABLE placement_changes;
