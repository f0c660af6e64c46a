-- 0006 Sessions, the reminder outbox and weekly check-in prompts.
-- The outbox holds delivery state only; message text is built at send time and never stored.

ALTER TABLE clinic_settings ADD COLUMN reminder_lead_minutes integer[] NOT NULL DEFAULT '{1440,120}';
ALTER TABLE clinic_settings ALTER COLUMN reminder_lead_minutes DROP DEFAULT;

CREATE TABLE check_in_prompt_settings (
    client_id uuid NOT NULL,
    enabled boolean NOT NULL,
    day integer NOT NULL,
    time time without time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_check_in_prompt_settings PRIMARY KEY (client_id),
    CONSTRAINT fk_check_in_prompt_settings_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT
);

CREATE TABLE outbox_messages (
    id uuid NOT NULL,
    key character varying(120) NOT NULL,
    kind integer NOT NULL,
    client_id uuid NOT NULL,
    session_id uuid,
    due_at timestamp with time zone NOT NULL,
    status integer NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    claimed_at timestamp with time zone,
    claimed_by character varying(100),
    sent_at timestamp with time zone,
    last_error character varying(300),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_outbox_messages PRIMARY KEY (id),
    CONSTRAINT fk_outbox_messages_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT
);

CREATE TABLE sessions (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    clinician_id uuid NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    duration_minutes integer NOT NULL,
    modality integer NOT NULL,
    location character varying(300),
    status integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_sessions PRIMARY KEY (id),
    CONSTRAINT fk_sessions_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sessions_users_clinician_id FOREIGN KEY (clinician_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_outbox_messages_client_id ON outbox_messages (client_id);

CREATE UNIQUE INDEX ix_outbox_messages_key ON outbox_messages (key);

CREATE INDEX ix_outbox_messages_session_id ON outbox_messages (session_id);

CREATE INDEX ix_outbox_messages_status_next_attempt_at ON outbox_messages (status, next_attempt_at);

CREATE INDEX ix_sessions_client_id_starts_at ON sessions (client_id, starts_at);

CREATE INDEX ix_sessions_clinician_id_starts_at ON sessions (clinician_id, starts_at);
