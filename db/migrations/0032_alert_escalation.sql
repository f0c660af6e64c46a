-- 0032 Escalation: each clinician names a backup; an imminent alert nobody acknowledges goes to the backup after the
-- clinic's N minutes, then to the administrators after M more (both default 15). The alert keeps how far it went.

ALTER TABLE users ADD COLUMN backup_clinician_id uuid;
ALTER TABLE users ADD CONSTRAINT fk_users_users_backup_clinician_id
    FOREIGN KEY (backup_clinician_id) REFERENCES users (id) ON DELETE RESTRICT;
CREATE INDEX ix_users_backup_clinician_id ON users (backup_clinician_id);

ALTER TABLE clinician_alerts
    ADD COLUMN escalation_level integer NOT NULL DEFAULT 0,
    ADD COLUMN escalated_at timestamp with time zone;
ALTER TABLE clinician_alerts ALTER COLUMN escalation_level DROP DEFAULT;

ALTER TABLE clinic_settings
    ADD COLUMN escalate_after_minutes integer NOT NULL DEFAULT 15,
    ADD COLUMN escalate_to_administrators_after_minutes integer NOT NULL DEFAULT 15;
ALTER TABLE clinic_settings
    ALTER COLUMN escalate_after_minutes DROP DEFAULT,
    ALTER COLUMN escalate_to_administrators_after_minutes DROP DEFAULT;
