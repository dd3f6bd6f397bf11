CREATE TABLE "tender_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"baseline_id" uuid NOT NULL,
	"decision_id" uuid,
	"version_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"manifest" jsonb NOT NULL,
	"archive" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tender_packages_number_key" UNIQUE("consortium_id","number"),
	CONSTRAINT "tender_packages_number_check" CHECK ("tender_packages"."number" >= 1),
	CONSTRAINT "tender_packages_sha256_check" CHECK ("tender_packages"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "tender_packages" ADD CONSTRAINT "tender_packages_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_packages" ADD CONSTRAINT "tender_packages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_packages" ADD CONSTRAINT "tender_packages_baseline_fk" FOREIGN KEY ("baseline_id","consortium_id") REFERENCES "public"."baselines"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_packages" ADD CONSTRAINT "tender_packages_decision_fk" FOREIGN KEY ("decision_id","consortium_id") REFERENCES "public"."decisions"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tender_packages_baseline_id_idx" ON "tender_packages" USING btree ("baseline_id");--> statement-breakpoint
CREATE INDEX "tender_packages_decision_id_idx" ON "tender_packages" USING btree ("decision_id");