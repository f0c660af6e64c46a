-- 0004 Safety concerns with actions and change history, clinician alerts, safety plans and crisis resources.

CREATE TABLE crisis_resources (
    id uuid NOT NULL,
    name character varying(120) NOT NULL,
    phone character varying(40),
    text_number character varying(40),
    url character varying(300),
    when_to_use character varying(300),
    sort_order integer NOT NULL,
    is_active boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_crisis_resources PRIMARY KEY (id)
);

CREATE TABLE safety_concerns (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    type integer NOT NULL,
    other_type character varying(120),
    severity integer NOT NULL,
    status integer NOT NULL,
    first_noticed date NOT NULL,
    last_occurrence date,
    involved_person character varying(200),
    support_person_id uuid,
    boundary_id uuid,
    description character varying(4000) NOT NULL,
    next_review_date date,
    resolution_note character varying(4000),
    resolved_at timestamp with time zone,
    resolved_by_id uuid,
    created_by_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_safety_concerns PRIMARY KEY (id),
    CONSTRAINT fk_safety_concerns_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_safety_concerns_users_created_by_id FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE safety_concern_actions (
    id uuid NOT NULL,
    concern_id uuid NOT NULL,
    client_id uuid NOT NULL,
    kind integer NOT NULL,
    taken_on date NOT NULL,
    note character varying(1000),
    recorded_by_id uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_safety_concern_actions PRIMARY KEY (id),
    CONSTRAINT fk_safety_concern_actions_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_safety_concern_actions_safety_concerns_concern_id FOREIGN KEY (concern_id) REFERENCES safety_concerns (id) ON DELETE RESTRICT,
    CONSTRAINT fk_safety_concern_actions_users_recorded_by_id FOREIGN KEY (recorded_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE safety_concern_changes (
    id uuid NOT NULL,
    concern_id uuid NOT NULL,
    client_id uuid NOT NULL,
    changed_by_id uuid NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    summary character varying(4000) NOT NULL,
    previous_description character varying(4000),
    previous_resolution_note character varying(4000),
    CONSTRAINT pk_safety_concern_changes PRIMARY KEY (id),
    CONSTRAINT fk_safety_concern_changes_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_safety_concern_changes_safety_concerns_concern_id FOREIGN KEY (concern_id) REFERENCES safety_concerns (id) ON DELETE RESTRICT,
    CONSTRAINT fk_safety_concern_changes_users_changed_by_id FOREIGN KEY (changed_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE clinician_alerts (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    kind integer NOT NULL,
    severity integer NOT NULL,
    concern_id uuid,
    review_date date,
    raised_at timestamp with time zone NOT NULL,
    acknowledged_at timestamp with time zone,
    acknowledged_by_id uuid,
    CONSTRAINT pk_clinician_alerts PRIMARY KEY (id),
    CONSTRAINT fk_clinician_alerts_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_clinician_alerts_safety_concerns_concern_id FOREIGN KEY (concern_id) REFERENCES safety_concerns (id) ON DELETE RESTRICT,
    CONSTRAINT fk_clinician_alerts_users_acknowledged_by_id FOREIGN KEY (acknowledged_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE safety_plans (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    warning_signs character varying(4000),
    on_my_own character varying(4000),
    distracting_people_and_places character varying(4000),
    people_to_ask_for_help character varying(4000),
    professionals_and_crisis_lines character varying(4000),
    safer_environment character varying(4000),
    if_they_make_contact character varying(4000),
    reasons_to_keep_going character varying(4000),
    shared_with_client boolean NOT NULL,
    updated_by_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_safety_plans PRIMARY KEY (id),
    CONSTRAINT fk_safety_plans_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_safety_plans_users_updated_by_id FOREIGN KEY (updated_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_clinician_alerts_acknowledged_by_id ON clinician_alerts (acknowledged_by_id);

CREATE INDEX ix_clinician_alerts_client_id_acknowledged_at ON clinician_alerts (client_id, acknowledged_at);

CREATE UNIQUE INDEX ix_clinician_alerts_concern_id_kind_review_date ON clinician_alerts (concern_id, kind, review_date);

CREATE INDEX ix_crisis_resources_sort_order ON crisis_resources (sort_order);

CREATE INDEX ix_safety_concern_actions_client_id ON safety_concern_actions (client_id);

CREATE INDEX ix_safety_concern_actions_concern_id ON safety_concern_actions (concern_id);

CREATE INDEX ix_safety_concern_actions_recorded_by_id ON safety_concern_actions (recorded_by_id);

CREATE INDEX ix_safety_concern_changes_changed_by_id ON safety_concern_changes (changed_by_id);

CREATE INDEX ix_safety_concern_changes_client_id ON safety_concern_changes (client_id);

CREATE INDEX ix_safety_concern_changes_concern_id ON safety_concern_changes (concern_id);

CREATE INDEX ix_safety_concerns_client_id_status ON safety_concerns (client_id, status);

CREATE INDEX ix_safety_concerns_created_by_id ON safety_concerns (created_by_id);

CREATE UNIQUE INDEX ix_safety_plans_client_id ON safety_plans (client_id);

CREATE INDEX ix_safety_plans_updated_by_id ON safety_plans (updated_by_id);

-- Default crisis resources for a US clinic; administrators can change them.
INSERT INTO crisis_resources (id, name, phone, text_number, url, when_to_use, sort_order, is_active, updated_at) VALUES
    ('5afe0000-0000-4000-8000-000000000911', 'Emergency services', '911', NULL, NULL,
     'If you or someone else is in danger right now.', 10, TRUE, now()),
    ('5afe0000-0000-4000-8000-000000000988', '988 Suicide & Crisis Lifeline', '988', '988', 'https://988lifeline.org',
     'If you are thinking about suicide or self-harm, or are in emotional distress. Call or text, any time.', 20, TRUE, now()),
    ('5afe0000-0000-4000-8000-000018007997', 'National Domestic Violence Hotline', '1-800-799-7233', NULL, 'https://www.thehotline.org',
     'For support and safety planning about abuse from a partner or ex-partner, any time.', 30, TRUE, now());
