-- 0031 Acknowledging an alert records what was done: called the client, no answer, emergency services contacted,
-- safety plan reviewed, or other with a note.

ALTER TABLE clinician_alerts
    ADD COLUMN response integer,
    ADD COLUMN response_note character varying(1000);
