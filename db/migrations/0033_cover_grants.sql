-- 0033 Temporary cover: a clinician (or an administrator) lets another clinician reach chosen clients of the clinician's
-- caseload for a range of days. The client filter compares starts_at/ends_at with the clock, so a cover ends by itself.

CREATE TABLE cover_grants (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    grantor_clinician_id uuid NOT NULL,
    covering_clinician_id uuid NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    granted_by_id uuid NOT NULL,
    granted_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    revoked_by_id uuid,
    CONSTRAINT pk_cover_grants PRIMARY KEY (id),
    CONSTRAINT fk_cover_grants_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_cover_grants_users_covering_clinician_id FOREIGN KEY (covering_clinician_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_cover_grants_users_grantor_clinician_id FOREIGN KEY (grantor_clinician_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_cover_grants_client_id ON cover_grants (client_id);
CREATE INDEX ix_cover_grants_covering_clinician_id_client_id ON cover_grants (covering_clinician_id, client_id);
CREATE INDEX ix_cover_grants_grantor_clinician_id_granted_at ON cover_grants (grantor_clinician_id, granted_at);
