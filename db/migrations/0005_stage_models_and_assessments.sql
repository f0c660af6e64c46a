-- 0005 Stage progression: stage models (two built in, more added by administrators), the model each
-- client follows over time, and dated stage assessments.

CREATE TABLE stage_models (
    id uuid NOT NULL,
    name character varying(80) NOT NULL,
    is_built_in boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    retired_at timestamp with time zone,
    CONSTRAINT pk_stage_models PRIMARY KEY (id)
);

CREATE TABLE stages (
    id uuid NOT NULL,
    model_id uuid NOT NULL,
    name character varying(60) NOT NULL,
    description character varying(200) NOT NULL,
    position integer NOT NULL,
    is_relapse boolean NOT NULL,
    CONSTRAINT pk_stages PRIMARY KEY (id),
    CONSTRAINT fk_stages_stage_models_model_id FOREIGN KEY (model_id) REFERENCES stage_models (id) ON DELETE CASCADE
);

CREATE TABLE client_stage_models (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    model_id uuid NOT NULL,
    changed_by_id uuid NOT NULL,
    started_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_client_stage_models PRIMARY KEY (id),
    CONSTRAINT fk_client_stage_models_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_client_stage_models_stage_models_model_id FOREIGN KEY (model_id) REFERENCES stage_models (id) ON DELETE RESTRICT,
    CONSTRAINT fk_client_stage_models_users_changed_by_id FOREIGN KEY (changed_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE stage_assessments (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    model_id uuid NOT NULL,
    stage_id uuid NOT NULL,
    assessed_on date NOT NULL,
    evidence character varying(500) NOT NULL,
    session_id uuid,
    note_id uuid,
    recorded_by_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_stage_assessments PRIMARY KEY (id),
    CONSTRAINT fk_stage_assessments_case_notes_note_id FOREIGN KEY (note_id) REFERENCES case_notes (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stage_assessments_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stage_assessments_stage_models_model_id FOREIGN KEY (model_id) REFERENCES stage_models (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stage_assessments_stages_stage_id FOREIGN KEY (stage_id) REFERENCES stages (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stage_assessments_users_recorded_by_id FOREIGN KEY (recorded_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_client_stage_models_changed_by_id ON client_stage_models (changed_by_id);

CREATE INDEX ix_client_stage_models_client_id_started_at ON client_stage_models (client_id, started_at);

CREATE INDEX ix_client_stage_models_model_id ON client_stage_models (model_id);

CREATE INDEX ix_stage_assessments_client_id_assessed_on ON stage_assessments (client_id, assessed_on);

CREATE INDEX ix_stage_assessments_model_id ON stage_assessments (model_id);

CREATE INDEX ix_stage_assessments_note_id ON stage_assessments (note_id);

CREATE INDEX ix_stage_assessments_recorded_by_id ON stage_assessments (recorded_by_id);

CREATE INDEX ix_stage_assessments_stage_id ON stage_assessments (stage_id);

CREATE UNIQUE INDEX ix_stage_models_name ON stage_models (name);

CREATE UNIQUE INDEX ix_stages_model_id_position ON stages (model_id, position);

-- The two built-in models. Ids are fixed: the application refers to them (Core/Progress/BuiltInStageModels.cs).
INSERT INTO stage_models (id, name, is_built_in, created_at, retired_at) VALUES
    ('6a0c1e00-0000-4000-a000-000000000001', 'No-contact journey', true, '1970-01-01T00:00:00Z', NULL),
    ('6a0c1e00-0000-4000-a000-000000000002', 'No-contact grief stages', true, '1970-01-01T00:00:00Z', NULL);

INSERT INTO stages (id, model_id, name, description, position, is_relapse) VALUES
    ('6a0c1e00-0001-4000-a000-000000000001', '6a0c1e00-0000-4000-a000-000000000001', 'Considering', 'Weighing whether to step back from contact; ambivalent and still gathering facts.', 1, false),
    ('6a0c1e00-0001-4000-a000-000000000002', '6a0c1e00-0000-4000-a000-000000000001', 'Preparing', 'Has decided; planning which channels to close, who to lean on and what to say.', 2, false),
    ('6a0c1e00-0001-4000-a000-000000000003', '6a0c1e00-0000-4000-a000-000000000001', 'Early no contact', 'Contact has stopped: relief at first, then guilt and a flood of memories.', 3, false),
    ('6a0c1e00-0001-4000-a000-000000000004', '6a0c1e00-0000-4000-a000-000000000001', 'Fallout', 'Pressure to return, a smear campaign, mutual relationships lost, grief.', 4, false),
    ('6a0c1e00-0001-4000-a000-000000000005', '6a0c1e00-0000-4000-a000-000000000001', 'Healing', 'Months in: anxiety easing, self-esteem and everyday routines coming back.', 5, false),
    ('6a0c1e00-0001-4000-a000-000000000006', '6a0c1e00-0000-4000-a000-000000000001', 'Thriving', 'News of the other person leaves the client indifferent rather than shaken.', 6, false),
    ('6a0c1e00-0001-4000-a000-000000000007', '6a0c1e00-0000-4000-a000-000000000001', 'Reconnecting', 'Optional: deliberately rebuilding some contact, on new and safer terms.', 7, false),
    ('6a0c1e00-0002-4000-a000-000000000001', '6a0c1e00-0000-4000-a000-000000000002', 'Desperation', 'An urgent need to undo the loss or restore contact; distress fills the day.', 1, false),
    ('6a0c1e00-0002-4000-a000-000000000002', '6a0c1e00-0000-4000-a000-000000000002', 'Denial', 'Plays down what happened or expects things to go back to how they were.', 2, false),
    ('6a0c1e00-0002-4000-a000-000000000003', '6a0c1e00-0000-4000-a000-000000000002', 'Bargaining', 'Looks for conditions or compromises that would make contact feel safe again.', 3, false),
    ('6a0c1e00-0002-4000-a000-000000000004', '6a0c1e00-0000-4000-a000-000000000002', 'Relapse', 'Broke no contact or came close to it: a setback to learn from, not a failure.', 4, true),
    ('6a0c1e00-0002-4000-a000-000000000005', '6a0c1e00-0000-4000-a000-000000000002', 'Anger', 'Sees the harm clearly and feels angry about it, at the other person or at themself.', 5, false),
    ('6a0c1e00-0002-4000-a000-000000000006', '6a0c1e00-0000-4000-a000-000000000002', 'Initial Acceptance', 'Accepts the relationship as it was is over; calm days outnumber hard ones.', 6, false),
    ('6a0c1e00-0002-4000-a000-000000000007', '6a0c1e00-0000-4000-a000-000000000002', 'Redirected Hope', 'Energy goes into their own future, relationships and plans.', 7, false);
