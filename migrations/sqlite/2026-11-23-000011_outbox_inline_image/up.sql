-- One image shown inside a mail (the ticket's QR code), sent as an inline part.
ALTER TABLE outbox ADD COLUMN inline_png BLOB;
