-- No double booking (issue 7, item 2), guaranteed by the database so that two requests racing for one
-- slot cannot both win: a therapist and a room are held from the start to busy_until (the visit plus the
-- service's buffer); a client only for the visit. Cancelled and no-show appointments free their time.
-- Moving several occurrences of a series at once defers the check to the commit (SET CONSTRAINTS).
-- btree_gist lets a GiST index compare the uuid columns with = beside the range overlap (&&).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_therapist_no_overlap
  EXCLUDE USING gist (therapist_id WITH =, tstzrange(start_at, busy_until, '[)') WITH &&)
  WHERE (status IN ('booked', 'confirmed', 'arrived', 'completed'))
  DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_room_no_overlap
  EXCLUDE USING gist (room_id WITH =, tstzrange(start_at, busy_until, '[)') WITH &&)
  WHERE (room_id IS NOT NULL AND status IN ('booked', 'confirmed', 'arrived', 'completed'))
  DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_client_no_overlap
  EXCLUDE USING gist (client_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&)
  WHERE (status IN ('booked', 'confirmed', 'arrived', 'completed'))
  DEFERRABLE INITIALLY IMMEDIATE;
