-- 0110 A check-in that knows which person: feelings ticked, "looked them up", and answers per person
-- (boundary) for a client with more than one. Old check-ins read as before: no feelings, not looked up, no rows.
-- The defaults stay, so bulk loaders that name the older columns only (the scale clinic, bench/) keep working.

ALTER TABLE check_ins
    ADD COLUMN looked_them_up boolean NOT NULL DEFAULT false,
    ADD COLUMN emotions integer[] NOT NULL DEFAULT '{}';

CREATE TABLE check_in_people (
    id uuid NOT NULL,
    check_in_id uuid NOT NULL,
    client_id uuid NOT NULL,
    boundary_id uuid NOT NULL,
    urge integer,
    contact_attempted boolean NOT NULL,
    got_in_touch boolean NOT NULL,
    looked_up boolean NOT NULL,
    CONSTRAINT pk_check_in_people PRIMARY KEY (id),
    CONSTRAINT fk_check_in_people_boundaries_boundary_id FOREIGN KEY (boundary_id) REFERENCES boundaries (id) ON DELETE RESTRICT,
    CONSTRAINT fk_check_in_people_check_ins_check_in_id FOREIGN KEY (check_in_id) REFERENCES check_ins (id) ON DELETE CASCADE,
    CONSTRAINT fk_check_in_people_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT
);

CREATE INDEX ix_check_in_people_boundary_id ON check_in_people (boundary_id);

CREATE UNIQUE INDEX ix_check_in_people_check_in_id_boundary_id ON check_in_people (check_in_id, boundary_id);

CREATE INDEX ix_check_in_people_client_id ON check_in_people (client_id);
