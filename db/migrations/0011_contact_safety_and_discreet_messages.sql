-- 0011 Safe by design: each client's contact-safety profile, "held: contact not safe" in the outbox, the clinic's
-- discreet message wording and Leave now address, a client's discreet mode, and text keywords for crisis lines.

CREATE TABLE contact_safety_profiles (
    client_id uuid NOT NULL,
    safe_channels integer NOT NULL,
    may_be_monitored boolean NOT NULL,
    safe_days integer NOT NULL,
    safe_from time without time zone,
    safe_until time without time zone,
    never_contact text[] NOT NULL,
    note character varying(1000),
    updated_by_id uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_contact_safety_profiles PRIMARY KEY (client_id),
    CONSTRAINT fk_contact_safety_profiles_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_contact_safety_profiles_users_updated_by_id FOREIGN KEY (updated_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_contact_safety_profiles_updated_by_id ON contact_safety_profiles (updated_by_id);

-- Why a message was held (status 5); null for every other status.
ALTER TABLE outbox_messages ADD COLUMN hold_reason integer;

-- Neutral by default: no clinic name, no clinician, no clinical word.
ALTER TABLE clinic_settings
    ADD COLUMN message_sender_name character varying(80) NOT NULL DEFAULT 'Notifications',
    ADD COLUMN reminder_subject character varying(80) NOT NULL DEFAULT 'Appointment reminder',
    ADD COLUMN prompt_subject character varying(80) NOT NULL DEFAULT 'A reminder for you',
    ADD COLUMN account_subject character varying(80) NOT NULL DEFAULT 'Your account',
    ADD COLUMN messages_name_clinic boolean NOT NULL DEFAULT FALSE,
    ADD COLUMN quick_exit_url character varying(300) NOT NULL DEFAULT 'https://www.google.com/';
ALTER TABLE clinic_settings
    ALTER COLUMN message_sender_name DROP DEFAULT,
    ALTER COLUMN reminder_subject DROP DEFAULT,
    ALTER COLUMN prompt_subject DROP DEFAULT,
    ALTER COLUMN account_subject DROP DEFAULT,
    ALTER COLUMN messages_name_clinic DROP DEFAULT,
    ALTER COLUMN quick_exit_url DROP DEFAULT;

-- The default stays: accounts are also created by plain SQL (the scale-clinic seed, benchmarks), and off is right for all.
ALTER TABLE users ADD COLUMN discreet_mode boolean NOT NULL DEFAULT FALSE;

ALTER TABLE crisis_resources ADD COLUMN text_keyword character varying(20);

-- The National Domestic Violence Hotline's text option (text START to 88788), unless an administrator already set one.
UPDATE crisis_resources SET text_number = '88788', text_keyword = 'START', updated_at = now()
 WHERE id = '5afe0000-0000-4000-8000-000018007997' AND text_number IS NULL;
