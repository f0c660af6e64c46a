-- 0102 Readiness reflections: the client's dated answers about reconnecting with the person of one boundary,
-- marked by the clinician as reviewed with them.

CREATE TABLE readiness_reflections (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    boundary_id uuid NOT NULL,
    answers jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL,
    reviewed_at timestamp with time zone NULL,
    reviewed_by_id uuid NULL,
    CONSTRAINT pk_readiness_reflections PRIMARY KEY (id),
    CONSTRAINT fk_readiness_reflections_boundaries_boundary_id FOREIGN KEY (boundary_id) REFERENCES boundaries (id) ON DELETE RESTRICT,
    CONSTRAINT fk_readiness_reflections_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_readiness_reflections_users_reviewed_by_id FOREIGN KEY (reviewed_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_readiness_reflections_boundary_id ON readiness_reflections (boundary_id);

CREATE INDEX ix_readiness_reflections_client_id_created_at ON readiness_reflections (client_id, created_at);

CREATE INDEX ix_readiness_reflections_reviewed_by_id ON readiness_reflections (reviewed_by_id);
