-- 0130 Protective orders (issue 21, point 5): a client's orders with their terms, served and expiry dates, ended early or not;
-- the history of every change; and the reminder record that makes the expiry reminder happen exactly once per order and
-- expiry date (unique key), whichever instance runs the job and however often. Possible breaches are computed, not stored.

CREATE TABLE protective_orders (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    boundary_id uuid NOT NULL,
    court character varying(200) NOT NULL,
    order_number character varying(80) NOT NULL,
    type integer NOT NULL,
    no_contact boolean NOT NULL,
    distance numeric(8,1),
    distance_unit integer,
    exceptions character varying(1000),
    served_on date NOT NULL,
    expires_on date,
    notes character varying(2000),
    ended_on date,
    end_reason character varying(500),
    created_by_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_protective_orders PRIMARY KEY (id),
    CONSTRAINT ck_protective_orders_distance CHECK ((distance IS NULL AND distance_unit IS NULL) OR (distance > 0 AND distance_unit IS NOT NULL)),
    CONSTRAINT ck_protective_orders_ended CHECK (ended_on IS NULL OR ended_on >= served_on),
    CONSTRAINT ck_protective_orders_expiry_after_served CHECK (expires_on IS NULL OR expires_on > served_on),
    CONSTRAINT fk_protective_orders_boundaries_boundary_id FOREIGN KEY (boundary_id) REFERENCES boundaries (id) ON DELETE RESTRICT,
    CONSTRAINT fk_protective_orders_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_protective_orders_users_created_by_id FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE protective_order_changes (
    id uuid NOT NULL,
    order_id uuid NOT NULL,
    client_id uuid NOT NULL,
    changed_by_id uuid NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    summary character varying(8000) NOT NULL,
    CONSTRAINT pk_protective_order_changes PRIMARY KEY (id),
    CONSTRAINT fk_protective_order_changes_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_protective_order_changes_protective_orders_order_id FOREIGN KEY (order_id) REFERENCES protective_orders (id) ON DELETE RESTRICT,
    CONSTRAINT fk_protective_order_changes_users_changed_by_id FOREIGN KEY (changed_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE protective_order_reminders (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    order_id uuid NOT NULL,
    expires_on date NOT NULL,
    alert_id uuid NOT NULL,
    reminded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_protective_order_reminders PRIMARY KEY (id),
    CONSTRAINT fk_protective_order_reminders_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_protective_order_reminders_clinician_alerts_alert_id FOREIGN KEY (alert_id) REFERENCES clinician_alerts (id) ON DELETE RESTRICT,
    CONSTRAINT fk_protective_order_reminders_protective_orders_order_id FOREIGN KEY (order_id) REFERENCES protective_orders (id) ON DELETE RESTRICT
);

CREATE INDEX ix_protective_order_changes_changed_by_id ON protective_order_changes (changed_by_id);

CREATE INDEX ix_protective_order_changes_client_id ON protective_order_changes (client_id);

CREATE INDEX ix_protective_order_changes_order_id ON protective_order_changes (order_id);

CREATE INDEX ix_protective_order_reminders_alert_id ON protective_order_reminders (alert_id);

CREATE INDEX ix_protective_order_reminders_client_id ON protective_order_reminders (client_id);

CREATE UNIQUE INDEX ix_protective_order_reminders_order_id_expires_on ON protective_order_reminders (order_id, expires_on);

CREATE INDEX ix_protective_orders_boundary_id ON protective_orders (boundary_id);

CREATE INDEX ix_protective_orders_client_id_served_on ON protective_orders (client_id, served_on);

CREATE INDEX ix_protective_orders_created_by_id ON protective_orders (created_by_id);
