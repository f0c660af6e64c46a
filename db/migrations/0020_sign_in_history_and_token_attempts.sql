-- 0020 Accounts a client can keep control of: each person's recent sign-ins (browser family, device type, masked
-- address; never the full address or user agent), and wrong answers counted on one-time tokens (in-person codes).

CREATE TABLE sign_in_events (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    browser character varying(40) NOT NULL,
    device character varying(20) NOT NULL,
    masked_address character varying(64) NOT NULL,
    CONSTRAINT pk_sign_in_events PRIMARY KEY (id),
    CONSTRAINT fk_sign_in_events_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_sign_in_events_user_id_at ON sign_in_events (user_id, at);

ALTER TABLE one_time_tokens ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0;
