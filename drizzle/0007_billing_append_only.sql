-- Money and claim history are append-only (issue 5, items 6 and 8): the database itself refuses to change
-- or remove a ledger entry, a claim status event, a sent 837P batch or a posted remittance. A mistake in
-- the ledger is undone by a reversing entry (ledger_entries.reverses_entry_id).
CREATE OR REPLACE FUNCTION billing_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_update_delete BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION billing_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION billing_refuse_change();
--> statement-breakpoint
CREATE TRIGGER claim_batches_no_update_delete BEFORE UPDATE OR DELETE ON claim_batches
  FOR EACH ROW EXECUTE FUNCTION billing_refuse_change();
--> statement-breakpoint
CREATE TRIGGER remittances_no_update_delete BEFORE UPDATE OR DELETE ON remittances
  FOR EACH ROW EXECUTE FUNCTION billing_refuse_change();
--> statement-breakpoint
-- Claim events may only be removed together with a draft claim that was never sent (a discarded draft).
CREATE OR REPLACE FUNCTION claim_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (
    SELECT 1 FROM claims WHERE claims.id = OLD.claim_id AND claims.status = 'draft' AND claims.submitted_at IS NULL
  ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'claim_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER claim_events_no_update_delete BEFORE UPDATE OR DELETE ON claim_events
  FOR EACH ROW EXECUTE FUNCTION claim_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER claim_events_no_truncate BEFORE TRUNCATE ON claim_events
  FOR EACH STATEMENT EXECUTE FUNCTION billing_refuse_change();
