-- 0140 Incident attachments: pictures and PDFs kept with an incident entry as evidence (Core/Incidents/IncidentAttachment).
-- The file is sanitised before it is stored (pictures re-encoded without metadata, PDFs without scripts or metadata) and
-- sealed with AES-256-GCM under a per-file key wrapped by ASP.NET Core Data Protection (Infrastructure/Incidents/AttachmentVault):
-- sealed_content is never the plain file. content_hash is the hex SHA-256 of the sanitised file. Kept in the database (bytea,
-- stored out of line by TOAST) so a backup, a restore and a transaction hold the entry and its files together.

CREATE TABLE incident_attachments (
    id uuid NOT NULL,
    incident_id uuid NOT NULL,
    client_id uuid NOT NULL,
    format integer NOT NULL,
    byte_count integer NOT NULL,
    width integer NOT NULL,
    height integer NOT NULL,
    page_count integer NOT NULL,
    content_hash character varying(64) NOT NULL,
    added_by integer NOT NULL,
    added_by_user_id uuid NOT NULL,
    added_at timestamp with time zone NOT NULL,
    sealed_content bytea NOT NULL,
    CONSTRAINT pk_incident_attachments PRIMARY KEY (id),
    CONSTRAINT fk_incident_attachments_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    -- With its client, so an attachment cannot hang under another client's entry.
    CONSTRAINT fk_incident_attachments_incident_entries_incident_id_client_id FOREIGN KEY (incident_id, client_id) REFERENCES incident_entries (id, client_id) ON DELETE RESTRICT,
    CONSTRAINT fk_incident_attachments_users_added_by_user_id FOREIGN KEY (added_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_incident_attachments_added_by_user_id ON incident_attachments (added_by_user_id);

CREATE INDEX ix_incident_attachments_client_id ON incident_attachments (client_id);

CREATE INDEX ix_incident_attachments_incident_id_added_at ON incident_attachments (incident_id, added_at);

CREATE INDEX ix_incident_attachments_incident_id_client_id ON incident_attachments (incident_id, client_id);

-- Evidence is never changed or removed once added.
CREATE FUNCTION incident_attachments_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'attachments are never changed or removed' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER incident_attachments_locked BEFORE UPDATE OR DELETE ON incident_attachments FOR EACH ROW EXECUTE FUNCTION incident_attachments_locked();
