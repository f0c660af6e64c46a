-- 0120 Incident entries: a client's log of contact attempts and incidents that stands up as evidence (Core/Incidents).
-- An entry is corrected only by its author within 30 minutes of writing (IncidentRules.CorrectionWindow); afterwards only
-- addenda are added, and addenda are never changed. Each row keeps the hex SHA-256 of its content (IncidentHash).
-- A client may keep an entry private: the app's data filter (IClientChosenPrivacy) then hides it from every staff scope.

CREATE TABLE incident_entries (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    place character varying(200),
    boundary_id uuid,
    support_person_id uuid,
    channel integer NOT NULL,
    account character varying(4000) NOT NULL,
    witnesses character varying(1000),
    police_report_number character varying(60),
    police_officer character varying(120),
    police_badge character varying(40),
    feeling character varying(1000),
    is_private boolean NOT NULL,
    written_by integer NOT NULL,
    written_by_user_id uuid NOT NULL,
    written_at timestamp with time zone NOT NULL,
    corrected_at timestamp with time zone,
    content_hash character varying(64) NOT NULL,
    from_check_in_id uuid,
    CONSTRAINT pk_incident_entries PRIMARY KEY (id),
    CONSTRAINT ak_incident_entries_id_client_id UNIQUE (id, client_id),
    CONSTRAINT ck_incident_entries_one_person CHECK (boundary_id IS NULL OR support_person_id IS NULL),
    CONSTRAINT fk_incident_entries_boundaries_boundary_id FOREIGN KEY (boundary_id) REFERENCES boundaries (id) ON DELETE RESTRICT,
    CONSTRAINT fk_incident_entries_check_ins_from_check_in_id FOREIGN KEY (from_check_in_id) REFERENCES check_ins (id) ON DELETE RESTRICT,
    CONSTRAINT fk_incident_entries_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_incident_entries_support_people_support_person_id FOREIGN KEY (support_person_id) REFERENCES support_people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_incident_entries_users_written_by_user_id FOREIGN KEY (written_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_incident_entries_boundary_id ON incident_entries (boundary_id);

-- A client's incidents by when they happened, newest first.
CREATE INDEX ix_incident_entries_client_id_occurred_at ON incident_entries (client_id, occurred_at DESC);

CREATE INDEX ix_incident_entries_from_check_in_id ON incident_entries (from_check_in_id);

CREATE INDEX ix_incident_entries_support_person_id ON incident_entries (support_person_id);

CREATE INDEX ix_incident_entries_written_by_user_id ON incident_entries (written_by_user_id);

CREATE TABLE incident_addenda (
    id uuid NOT NULL,
    incident_id uuid NOT NULL,
    client_id uuid NOT NULL,
    text character varying(4000) NOT NULL,
    written_by integer NOT NULL,
    written_by_user_id uuid NOT NULL,
    written_at timestamp with time zone NOT NULL,
    content_hash character varying(64) NOT NULL,
    CONSTRAINT pk_incident_addenda PRIMARY KEY (id),
    CONSTRAINT fk_incident_addenda_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    -- With its client, so an addendum cannot hang under another client's entry.
    CONSTRAINT fk_incident_addenda_incident_entries_incident_id_client_id FOREIGN KEY (incident_id, client_id) REFERENCES incident_entries (id, client_id) ON DELETE RESTRICT,
    CONSTRAINT fk_incident_addenda_users_written_by_user_id FOREIGN KEY (written_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_incident_addenda_client_id ON incident_addenda (client_id);

CREATE INDEX ix_incident_addenda_incident_id_client_id ON incident_addenda (incident_id, client_id);

CREATE INDEX ix_incident_addenda_incident_id_written_at ON incident_addenda (incident_id, written_at);

CREATE INDEX ix_incident_addenda_written_by_user_id ON incident_addenda (written_by_user_id);

-- Belt and braces for the correction window: once it has closed (plus a minute for a correction the app accepted just
-- before, still committing), the content of an entry cannot change, and no entry is ever removed. Privacy and the link to a
-- check-in are settings, not content, and may change.
CREATE FUNCTION incident_entries_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'incident entries stay in the record' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF now() > OLD.written_at + interval '31 minutes'
       AND ROW(NEW.id, NEW.client_id, NEW.occurred_at, NEW.place, NEW.boundary_id, NEW.support_person_id, NEW.channel, NEW.account,
               NEW.witnesses, NEW.police_report_number, NEW.police_officer, NEW.police_badge, NEW.feeling, NEW.written_by,
               NEW.written_by_user_id, NEW.written_at, NEW.corrected_at, NEW.content_hash)
           IS DISTINCT FROM
           ROW(OLD.id, OLD.client_id, OLD.occurred_at, OLD.place, OLD.boundary_id, OLD.support_person_id, OLD.channel, OLD.account,
               OLD.witnesses, OLD.police_report_number, OLD.police_officer, OLD.police_badge, OLD.feeling, OLD.written_by,
               OLD.written_by_user_id, OLD.written_at, OLD.corrected_at, OLD.content_hash) THEN
        RAISE EXCEPTION 'the correction window of this entry has closed: add an addendum' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER incident_entries_locked BEFORE UPDATE OR DELETE ON incident_entries FOR EACH ROW EXECUTE FUNCTION incident_entries_locked();

-- Addenda are insert-only.
CREATE FUNCTION incident_addenda_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'addenda are never changed or removed' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER incident_addenda_locked BEFORE UPDATE OR DELETE ON incident_addenda FOR EACH ROW EXECUTE FUNCTION incident_addenda_locked();
