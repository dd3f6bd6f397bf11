CREATE TYPE "public"."import_kind" AS ENUM('needs', 'requirements');--> statement-breakpoint
CREATE TABLE "baseline_items" (
	"baseline_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"requirement_id" uuid,
	"position" integer NOT NULL,
	"number" integer NOT NULL,
	"identifier" text NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"body_text" text NOT NULL,
	"rationale" text NOT NULL,
	"acceptance_criteria" text NOT NULL,
	"obligation" "requirement_obligation" NOT NULL,
	"weight" integer,
	"type" "requirement_type" NOT NULL,
	"subtype" "requirement_subtype",
	"verification" "verification_method" NOT NULL,
	"scope" "requirement_scope" NOT NULL,
	"local_organisations" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "requirement_status" NOT NULL,
	"approved_at" timestamp with time zone,
	CONSTRAINT "baseline_items_baseline_id_number_pk" PRIMARY KEY("baseline_id","number")
);
--> statement-breakpoint
CREATE TABLE "baselines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"requirement_count" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "baselines_consortium_name_key" UNIQUE("consortium_id","name"),
	CONSTRAINT "baselines_name_check" CHECK (length(trim("baselines"."name")) between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "pending_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"kind" "import_kind" NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text NOT NULL,
	"rows" jsonb NOT NULL,
	"ignored_columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"valid_count" integer NOT NULL,
	"invalid_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "pending_imports_format_check" CHECK ("pending_imports"."format" in ('csv', 'xlsx'))
);
--> statement-breakpoint
ALTER TABLE "baseline_items" ADD CONSTRAINT "baseline_items_baseline_id_baselines_id_fk" FOREIGN KEY ("baseline_id") REFERENCES "public"."baselines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_items" ADD CONSTRAINT "baseline_items_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_items" ADD CONSTRAINT "baseline_items_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baselines" ADD CONSTRAINT "baselines_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baselines" ADD CONSTRAINT "baselines_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_imports" ADD CONSTRAINT "pending_imports_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_imports" ADD CONSTRAINT "pending_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "baseline_items_consortium_id_idx" ON "baseline_items" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "baseline_items_requirement_id_idx" ON "baseline_items" USING btree ("requirement_id");--> statement-breakpoint
CREATE INDEX "baselines_consortium_created_idx" ON "baselines" USING btree ("consortium_id","created_at");--> statement-breakpoint
CREATE INDEX "pending_imports_consortium_id_idx" ON "pending_imports" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "pending_imports_created_by_idx" ON "pending_imports" USING btree ("created_by","created_at");