-- 0060 Disclosure accounting: the audit row of a progress report's export says who it was for, and the viewer finds them.
ALTER TABLE audit_entries ADD disclosed_to character varying(30);
ALTER TABLE audit_entries ADD recipient character varying(200);

CREATE INDEX ix_audit_entries_disclosures ON audit_entries (id) WHERE disclosed_to IS NOT NULL;
