-- 0115 A journal entry on its own: a client may write one without a check-in's mood and urge, so the entry's check-in is optional.
-- The unique index on check_in_id stays (one private entry per check-in); entries without one are many.

ALTER TABLE private_journal_entries ALTER COLUMN check_in_id DROP NOT NULL;
