-- 0061 Alert mail choices: each clinician chooses the lowest alert severity that also emails them (imminent only by
-- default: imminent alerts always email), and the clinic rates contact attempts reported in check-ins (moderate by default).
-- The defaults stay, so rows written by plain SQL (the scale clinic's seeder, a restore) get the same choices as the model.

ALTER TABLE users ADD COLUMN alert_mail_from integer NOT NULL DEFAULT 3;

ALTER TABLE clinic_settings ADD COLUMN contact_attempt_severity integer NOT NULL DEFAULT 1;
