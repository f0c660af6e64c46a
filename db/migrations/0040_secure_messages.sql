-- 0040 Secure messages between a client and their clinician, the unread count on the caseload, and the clinic's
-- usual reply time shown beside the thread.

CREATE TABLE secure_messages (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    sender_id uuid NOT NULL,
    from_client boolean NOT NULL,
    body character varying(4000) NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone,
    CONSTRAINT pk_secure_messages PRIMARY KEY (id),
    CONSTRAINT fk_secure_messages_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT
);

CREATE INDEX ix_secure_messages_client_id_sent_at ON secure_messages (client_id, sent_at);

-- A sent message is never changed or removed: only the moment it was read may be set.
CREATE FUNCTION secure_messages_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'secure messages stay in the record' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.client_id, NEW.sender_id, NEW.from_client, NEW.body, NEW.sent_at)
       IS DISTINCT FROM (OLD.client_id, OLD.sender_id, OLD.from_client, OLD.body, OLD.sent_at) THEN
        RAISE EXCEPTION 'a sent message cannot be changed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER secure_messages_locked BEFORE UPDATE OR DELETE ON secure_messages FOR EACH ROW EXECUTE FUNCTION secure_messages_locked();

-- The clinician's unread messages per client (MessageThread.UnreadByClinician), kept in the caseload's summary row by
-- its own small function, so refresh_client_summary (0009) is left as it is.
ALTER TABLE client_summaries ADD COLUMN unread_messages integer NOT NULL DEFAULT 0;

CREATE FUNCTION refresh_client_unread_messages(p_client uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE client_summaries SET unread_messages =
        (SELECT count(*) FROM secure_messages WHERE client_id = p_client AND from_client AND read_at IS NULL)
    WHERE client_id = p_client;
END
$$;

CREATE FUNCTION client_unread_messages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_client_unread_messages(NEW.client_id);
    RETURN NULL;
END
$$;

CREATE TRIGGER client_summary_secure_messages AFTER INSERT OR UPDATE OF read_at ON secure_messages
    FOR EACH ROW EXECUTE FUNCTION client_unread_messages_changed();

ALTER TABLE clinic_settings ADD COLUMN message_reply_days integer NOT NULL DEFAULT 2;
ALTER TABLE clinic_settings ALTER COLUMN message_reply_days DROP DEFAULT;
