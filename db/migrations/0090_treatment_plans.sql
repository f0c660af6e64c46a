-- 0090 Treatment plans: the plan as it stands (one per client) and every saved revision, each a draft until signed,
-- with when the client acknowledged it.

CREATE TABLE treatment_plans (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    presenting_problems character varying(4000) NOT NULL,
    goals jsonb NOT NULL,
    interventions character varying(4000),
    review_date date,
    revision_number integer NOT NULL,
    updated_by_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_treatment_plans PRIMARY KEY (id),
    CONSTRAINT fk_treatment_plans_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_treatment_plans_users_updated_by_id FOREIGN KEY (updated_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_treatment_plans_client_id ON treatment_plans (client_id);

CREATE INDEX ix_treatment_plans_updated_by_id ON treatment_plans (updated_by_id);

CREATE TABLE treatment_plan_revisions (
    id uuid NOT NULL,
    plan_id uuid NOT NULL,
    client_id uuid NOT NULL,
    number integer NOT NULL,
    author_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    summary character varying(1000) NOT NULL,
    snapshot jsonb NOT NULL,
    signed_by_id uuid,
    signed_at timestamp with time zone,
    acknowledged_at timestamp with time zone,
    CONSTRAINT pk_treatment_plan_revisions PRIMARY KEY (id),
    CONSTRAINT fk_treatment_plan_revisions_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_treatment_plan_revisions_treatment_plans_plan_id FOREIGN KEY (plan_id) REFERENCES treatment_plans (id) ON DELETE RESTRICT,
    CONSTRAINT fk_treatment_plan_revisions_users_author_id FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_treatment_plan_revisions_users_signed_by_id FOREIGN KEY (signed_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_treatment_plan_revisions_author_id ON treatment_plan_revisions (author_id);

CREATE INDEX ix_treatment_plan_revisions_client_id_created_at ON treatment_plan_revisions (client_id, created_at);

CREATE UNIQUE INDEX ix_treatment_plan_revisions_plan_id_number ON treatment_plan_revisions (plan_id, number);

CREATE INDEX ix_treatment_plan_revisions_signed_by_id ON treatment_plan_revisions (signed_by_id);
