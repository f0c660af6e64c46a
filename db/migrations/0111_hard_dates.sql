-- 0111 Hard dates (birthdays, anniversaries, holidays, court dates), entered by the clinician or the client,
-- and the caseload's next one in its own client_summaries column. The column holds the next date as of the day it
-- was refreshed; the page counts the days. A trigger refreshes it on every change, and the job "hard-dates-roll"
-- refreshes only the rows whose date has passed (yearly dates roll on a year, one-off dates drop out), every half hour:
-- no page aggregates hard dates.

CREATE TABLE hard_dates (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    kind integer NOT NULL,
    label character varying(80),
    date date NOT NULL,
    yearly boolean NOT NULL,
    added_by_id uuid NOT NULL,
    added_by_client boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_hard_dates PRIMARY KEY (id),
    CONSTRAINT fk_hard_dates_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_hard_dates_users_added_by_id FOREIGN KEY (added_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_hard_dates_added_by_id ON hard_dates (added_by_id);

CREATE INDEX ix_hard_dates_client_id_date ON hard_dates (client_id, date);

ALTER TABLE client_summaries ADD COLUMN next_hard_date date;

-- The next time a date comes from p_today on: HardDate.Next in Core, the same arithmetic (a 29 February falls on
-- the 28th in other years, counted from the stored date each time).
CREATE FUNCTION hard_date_next(p_date date, p_yearly boolean, p_today date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN NOT p_yearly THEN CASE WHEN p_date >= p_today THEN p_date END
        WHEN (p_date + make_interval(years => greatest(0, extract(year FROM p_today)::int - extract(year FROM p_date)::int)))::date >= p_today
            THEN (p_date + make_interval(years => greatest(0, extract(year FROM p_today)::int - extract(year FROM p_date)::int)))::date
        ELSE (p_date + make_interval(years => greatest(0, extract(year FROM p_today)::int - extract(year FROM p_date)::int) + 1))::date
    END
$$;

-- "Today" in the clinic's time zone, as the caseload counts days (ClinicCalendar.TodayAsync); the server's date if
-- the zone is unknown to PostgreSQL.
CREATE FUNCTION clinic_today() RETURNS date LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (now() AT TIME ZONE coalesce((SELECT time_zone_id FROM clinic_settings WHERE id = 1), 'UTC'))::date;
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN current_date;
END
$$;

CREATE FUNCTION refresh_client_next_hard_date(p_client uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE client_summaries SET next_hard_date =
        (SELECT min(hard_date_next(date, yearly, clinic_today())) FROM hard_dates WHERE client_id = p_client)
    WHERE client_id = p_client;
END
$$;

CREATE FUNCTION client_hard_dates_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM refresh_client_next_hard_date(OLD.client_id);
    ELSE
        PERFORM refresh_client_next_hard_date(NEW.client_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER client_summary_hard_dates AFTER INSERT OR UPDATE OR DELETE ON hard_dates
    FOR EACH ROW EXECUTE FUNCTION client_hard_dates_changed();

