-- 0135 The client's side of a protective order's expiry reminder: the once-only reminder record also notes when the client
-- was reminded (a content-free mail, as their contact-safety profile allows). Null on older
-- records, so an order still due is reminded to the client on the job's next run.

ALTER TABLE protective_order_reminders ADD client_reminded_at timestamp with time zone NULL;
