CREATE TABLE "icd10cm_codes" (
	"edition" integer NOT NULL,
	"code" text NOT NULL,
	"billable" boolean NOT NULL,
	"short_description" text NOT NULL,
	"long_description" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "icd10cm_codes"."long_description")) STORED,
	CONSTRAINT "icd10cm_codes_edition_code_pk" PRIMARY KEY("edition","code")
);
--> statement-breakpoint
CREATE TABLE "icd10cm_editions" (
	"edition" integer PRIMARY KEY NOT NULL,
	"source_sha256" text NOT NULL,
	"code_count" integer NOT NULL,
	"billable_count" integer NOT NULL,
	"loaded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "icd10cm_codes" ADD CONSTRAINT "icd10cm_codes_edition_icd10cm_editions_edition_fk" FOREIGN KEY ("edition") REFERENCES "public"."icd10cm_editions"("edition") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "icd10cm_code_prefix_idx" ON "icd10cm_codes" USING btree ("edition","code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "icd10cm_search_idx" ON "icd10cm_codes" USING gin ("search_vector");