-- 0100 Conditions for reconsidering contact get a status ("not yet", "partly", "met"), its date and the evidence.
-- They stay in the boundary's jsonb list, so every revision keeps them as they stood. Conditions written before
-- this were free text only: they become items at "not yet", with no date or evidence. Revisions are written once
-- and never edited; their older snapshots read as "not yet" as well.

UPDATE boundaries
SET conditions = (
    SELECT coalesce(jsonb_agg(item || '{"Status": "NotYet", "StatusDate": null, "Evidence": null}'::jsonb ORDER BY ordinality), '[]'::jsonb)
    FROM jsonb_array_elements(conditions) WITH ORDINALITY AS items(item, ordinality)
)
WHERE jsonb_array_length(conditions) > 0;
