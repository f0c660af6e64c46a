-- 0080 Standard questionnaires (PHQ-9, GAD-7, PCL-5): schedules, responses with their answers, the clinician's notes on
-- them, and the caseload's questionnaire signal. The wording lives in Core (Measures/Instruments), never in the database.

CREATE TABLE measure_schedules (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    instrument_code character varying(16) NOT NULL,
    kind integer NOT NULL,
    interval_weeks integer,
    hours_before integer,
    starts_at timestamp with time zone NOT NULL,
    share_trend boolean NOT NULL,
    created_by_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    stopped_at timestamp with time zone,
    CONSTRAINT pk_measure_schedules PRIMARY KEY (id),
    CONSTRAINT fk_measure_schedules_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_measure_schedules_users_created_by_id FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE measure_responses (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    instrument_code character varying(16) NOT NULL,
    instrument_version character varying(64) NOT NULL,
    schedule_id uuid,
    session_id uuid,
    due_at timestamp with time zone NOT NULL,
    assigned_at timestamp with time zone NOT NULL,
    assigned_by_id uuid,
    answers integer[] NOT NULL,
    submitted_at timestamp with time zone,
    total integer,
    safety_flag boolean NOT NULL,
    reliable_change integer,
    entered_by_id uuid,
    CONSTRAINT pk_measure_responses PRIMARY KEY (id),
    CONSTRAINT fk_measure_responses_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_measure_responses_measure_schedules_schedule_id FOREIGN KEY (schedule_id) REFERENCES measure_schedules (id) ON DELETE RESTRICT,
    CONSTRAINT fk_measure_responses_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_measure_responses_users_assigned_by_id FOREIGN KEY (assigned_by_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_measure_responses_users_entered_by_id FOREIGN KEY (entered_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE measure_notes (
    id uuid NOT NULL,
    response_id uuid NOT NULL,
    client_id uuid NOT NULL,
    author_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    text character varying(2000) NOT NULL,
    CONSTRAINT pk_measure_notes PRIMARY KEY (id),
    CONSTRAINT fk_measure_notes_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_measure_notes_measure_responses_response_id FOREIGN KEY (response_id) REFERENCES measure_responses (id) ON DELETE RESTRICT,
    CONSTRAINT fk_measure_notes_users_author_id FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_measure_notes_author_id ON measure_notes (author_id);
CREATE INDEX ix_measure_notes_client_id ON measure_notes (client_id);
CREATE INDEX ix_measure_notes_response_id ON measure_notes (response_id);
CREATE INDEX ix_measure_responses_assigned_by_id ON measure_responses (assigned_by_id);
CREATE INDEX ix_measure_responses_client_id_instrument_code_submitted_at ON measure_responses (client_id, instrument_code, submitted_at);
CREATE INDEX ix_measure_responses_entered_by_id ON measure_responses (entered_by_id);
CREATE UNIQUE INDEX ix_measure_responses_schedule_id_due_at ON measure_responses (schedule_id, due_at);
CREATE UNIQUE INDEX ix_measure_responses_schedule_id_session_id ON measure_responses (schedule_id, session_id);
CREATE INDEX ix_measure_responses_session_id ON measure_responses (session_id);
CREATE INDEX ix_measure_schedules_client_id ON measure_schedules (client_id);
CREATE INDEX ix_measure_schedules_created_by_id ON measure_schedules (created_by_id);

-- Sent answers are the client's record: never changed or removed once submitted (the clinician adds a note instead).
CREATE FUNCTION measure_responses_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'questionnaire answers stay in the record' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.submitted_at IS NOT NULL AND ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
        RAISE EXCEPTION 'sent answers cannot be changed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER measure_responses_locked BEFORE UPDATE OR DELETE ON measure_responses FOR EACH ROW EXECUTE FUNCTION measure_responses_locked();

-- The caseload's questionnaire signal (Core Measures/MeasureSignal): bit 1 when, on any instrument, the latest total is
-- at least its reliable-change threshold (stored with the answers when scored) above the first; bit 2 when the latest
-- answers of an instrument flagged its safety item. Kept by its own function, so refresh_client_summary stays as it is.
-- The default stays: refresh_client_summary (0009) inserts summary rows without naming this column.
ALTER TABLE client_summaries ADD COLUMN measure_signal integer NOT NULL DEFAULT 0;

CREATE FUNCTION refresh_client_measure_signal(p_client uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE client_summaries SET measure_signal = COALESCE((
        SELECT bit_or(CASE WHEN s.total - s.first_total >= s.reliable_change THEN 1 ELSE 0 END
                    | CASE WHEN s.safety_flag THEN 2 ELSE 0 END)
        FROM (
            SELECT r.total, r.safety_flag, r.reliable_change,
                   first_value(r.total) OVER (PARTITION BY r.instrument_code ORDER BY r.submitted_at, r.id) AS first_total,
                   row_number() OVER (PARTITION BY r.instrument_code ORDER BY r.submitted_at DESC, r.id DESC) AS newest
            FROM measure_responses r
            WHERE r.client_id = p_client AND r.submitted_at IS NOT NULL
        ) s
        WHERE s.newest = 1), 0)
    WHERE client_id = p_client;
END
$$;

CREATE FUNCTION client_measure_signal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_client_measure_signal(NEW.client_id);
    RETURN NULL;
END
$$;

CREATE TRIGGER client_summary_measure_responses AFTER INSERT OR UPDATE OF submitted_at ON measure_responses
    FOR EACH ROW EXECUTE FUNCTION client_measure_signal_changed();
