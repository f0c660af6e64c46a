-- 0034 The clinic's weekly on-call rota: the clinician on call each day of the week (clinic time). An unacknowledged
-- imminent alert goes to the clinician on call at that moment, else to the client's clinician's backup.

CREATE TABLE on_call_days (
    day integer NOT NULL,
    clinician_id uuid NOT NULL,
    CONSTRAINT pk_on_call_days PRIMARY KEY (day),
    CONSTRAINT fk_on_call_days_users_clinician_id FOREIGN KEY (clinician_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_on_call_days_clinician_id ON on_call_days (clinician_id);
