-- 0103 Trial debriefs: the client's answers after a trial ended (or their choice to skip them), one per ended plan.

CREATE TABLE trial_debriefs (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    plan_id uuid NOT NULL,
    answers jsonb NOT NULL,
    skipped boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_trial_debriefs PRIMARY KEY (id),
    CONSTRAINT fk_trial_debriefs_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_trial_debriefs_trial_contact_plans_plan_id FOREIGN KEY (plan_id) REFERENCES trial_contact_plans (id) ON DELETE RESTRICT
);

CREATE INDEX ix_trial_debriefs_client_id ON trial_debriefs (client_id);

CREATE UNIQUE INDEX ix_trial_debriefs_plan_id ON trial_debriefs (plan_id);
