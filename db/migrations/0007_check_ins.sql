-- 0007 Client self-check-ins, private journal entries, self-care checklists and the clinic's check-in signal settings.
-- Private journal text has a table of its own: the application lets only the client themself read it
-- (never a clinician, an administrator, or the system scope used by jobs and reports).

ALTER TABLE clinic_settings ADD COLUMN check_in_urge_threshold integer NOT NULL DEFAULT 7;
ALTER TABLE clinic_settings ADD COLUMN no_check_in_days integer NOT NULL DEFAULT 7;

CREATE TABLE check_ins (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    mood integer NOT NULL,
    urge integer NOT NULL,
    sleep integer,
    contact_attempted boolean NOT NULL,
    channel integer,
    contact_note character varying(500),
    broke_contact boolean NOT NULL,
    self_care text[] NOT NULL,
    shared_journal character varying(4000),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_check_ins PRIMARY KEY (id),
    CONSTRAINT fk_check_ins_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT
);

CREATE TABLE private_journal_entries (
    id uuid NOT NULL,
    check_in_id uuid NOT NULL,
    client_id uuid NOT NULL,
    text character varying(4000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_private_journal_entries PRIMARY KEY (id),
    CONSTRAINT fk_private_journal_entries_check_ins_check_in_id FOREIGN KEY (check_in_id) REFERENCES check_ins (id) ON DELETE RESTRICT,
    CONSTRAINT fk_private_journal_entries_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT
);

CREATE TABLE self_care_checklists (
    client_id uuid NOT NULL,
    items text[] NOT NULL,
    updated_by_id uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_self_care_checklists PRIMARY KEY (client_id),
    CONSTRAINT fk_self_care_checklists_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_self_care_checklists_users_updated_by_id FOREIGN KEY (updated_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_check_ins_client_id_created_at ON check_ins (client_id, created_at);

CREATE UNIQUE INDEX ix_private_journal_entries_check_in_id ON private_journal_entries (check_in_id);

CREATE INDEX ix_private_journal_entries_client_id ON private_journal_entries (client_id);

CREATE INDEX ix_self_care_checklists_updated_by_id ON self_care_checklists (updated_by_id);
