-- 0042 Clinicians' weekly availability, clients' appointment requests, and the clinic's notice rule for them.

CREATE TABLE availability_windows (
    id uuid NOT NULL,
    clinician_id uuid NOT NULL,
    day integer NOT NULL,
    opens time without time zone NOT NULL,
    closes time without time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_availability_windows PRIMARY KEY (id),
    CONSTRAINT fk_availability_windows_users_clinician_id FOREIGN KEY (clinician_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_availability_windows_clinician_id ON availability_windows (clinician_id);

CREATE TABLE appointment_requests (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    clinician_id uuid NOT NULL,
    kind integer NOT NULL,
    session_id uuid,
    starts_at timestamp with time zone,
    duration_minutes integer NOT NULL,
    status integer NOT NULL,
    decline_reason character varying(500),
    created_at timestamp with time zone NOT NULL,
    decided_at timestamp with time zone,
    decided_by_id uuid,
    CONSTRAINT pk_appointment_requests PRIMARY KEY (id),
    CONSTRAINT fk_appointment_requests_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT
);

CREATE INDEX ix_appointment_requests_client_id_created_at ON appointment_requests (client_id, created_at);

ALTER TABLE clinic_settings ADD COLUMN request_notice_hours integer NOT NULL DEFAULT 24;
ALTER TABLE clinic_settings ALTER COLUMN request_notice_hours DROP DEFAULT;
