-- 0030 Alert mail through the outbox: "You have an urgent alert" is a message to a clinician (or, on escalation, their
-- backup or an administrator) about a client, retried with backoff like reminders. The row names its recipient.

ALTER TABLE outbox_messages ADD COLUMN recipient_user_id uuid;

ALTER TABLE outbox_messages ADD CONSTRAINT fk_outbox_messages_users_recipient_user_id
    FOREIGN KEY (recipient_user_id) REFERENCES users (id) ON DELETE RESTRICT;

CREATE INDEX ix_outbox_messages_recipient_user_id ON outbox_messages (recipient_user_id);
