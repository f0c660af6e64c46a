-- 0131 Links (issue 21, point 6): incidents linked to a safety concern (both of one client: the entry is named through its
-- (id, client_id) key), and at most one incident entry per check-in ("Log as incident" from a check-in's contact attempt).

CREATE TABLE concern_incident_links (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    concern_id uuid NOT NULL,
    incident_id uuid NOT NULL,
    linked_by_id uuid NOT NULL,
    linked_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_concern_incident_links PRIMARY KEY (id),
    CONSTRAINT fk_concern_incident_links_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT "fk_concern_incident_links_incident_entries_incident_id_client_~" FOREIGN KEY (incident_id, client_id) REFERENCES incident_entries (id, client_id) ON DELETE RESTRICT,
    CONSTRAINT fk_concern_incident_links_safety_concerns_concern_id FOREIGN KEY (concern_id) REFERENCES safety_concerns (id) ON DELETE RESTRICT,
    CONSTRAINT fk_concern_incident_links_users_linked_by_id FOREIGN KEY (linked_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_concern_incident_links_client_id ON concern_incident_links (client_id);

CREATE UNIQUE INDEX ix_concern_incident_links_concern_id_incident_id ON concern_incident_links (concern_id, incident_id);

CREATE INDEX ix_concern_incident_links_incident_id_client_id ON concern_incident_links (incident_id, client_id);

CREATE INDEX ix_concern_incident_links_linked_by_id ON concern_incident_links (linked_by_id);

DROP INDEX ix_incident_entries_from_check_in_id;

CREATE UNIQUE INDEX ix_incident_entries_from_check_in_id ON incident_entries (from_check_in_id);
