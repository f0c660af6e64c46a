-- 0008 Administration and staff security: idle sign-out setting, client transfers with reasons,
-- Data Protection keys shared by every app instance, and an index for the audit viewer's action filter.

ALTER TABLE clinic_settings ADD COLUMN idle_timeout_minutes integer NOT NULL DEFAULT 20;
ALTER TABLE clinic_settings ALTER COLUMN idle_timeout_minutes DROP DEFAULT;

CREATE TABLE data_protection_keys (
    id integer GENERATED ALWAYS AS IDENTITY,
    friendly_name character varying(200) NOT NULL,
    xml text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_data_protection_keys PRIMARY KEY (id)
);

CREATE TABLE client_transfers (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    from_clinician_id uuid NOT NULL,
    to_clinician_id uuid NOT NULL,
    reason character varying(500) NOT NULL,
    transferred_by_id uuid NOT NULL,
    transferred_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_client_transfers PRIMARY KEY (id),
    CONSTRAINT fk_client_transfers_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_client_transfers_users_from_clinician_id FOREIGN KEY (from_clinician_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_client_transfers_users_to_clinician_id FOREIGN KEY (to_clinician_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_client_transfers_users_transferred_by_id FOREIGN KEY (transferred_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_client_transfers_client_id_transferred_at ON client_transfers (client_id, transferred_at);

CREATE INDEX ix_client_transfers_from_clinician_id ON client_transfers (from_clinician_id);

CREATE INDEX ix_client_transfers_to_clinician_id ON client_transfers (to_clinician_id);

CREATE INDEX ix_client_transfers_transferred_by_id ON client_transfers (transferred_by_id);

-- Keyset paging by id within one action (the other filters already have (client_id, id) and (user_id, id)).
CREATE INDEX ix_audit_entries_action_id ON audit_entries (action, id);
