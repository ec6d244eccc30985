-- What the conference is about, on its front page: Markdown, in English and in German (either
-- may be empty; the reader's language is shown, the other is the fallback).
ALTER TABLE editions ADD COLUMN description_md TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN description_de_md TEXT NOT NULL DEFAULT '';
