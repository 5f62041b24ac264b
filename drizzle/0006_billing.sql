CREATE TYPE "public"."claim_type" AS ENUM('health', 'auto', 'workers_comp');--> statement-breakpoint
CREATE TYPE "public"."unit_method" AS ENUM('cms', 'per-code');--> statement-breakpoint
CREATE TYPE "public"."claim_status" AS ENUM('draft', 'ready', 'submitted', 'accepted', 'rejected', 'paid', 'partially_paid', 'denied', 'appealed', 'corrected', 'voided');--> statement-breakpoint
CREATE TYPE "public"."case_kind" AS ENUM('auto', 'workers_comp', 'other_accident');--> statement-breakpoint
CREATE TYPE "public"."policy_priority" AS ENUM('primary', 'secondary', 'tertiary');--> statement-breakpoint
CREATE TYPE "public"."insured_relationship" AS ENUM('self', 'spouse', 'child', 'other');--> statement-breakpoint
CREATE TYPE "public"."ledger_bucket" AS ENUM('insurance', 'patient');--> statement-breakpoint
CREATE TYPE "public"."ledger_entry_kind" AS ENUM('charge', 'insurance_payment', 'patient_payment', 'contractual_adjustment', 'transfer_to_patient', 'adjustment', 'write_off', 'refund', 'reversal');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('cash', 'card', 'cheque', 'insurance', 'eft', 'other');--> statement-breakpoint
CREATE TABLE "billing_profiles" (
	"clinic_id" uuid PRIMARY KEY NOT NULL,
	"legal_name" text NOT NULL,
	"tax_id" text NOT NULL,
	"tax_id_type" text NOT NULL,
	"billing_npi" text NOT NULL,
	"taxonomy" text NOT NULL,
	"address" jsonb NOT NULL,
	"phone" text,
	"place_of_service" text DEFAULT '11' NOT NULL,
	"accept_assignment" boolean DEFAULT true NOT NULL,
	"submitter_id" text NOT NULL,
	"submitter_contact" text NOT NULL,
	"receiver_id" text NOT NULL,
	"receiver_name" text NOT NULL,
	"usage" text DEFAULT 'T' NOT NULL,
	"last_interchange_control_number" integer DEFAULT 0 NOT NULL,
	"last_claim_number" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinic_code_pair_edits" (
	"clinic_id" uuid NOT NULL,
	"column1" text NOT NULL,
	"column2" text NOT NULL,
	"modifier_indicator" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "clinic_code_pair_edits_pk" UNIQUE("clinic_id","column1","column2")
);
--> statement-breakpoint
CREATE TABLE "clinic_service_codes" (
	"clinic_id" uuid NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"timed" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clinic_service_codes_pk" UNIQUE("clinic_id","code")
);
--> statement-breakpoint
CREATE TABLE "fee_schedule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"code" text NOT NULL,
	"payer_id" uuid,
	"fee_cents" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fee_schedule_code_payer_unique" UNIQUE NULLS NOT DISTINCT("clinic_id","code","payer_id")
);
--> statement-breakpoint
CREATE TABLE "payers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"payer_id" text NOT NULL,
	"address" jsonb,
	"phone" text,
	"claim_type" "claim_type" NOT NULL,
	"filing_indicator" text NOT NULL,
	"unit_method" "unit_method" NOT NULL,
	"requires_gp" boolean DEFAULT false NOT NULL,
	"bundles_97124_with_97140" boolean DEFAULT false NOT NULL,
	"requires_referring_provider" boolean DEFAULT true NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_billing_ids" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"npi" text NOT NULL,
	"taxonomy" text NOT NULL,
	"license_state" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"interchange_control_number" integer NOT NULL,
	"claim_ids" uuid[] NOT NULL,
	"claim_count" integer NOT NULL,
	"total_charge_cents" integer NOT NULL,
	"file" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"from_status" "claim_status",
	"to_status" "claim_status" NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid,
	"by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"session_note_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"service_date" date NOT NULL,
	"code" text NOT NULL,
	"modifiers" text[] DEFAULT '{}'::text[] NOT NULL,
	"diagnosis_pointers" integer[] NOT NULL,
	"units" integer NOT NULL,
	"minutes" integer,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"charge_cents" integer NOT NULL,
	"line_control_number" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"payer_id" uuid NOT NULL,
	"policy_id" uuid,
	"case_id" uuid,
	"prescription_id" uuid,
	"rendering_provider_id" uuid NOT NULL,
	"referring_provider" jsonb,
	"status" "claim_status" NOT NULL,
	"frequency_code" text NOT NULL,
	"original_claim_id" uuid,
	"payer_claim_number" text,
	"control_number" text NOT NULL,
	"place_of_service" text NOT NULL,
	"diagnoses" jsonb NOT NULL,
	"prior_auth_number" text,
	"onset_date" date,
	"total_charge_cents" integer NOT NULL,
	"last_scrub" jsonb,
	"submitted_at" timestamp with time zone,
	"document" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"episode_id" uuid,
	"payer_id" uuid NOT NULL,
	"kind" "case_kind" NOT NULL,
	"claim_number" text,
	"policy_number" text,
	"injury_date" date,
	"accident_state" text,
	"adjuster" jsonb,
	"attorney" jsonb,
	"employer_name" text,
	"employer_address" jsonb,
	"unable_to_work_from" date,
	"unable_to_work_to" date,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insurance_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"payer_id" uuid NOT NULL,
	"priority" "policy_priority" NOT NULL,
	"member_id" text NOT NULL,
	"group_number" text,
	"plan_name" text,
	"relationship" "insured_relationship" NOT NULL,
	"subscriber" jsonb,
	"effective_from" date,
	"effective_to" date,
	"copay_cents" integer,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"case_id" uuid,
	"claim_id" uuid,
	"claim_line_id" uuid,
	"session_note_id" uuid,
	"payer_id" uuid,
	"remittance_id" uuid,
	"kind" "ledger_entry_kind" NOT NULL,
	"bucket" "ledger_bucket" NOT NULL,
	"method" "payment_method",
	"amount_cents" integer NOT NULL,
	"service_date" date NOT NULL,
	"posted_on" date NOT NULL,
	"reason_code" text,
	"adjustment_group" text,
	"code" text,
	"units" integer,
	"reference" text,
	"memo" text,
	"reverses_entry_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "remittances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"file_sha256" text NOT NULL,
	"file" text NOT NULL,
	"payer_name" text,
	"trace_number" text,
	"payment_date" date,
	"total_paid_cents" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"posted_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "billing_profiles" ADD CONSTRAINT "billing_profiles_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_profiles" ADD CONSTRAINT "billing_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_code_pair_edits" ADD CONSTRAINT "clinic_code_pair_edits_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_service_codes" ADD CONSTRAINT "clinic_service_codes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedule" ADD CONSTRAINT "fee_schedule_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedule" ADD CONSTRAINT "fee_schedule_payer_id_payers_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payers" ADD CONSTRAINT "payers_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_billing_ids" ADD CONSTRAINT "provider_billing_ids_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_billing_ids" ADD CONSTRAINT "provider_billing_ids_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_batches" ADD CONSTRAINT "claim_batches_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_batches" ADD CONSTRAINT "claim_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_events" ADD CONSTRAINT "claim_events_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_events" ADD CONSTRAINT "claim_events_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_events" ADD CONSTRAINT "claim_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_session_note_id_session_notes_id_fk" FOREIGN KEY ("session_note_id") REFERENCES "public"."session_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_payer_id_payers_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_policy_id_insurance_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."insurance_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_case_id_coverage_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coverage_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_prescription_id_prescriptions_id_fk" FOREIGN KEY ("prescription_id") REFERENCES "public"."prescriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_rendering_provider_id_users_id_fk" FOREIGN KEY ("rendering_provider_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_cases" ADD CONSTRAINT "coverage_cases_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_cases" ADD CONSTRAINT "coverage_cases_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_cases" ADD CONSTRAINT "coverage_cases_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_cases" ADD CONSTRAINT "coverage_cases_payer_id_payers_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_cases" ADD CONSTRAINT "coverage_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_payer_id_payers_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_case_id_coverage_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coverage_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_claim_line_id_claim_lines_id_fk" FOREIGN KEY ("claim_line_id") REFERENCES "public"."claim_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_session_note_id_session_notes_id_fk" FOREIGN KEY ("session_note_id") REFERENCES "public"."session_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payer_id_payers_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittances" ADD CONSTRAINT "remittances_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittances" ADD CONSTRAINT "remittances_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payers_clinic_idx" ON "payers" USING btree ("clinic_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_batches_isa13_unique" ON "claim_batches" USING btree ("clinic_id","interchange_control_number");--> statement-breakpoint
CREATE INDEX "claim_events_claim_idx" ON "claim_events" USING btree ("claim_id","at");--> statement-breakpoint
CREATE INDEX "claim_lines_claim_idx" ON "claim_lines" USING btree ("claim_id","line_number");--> statement-breakpoint
CREATE INDEX "claim_lines_note_idx" ON "claim_lines" USING btree ("clinic_id","session_note_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_control_number_unique" ON "claims" USING btree ("clinic_id","control_number");--> statement-breakpoint
CREATE INDEX "claims_clinic_status_idx" ON "claims" USING btree ("clinic_id","status","created_at");--> statement-breakpoint
CREATE INDEX "claims_client_idx" ON "claims" USING btree ("clinic_id","client_id");--> statement-breakpoint
CREATE INDEX "coverage_cases_client_idx" ON "coverage_cases" USING btree ("clinic_id","client_id");--> statement-breakpoint
CREATE INDEX "insurance_policies_client_idx" ON "insurance_policies" USING btree ("clinic_id","client_id");--> statement-breakpoint
CREATE INDEX "ledger_client_idx" ON "ledger_entries" USING btree ("clinic_id","client_id","posted_on");--> statement-breakpoint
CREATE INDEX "ledger_claim_idx" ON "ledger_entries" USING btree ("clinic_id","claim_id");--> statement-breakpoint
CREATE INDEX "ledger_payer_idx" ON "ledger_entries" USING btree ("clinic_id","payer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_reverses_unique" ON "ledger_entries" USING btree ("reverses_entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "remittances_file_unique" ON "remittances" USING btree ("clinic_id","file_sha256");--> statement-breakpoint
CREATE INDEX "remittances_clinic_idx" ON "remittances" USING btree ("clinic_id","posted_at");