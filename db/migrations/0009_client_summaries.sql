-- 0009 One row per client with the caseload's facts, kept current by triggers in the same transaction as
-- every write that changes them, so the caseload reads one row per client instead of aggregating history.
-- Facts that depend on the clock (overdue, quiet, next session) are derived from these at read time.

CREATE TABLE client_summaries (
    client_id uuid NOT NULL,
    stage_model_id uuid,
    stage_id uuid,
    stage_since date,
    regressions integer NOT NULL DEFAULT 0,
    last_note_date date,
    draft_notes integer NOT NULL DEFAULT 0,
    open_concerns integer NOT NULL DEFAULT 0,
    top_open_severity integer,
    imminent_alerts integer NOT NULL DEFAULT 0,
    open_alerts integer NOT NULL DEFAULT 0,
    last_check_in_at timestamp with time zone,
    latest_urge integer,
    previous_urge integer,
    earlier_urge integer,
    last_setback_at timestamp with time zone,
    last_contact_attempt_at timestamp with time zone,
    last_held_session_at timestamp with time zone,
    sign_in_since timestamp with time zone,
    expects_check_ins boolean NOT NULL DEFAULT false,
    next_review_date date,
    CONSTRAINT pk_client_summaries PRIMARY KEY (client_id),
    CONSTRAINT fk_client_summaries_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE
);

-- Enum values as the application stores them: NoteStatus.Draft = 0, ConcernStatus.Resolved = 2,
-- ConcernSeverity.Imminent = 3, SessionStatus.Completed = 1, ClientStatus.Active = 0; BuiltInStageModels.DefaultModelId is the journey model.
-- ClientSummaryTests compares every column with the same facts computed through EF, so a drift fails a test.
CREATE FUNCTION refresh_client_summary(p_client uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_model uuid;
    v_stage uuid;
    v_other_on date;
    v_other_at timestamp with time zone;
    v_urges integer[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM clients WHERE id = p_client) THEN RETURN; END IF;
    INSERT INTO client_summaries (client_id) VALUES (p_client) ON CONFLICT (client_id) DO NOTHING;
    -- One refresh of a client at a time; each statement below then sees every write committed before this lock.
    PERFORM 1 FROM client_summaries WHERE client_id = p_client FOR UPDATE;

    SELECT model_id INTO v_model FROM client_stage_models WHERE client_id = p_client ORDER BY started_at DESC LIMIT 1;
    v_model := coalesce(v_model, '6a0c1e00-0000-4000-a000-000000000001'::uuid);
    SELECT stage_id INTO v_stage FROM stage_assessments
        WHERE client_id = p_client AND model_id = v_model ORDER BY assessed_on DESC, created_at DESC LIMIT 1;
    -- The stage's current run began after the latest assessment of any other stage.
    SELECT assessed_on, created_at INTO v_other_on, v_other_at FROM stage_assessments
        WHERE client_id = p_client AND model_id = v_model AND stage_id <> v_stage ORDER BY assessed_on DESC, created_at DESC LIMIT 1;
    SELECT array_agg(urge) INTO v_urges FROM
        (SELECT urge FROM check_ins WHERE client_id = p_client ORDER BY created_at DESC LIMIT 3) latest;

    UPDATE client_summaries SET
        stage_model_id = v_model,
        stage_id = v_stage,
        stage_since = (SELECT min(assessed_on) FROM stage_assessments
            WHERE client_id = p_client AND model_id = v_model AND stage_id = v_stage
              AND (v_other_on IS NULL OR (assessed_on, created_at) > (v_other_on, v_other_at))),
        -- StagePath.Classify: a move to a relapse stage, or back to an earlier position, counts.
        regressions = (SELECT count(*) FROM (
            SELECT a.stage_id, st.position, st.is_relapse,
                   lag(a.stage_id) OVER w AS previous_stage, lag(st.position) OVER w AS previous_position
            FROM stage_assessments a JOIN stages st ON st.id = a.stage_id
            WHERE a.client_id = p_client AND a.model_id = v_model
            WINDOW w AS (ORDER BY a.assessed_on, a.created_at)) path
            WHERE previous_stage IS DISTINCT FROM stage_id AND (is_relapse OR position < previous_position)),
        last_note_date = (SELECT max(service_date) FROM case_notes WHERE client_id = p_client),
        draft_notes = (SELECT count(*) FROM case_notes WHERE client_id = p_client AND status = 0),
        open_concerns = (SELECT count(*) FROM safety_concerns WHERE client_id = p_client AND status <> 2),
        top_open_severity = (SELECT max(severity) FROM safety_concerns WHERE client_id = p_client AND status <> 2),
        imminent_alerts = (SELECT count(*) FROM clinician_alerts
            WHERE client_id = p_client AND acknowledged_at IS NULL AND severity = 3),
        open_alerts = (SELECT count(*) FROM clinician_alerts WHERE client_id = p_client AND acknowledged_at IS NULL),
        last_check_in_at = (SELECT max(created_at) FROM check_ins WHERE client_id = p_client),
        latest_urge = v_urges[1],
        previous_urge = v_urges[2],
        earlier_urge = v_urges[3],
        last_setback_at = (SELECT max(created_at) FROM check_ins WHERE client_id = p_client AND broke_contact),
        last_contact_attempt_at = (SELECT max(created_at) FROM check_ins WHERE client_id = p_client AND contact_attempted),
        last_held_session_at = (SELECT max(starts_at) FROM sessions WHERE client_id = p_client AND status = 1),
        sign_in_since = (SELECT u.created_at FROM clients c JOIN users u ON u.id = c.user_id WHERE c.id = p_client),
        expects_check_ins = (SELECT c.user_id IS NOT NULL AND c.status = 0 FROM clients c WHERE c.id = p_client),
        next_review_date = (SELECT min(review_date) FROM boundaries WHERE client_id = p_client)
    WHERE client_id = p_client;
END
$$;

-- Row triggers on every table the summary reads. The argument names the column holding the client's id.
CREATE FUNCTION client_summary_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_new uuid;
    v_old uuid;
BEGIN
    IF TG_OP <> 'DELETE' THEN v_new := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid; END IF;
    IF TG_OP <> 'INSERT' THEN v_old := (to_jsonb(OLD) ->> TG_ARGV[0])::uuid; END IF;
    IF v_new IS NOT NULL THEN PERFORM refresh_client_summary(v_new); END IF;
    IF v_old IS NOT NULL AND v_old IS DISTINCT FROM v_new THEN PERFORM refresh_client_summary(v_old); END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER client_summary_clients AFTER INSERT OR UPDATE OF user_id, status ON clients FOR EACH ROW EXECUTE FUNCTION client_summary_changed('id');
CREATE TRIGGER client_summary_case_notes AFTER INSERT OR UPDATE OR DELETE ON case_notes FOR EACH ROW EXECUTE FUNCTION client_summary_changed('client_id');
CREATE TRIGGER client_summary_client_stage_models AFTER INSERT OR UPDATE OR DELETE ON client_stage_models FOR EACH ROW EXECUTE FUNCTION client_summary_changed('client_id');
CREATE TRIGGER client_summary_stage_assessments AFTER INSERT OR UPDATE OR DELETE ON stage_assessments FOR EACH ROW EXECUTE FUNCTION client_summary_changed('client_id');
CREATE TRIGGER client_summary_safety_concerns AFTER INSERT OR UPDATE OR DELETE ON safety_concerns FOR EACH ROW EXECUTE FUNCTION client_summary_changed('client_id');
CREATE TRIGGER client_summary_clinician_alerts AFTER INSERT OR UPDATE OR DELETE ON clinician_alerts FOR EACH ROW EXECUTE FUNCTION client_summary_changed('client_id');
CREATE TRIGGER client_summary_check_ins AFTER INSERT OR UPDATE OR DELETE ON check_ins FOR EACH ROW EXECUTE FUNCTION client_summary_changed('client_id');
CREATE TRIGGER client_summary_sessions AFTER INSERT OR UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION client_summary_changed('client_id');
CREATE TRIGGER client_summary_boundaries AFTER INSERT OR UPDATE OR DELETE ON boundaries FOR EACH ROW EXECUTE FUNCTION client_summary_changed('client_id');

-- Clients that exist already.
SELECT refresh_client_summary(id) FROM clients;

