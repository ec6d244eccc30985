DROP TABLE scans;
DROP TABLE checkin_list_ticket_types;
DROP TABLE checkin_lists;
DROP TABLE ticket_serials;
DROP TABLE edition_keys;
