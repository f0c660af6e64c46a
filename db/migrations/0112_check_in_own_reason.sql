-- 0112 "My own reasons": a reason the client writes in a check-in, which the clinician may add to the plan.

ALTER TABLE check_ins ADD COLUMN own_reason character varying(500);
