-- 0092 The treatment plan's review date in the caseload's summary row, kept by its own small function and trigger
-- (refresh_client_summary in 0009 is left as it is); the caseload shows it once it has passed.

ALTER TABLE client_summaries ADD COLUMN plan_review_date date;

CREATE FUNCTION refresh_client_plan_review(p_client uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE client_summaries SET plan_review_date = (SELECT review_date FROM treatment_plans WHERE client_id = p_client)
    WHERE client_id = p_client;
END
$$;

CREATE FUNCTION client_plan_review_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_client_plan_review(NEW.client_id);
    RETURN NULL;
END
$$;

CREATE TRIGGER client_summary_treatment_plans AFTER INSERT OR UPDATE OF review_date ON treatment_plans
    FOR EACH ROW EXECUTE FUNCTION client_plan_review_changed();
