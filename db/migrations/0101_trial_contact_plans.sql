-- 0101 Trial-contact plans: required before a boundary moves to "Reconnecting"; one in force per boundary.
-- A return to no contact ends the plan with the exit criterion met, and the boundary's revision keeps it as a note.

ALTER TABLE boundary_revisions ADD note character varying(1600) NULL;

CREATE TABLE trial_contact_plans (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    boundary_id uuid NOT NULL,
    channel integer NOT NULL,
    frequency character varying(120) NOT NULL,
    first_meeting_place character varying(200) NOT NULL,
    first_meeting_minutes integer NOT NULL,
    standby_person_id uuid NOT NULL,
    exit_criteria jsonb NOT NULL,
    author_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone NULL,
    met_criterion character varying(500) NULL,
    other_reason character varying(1000) NULL,
    CONSTRAINT pk_trial_contact_plans PRIMARY KEY (id),
    CONSTRAINT fk_trial_contact_plans_boundaries_boundary_id FOREIGN KEY (boundary_id) REFERENCES boundaries (id) ON DELETE RESTRICT,
    CONSTRAINT fk_trial_contact_plans_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_trial_contact_plans_support_people_standby_person_id FOREIGN KEY (standby_person_id) REFERENCES support_people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_trial_contact_plans_users_author_id FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_trial_contact_plans_author_id ON trial_contact_plans (author_id);

CREATE UNIQUE INDEX ix_trial_contact_plans_boundary_id ON trial_contact_plans (boundary_id) WHERE ended_at IS NULL;

CREATE INDEX ix_trial_contact_plans_client_id ON trial_contact_plans (client_id);

CREATE INDEX ix_trial_contact_plans_standby_person_id ON trial_contact_plans (standby_person_id);
