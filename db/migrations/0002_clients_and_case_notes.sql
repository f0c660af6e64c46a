-- 0002 Clients, case notes with addenda, and the append-only audit log.

CREATE TABLE audit_entries (
    id bigint GENERATED ALWAYS AS IDENTITY,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    role character varying(20) NOT NULL,
    client_id uuid,
    action character varying(40) NOT NULL,
    record_type character varying(40) NOT NULL,
    record_id character varying(64),
    ip_address character varying(64),
    CONSTRAINT pk_audit_entries PRIMARY KEY (id)
);

CREATE TABLE clients (
    id uuid NOT NULL,
    full_name character varying(120) NOT NULL,
    preferred_name character varying(120),
    pronouns character varying(40),
    date_of_birth date,
    email character varying(254),
    phone character varying(40),
    time_zone_id character varying(64) NOT NULL,
    status integer NOT NULL,
    intake_date date NOT NULL,
    presenting_concern character varying(4000),
    primary_clinician_id uuid NOT NULL,
    user_id uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_clients PRIMARY KEY (id),
    CONSTRAINT fk_clients_users_primary_clinician_id FOREIGN KEY (primary_clinician_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_clients_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE case_notes (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    author_id uuid NOT NULL,
    session_id uuid,
    format integer NOT NULL,
    status integer NOT NULL,
    service_date date NOT NULL,
    subjective character varying(8000),
    objective character varying(8000),
    assessment character varying(8000),
    plan character varying(8000),
    data character varying(8000),
    behavior character varying(8000),
    intervention character varying(8000),
    response character varying(8000),
    body character varying(8000),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    signed_at timestamp with time zone,
    signed_by_id uuid,
    CONSTRAINT pk_case_notes PRIMARY KEY (id),
    CONSTRAINT fk_case_notes_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_case_notes_users_author_id FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE case_note_addenda (
    id uuid NOT NULL,
    note_id uuid NOT NULL,
    author_id uuid NOT NULL,
    text character varying(8000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_case_note_addenda PRIMARY KEY (id),
    CONSTRAINT fk_case_note_addenda_case_notes_note_id FOREIGN KEY (note_id) REFERENCES case_notes (id) ON DELETE RESTRICT,
    CONSTRAINT fk_case_note_addenda_users_author_id FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_audit_entries_at ON audit_entries (at);

CREATE INDEX ix_audit_entries_client_id_id ON audit_entries (client_id, id);

CREATE INDEX ix_audit_entries_user_id_id ON audit_entries (user_id, id);

CREATE INDEX ix_case_note_addenda_author_id ON case_note_addenda (author_id);

CREATE INDEX ix_case_note_addenda_note_id ON case_note_addenda (note_id);

CREATE INDEX ix_case_notes_author_id ON case_notes (author_id);

CREATE INDEX ix_case_notes_client_id_service_date ON case_notes (client_id, service_date);

CREATE INDEX ix_clients_primary_clinician_id ON clients (primary_clinician_id);

CREATE UNIQUE INDEX ix_clients_user_id ON clients (user_id);

-- The audit log is append-only: no user of this database may change or remove a row.
CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entries_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();

CREATE TRIGGER audit_entries_no_truncate
    BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();

-- Signed notes are locked in the database too, not only in the application.
CREATE FUNCTION case_notes_refuse_signed_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.status = 1 THEN
        RAISE EXCEPTION 'signed case notes cannot be deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 1 THEN
        RAISE EXCEPTION 'signed case notes are locked; add an addendum' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$;

CREATE TRIGGER case_notes_lock_signed
    BEFORE UPDATE OR DELETE ON case_notes
    FOR EACH ROW EXECUTE FUNCTION case_notes_refuse_signed_edit();
