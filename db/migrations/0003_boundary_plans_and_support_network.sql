-- 0003 Boundary plans with append-only revisions, and the support network.

CREATE TABLE boundaries (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    person_name character varying(120) NOT NULL,
    relationship integer NOT NULL,
    contact_level integer NOT NULL,
    door_open boolean NOT NULL,
    how_told integer,
    channels jsonb NOT NULL,
    reasons jsonb NOT NULL,
    conditions jsonb NOT NULL,
    exceptions character varying(2000),
    start_date date,
    planned_length character varying(120),
    review_date date,
    preparation jsonb NOT NULL,
    revision_number integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_boundaries PRIMARY KEY (id),
    CONSTRAINT fk_boundaries_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT
);

CREATE TABLE boundary_revisions (
    id uuid NOT NULL,
    boundary_id uuid NOT NULL,
    client_id uuid NOT NULL,
    number integer NOT NULL,
    author_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    previous_contact_level integer,
    contact_level integer NOT NULL,
    summary character varying(1000) NOT NULL,
    snapshot jsonb NOT NULL,
    CONSTRAINT pk_boundary_revisions PRIMARY KEY (id),
    CONSTRAINT fk_boundary_revisions_boundaries_boundary_id FOREIGN KEY (boundary_id) REFERENCES boundaries (id) ON DELETE RESTRICT,
    CONSTRAINT fk_boundary_revisions_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_boundary_revisions_users_author_id FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE support_people (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    name character varying(120) NOT NULL,
    relationship character varying(80),
    type integer NOT NULL,
    role integer NOT NULL,
    is_crisis_contact boolean NOT NULL,
    phone character varying(40),
    email character varying(254),
    notes character varying(2000),
    boundary_id uuid,
    shared_with_client boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_support_people PRIMARY KEY (id),
    CONSTRAINT ck_support_people_risk_is_never_crisis CHECK (role <> 2 OR NOT is_crisis_contact),
    CONSTRAINT fk_support_people_boundaries_boundary_id FOREIGN KEY (boundary_id) REFERENCES boundaries (id) ON DELETE RESTRICT,
    CONSTRAINT fk_support_people_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT
);

CREATE INDEX ix_boundaries_client_id ON boundaries (client_id);

CREATE INDEX ix_boundary_revisions_author_id ON boundary_revisions (author_id);

CREATE UNIQUE INDEX ix_boundary_revisions_boundary_id_number ON boundary_revisions (boundary_id, number);

CREATE INDEX ix_boundary_revisions_client_id_created_at ON boundary_revisions (client_id, created_at);

CREATE INDEX ix_support_people_boundary_id ON support_people (boundary_id);

CREATE INDEX ix_support_people_client_id ON support_people (client_id);

-- A revision is history: once written it is never changed or removed.
CREATE FUNCTION boundary_revisions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'boundary_revisions is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER boundary_revisions_no_update_or_delete
    BEFORE UPDATE OR DELETE ON boundary_revisions
    FOR EACH ROW EXECUTE FUNCTION boundary_revisions_refuse_change();
