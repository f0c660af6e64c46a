-- 0051 Safety plan revisions: who saved the plan, when, what changed, and every step as it then stood.

ALTER TABLE safety_plans ADD COLUMN revision_number integer NOT NULL DEFAULT 0;
ALTER TABLE safety_plans ALTER COLUMN revision_number DROP DEFAULT;

CREATE TABLE safety_plan_revisions (
    id uuid NOT NULL,
    plan_id uuid NOT NULL,
    client_id uuid NOT NULL,
    number integer NOT NULL,
    author_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    shared_with_client boolean NOT NULL,
    summary character varying(1000) NOT NULL,
    snapshot jsonb NOT NULL,
    CONSTRAINT pk_safety_plan_revisions PRIMARY KEY (id),
    CONSTRAINT fk_safety_plan_revisions_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_safety_plan_revisions_safety_plans_plan_id FOREIGN KEY (plan_id) REFERENCES safety_plans (id) ON DELETE RESTRICT,
    CONSTRAINT fk_safety_plan_revisions_users_author_id FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_safety_plan_revisions_author_id ON safety_plan_revisions (author_id);

CREATE INDEX ix_safety_plan_revisions_client_id_created_at ON safety_plan_revisions (client_id, created_at);

CREATE UNIQUE INDEX ix_safety_plan_revisions_plan_id_number ON safety_plan_revisions (plan_id, number);

-- A plan saved before revisions were kept starts its history from how it stands now, as revision 1.
INSERT INTO safety_plan_revisions (id, plan_id, client_id, number, author_id, created_at, shared_with_client, summary, snapshot)
SELECT gen_random_uuid(), id, client_id, 1, updated_by_id, updated_at, shared_with_client, 'Saved before revisions were kept.',
       jsonb_build_object('WarningSigns', warning_signs, 'OnMyOwn', on_my_own, 'DistractingPeopleAndPlaces', distracting_people_and_places,
           'PeopleToAskForHelp', people_to_ask_for_help, 'ProfessionalsAndCrisisLines', professionals_and_crisis_lines,
           'SaferEnvironment', safer_environment, 'IfTheyMakeContact', if_they_make_contact, 'ReasonsToKeepGoing', reasons_to_keep_going)
  FROM safety_plans;

UPDATE safety_plans SET revision_number = 1;
