CREATE TABLE "library_conditions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"content" jsonb NOT NULL,
	"search_text" text NOT NULL,
	"icd10cm" text[] NOT NULL,
	"aliases" text[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_content_versions" (
	"version" text PRIMARY KEY NOT NULL,
	"conditions" text NOT NULL,
	"techniques" text NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_techniques" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"content" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "library_conditions" ADD CONSTRAINT "library_conditions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_techniques" ADD CONSTRAINT "library_techniques_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "library_conditions_scope_slug_unique" ON "library_conditions" USING btree (coalesce("clinic_id", '00000000-0000-0000-0000-000000000000'::uuid),"slug");--> statement-breakpoint
CREATE INDEX "library_conditions_search_trgm_idx" ON "library_conditions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "library_conditions_icd_idx" ON "library_conditions" USING gin ("icd10cm");--> statement-breakpoint
CREATE UNIQUE INDEX "library_techniques_scope_slug_unique" ON "library_techniques" USING btree (coalesce("clinic_id", '00000000-0000-0000-0000-000000000000'::uuid),"slug");