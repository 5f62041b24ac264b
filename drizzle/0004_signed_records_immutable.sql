-- Signed clinical records cannot be changed or removed by anyone, enforced by the database itself on
-- PGlite and PostgreSQL alike (issue 3, item 7). Corrections are addenda, which are append-only too.
CREATE OR REPLACE FUNCTION signed_record_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signed_at IS NOT NULL THEN
    RAISE EXCEPTION '% row % is signed: % is not allowed (add an addendum instead)', TG_TABLE_NAME, OLD.id, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION clinical_record_refuse_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% holds signed clinical records: TRUNCATE is not allowed', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION append_only_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- Marks and scores recorded by a signed note or assessment are part of it: frozen with it.
CREATE OR REPLACE FUNCTION clinical_detail_refuse_change_when_signed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  rec record;
BEGIN
  FOR rec IN SELECT * FROM (SELECT OLD.session_note_id AS note_id, OLD.assessment_id AS assessment_id
                            WHERE TG_OP <> 'INSERT'
                            UNION ALL
                            SELECT NEW.session_note_id, NEW.assessment_id WHERE TG_OP <> 'DELETE') owners
  LOOP
    IF EXISTS (SELECT 1 FROM session_notes WHERE id = rec.note_id AND signed_at IS NOT NULL)
       OR EXISTS (SELECT 1 FROM assessments WHERE id = rec.assessment_id AND signed_at IS NOT NULL) THEN
      RAISE EXCEPTION '% belongs to a signed record: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END LOOP;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER session_notes_signed_immutable
  BEFORE UPDATE OR DELETE ON session_notes
  FOR EACH ROW EXECUTE FUNCTION signed_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER assessments_signed_immutable
  BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION signed_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER session_note_addenda_append_only
  BEFORE UPDATE OR DELETE ON session_note_addenda
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consents_append_only
  BEFORE UPDATE OR DELETE ON consents
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER body_chart_marks_frozen_when_signed
  BEFORE INSERT OR UPDATE OR DELETE ON body_chart_marks
  FOR EACH ROW EXECUTE FUNCTION clinical_detail_refuse_change_when_signed();
--> statement-breakpoint
CREATE TRIGGER outcome_measure_results_frozen_when_signed
  BEFORE INSERT OR UPDATE OR DELETE ON outcome_measure_results
  FOR EACH ROW EXECUTE FUNCTION clinical_detail_refuse_change_when_signed();
--> statement-breakpoint
CREATE TRIGGER session_notes_no_truncate BEFORE TRUNCATE ON session_notes
  FOR EACH STATEMENT EXECUTE FUNCTION clinical_record_refuse_truncate();
--> statement-breakpoint
CREATE TRIGGER assessments_no_truncate BEFORE TRUNCATE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION clinical_record_refuse_truncate();
--> statement-breakpoint
CREATE TRIGGER session_note_addenda_no_truncate BEFORE TRUNCATE ON session_note_addenda
  FOR EACH STATEMENT EXECUTE FUNCTION clinical_record_refuse_truncate();
--> statement-breakpoint
CREATE TRIGGER consents_no_truncate BEFORE TRUNCATE ON consents
  FOR EACH STATEMENT EXECUTE FUNCTION clinical_record_refuse_truncate();
--> statement-breakpoint
CREATE TRIGGER body_chart_marks_no_truncate BEFORE TRUNCATE ON body_chart_marks
  FOR EACH STATEMENT EXECUTE FUNCTION clinical_record_refuse_truncate();
--> statement-breakpoint
CREATE TRIGGER outcome_measure_results_no_truncate BEFORE TRUNCATE ON outcome_measure_results
  FOR EACH STATEMENT EXECUTE FUNCTION clinical_record_refuse_truncate();
--> statement-breakpoint
ALTER TABLE body_chart_marks
  ADD CONSTRAINT body_chart_marks_session_note_fk FOREIGN KEY (session_note_id) REFERENCES session_notes(id),
  ADD CONSTRAINT body_chart_marks_one_owner CHECK ((assessment_id IS NULL) <> (session_note_id IS NULL));
--> statement-breakpoint
ALTER TABLE outcome_measure_results
  ADD CONSTRAINT outcome_measure_results_session_note_fk FOREIGN KEY (session_note_id) REFERENCES session_notes(id),
  ADD CONSTRAINT outcome_measure_results_one_owner CHECK ((assessment_id IS NULL) <> (session_note_id IS NULL));
