-- 0052 Support-network role changes: who changed a person's role, when, from what to what.
-- People saved before this keep their current role as their only known one.

CREATE TABLE support_role_changes (
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    client_id uuid NOT NULL,
    from_role integer NOT NULL,
    to_role integer NOT NULL,
    changed_by_id uuid NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_support_role_changes PRIMARY KEY (id),
    CONSTRAINT fk_support_role_changes_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_support_role_changes_support_people_person_id FOREIGN KEY (person_id) REFERENCES support_people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_support_role_changes_users_changed_by_id FOREIGN KEY (changed_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_support_role_changes_changed_by_id ON support_role_changes (changed_by_id);

CREATE INDEX ix_support_role_changes_client_id_changed_at ON support_role_changes (client_id, changed_at);

CREATE INDEX ix_support_role_changes_person_id_changed_at ON support_role_changes (person_id, changed_at);
