-- 0091 Tasks between sessions: what the clinician asked, by when, and every tick (and untick) by the client, so a report
-- shows each task as it stood at the end of its period.

CREATE TABLE client_tasks (
    id uuid NOT NULL,
    client_id uuid NOT NULL,
    title character varying(300) NOT NULL,
    due_on date NOT NULL,
    given_by_id uuid NOT NULL,
    given_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    CONSTRAINT pk_client_tasks PRIMARY KEY (id),
    CONSTRAINT fk_client_tasks_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_client_tasks_users_given_by_id FOREIGN KEY (given_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_client_tasks_client_id_due_on ON client_tasks (client_id, due_on);

CREATE INDEX ix_client_tasks_given_by_id ON client_tasks (given_by_id);

CREATE TABLE client_task_ticks (
    id uuid NOT NULL,
    task_id uuid NOT NULL,
    client_id uuid NOT NULL,
    done boolean NOT NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT pk_client_task_ticks PRIMARY KEY (id),
    CONSTRAINT fk_client_task_ticks_client_tasks_task_id FOREIGN KEY (task_id) REFERENCES client_tasks (id) ON DELETE RESTRICT,
    CONSTRAINT fk_client_task_ticks_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT
);

CREATE INDEX ix_client_task_ticks_client_id_at ON client_task_ticks (client_id, at);

CREATE INDEX ix_client_task_ticks_task_id_at ON client_task_ticks (task_id, at);
