-- 0050 What this database was first started for (0 live, 1 demo): demo mode, whose passwords are published,
-- never runs on a real clinic's database, and a normal start never runs on the demo's.

CREATE TABLE deployment_mark (
    id integer NOT NULL,
    mode integer NOT NULL,
    marked_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_deployment_mark PRIMARY KEY (id)
);
