CREATE TABLE "status_report_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"light" text DEFAULT 'green' NOT NULL,
	"deviation" text DEFAULT '' NOT NULL,
	"action" text DEFAULT '' NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_report_rows_kind_check" CHECK ("status_report_rows"."kind" in ('budget', 'time', 'staff', 'custom')),
	CONSTRAINT "status_report_rows_light_check" CHECK ("status_report_rows"."light" in ('green', 'yellow', 'red')),
	CONSTRAINT "status_report_rows_name_check" CHECK ("status_report_rows"."kind" <> 'custom' or length(trim("status_report_rows"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "status_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"initiative_id" uuid,
	"period" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"author_id" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_reports_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "status_reports_period_check" CHECK ("status_reports"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "status_reports_status_check" CHECK ("status_reports"."status" in ('draft', 'submitted')),
	CONSTRAINT "status_reports_submitted_check" CHECK (("status_reports"."status" = 'submitted') = ("status_reports"."submitted_at" is not null)),
	CONSTRAINT "status_reports_acknowledged_check" CHECK ("status_reports"."acknowledged_at" is null or "status_reports"."status" = 'submitted')
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"initiative_id" uuid,
	"category" text NOT NULL,
	"year" integer NOT NULL,
	"budget" bigint,
	"outcome" bigint,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_lines_category_check" CHECK (length(trim("budget_lines"."category")) > 0),
	CONSTRAINT "budget_lines_year_check" CHECK ("budget_lines"."year" between 1900 and 2999),
	CONSTRAINT "budget_lines_amounts_check" CHECK (coalesce("budget_lines"."budget", 0) >= 0 and coalesce("budget_lines"."outcome", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "status_report_rows" ADD CONSTRAINT "status_report_rows_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_report_rows" ADD CONSTRAINT "status_report_rows_report_fk" FOREIGN KEY ("report_id","consortium_id") REFERENCES "public"."status_reports"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_report_rows_report_id_idx" ON "status_report_rows" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "status_report_rows_consortium_id_idx" ON "status_report_rows" USING btree ("consortium_id");--> statement-breakpoint
CREATE UNIQUE INDEX "status_report_rows_standard_key" ON "status_report_rows" USING btree ("report_id","kind") WHERE "status_report_rows"."kind" <> 'custom';--> statement-breakpoint
CREATE UNIQUE INDEX "status_reports_initiative_period_key" ON "status_reports" USING btree ("initiative_id","period") WHERE "status_reports"."initiative_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "status_reports_own_period_key" ON "status_reports" USING btree ("consortium_id","period") WHERE "status_reports"."initiative_id" is null;--> statement-breakpoint
CREATE INDEX "status_reports_consortium_id_idx" ON "status_reports" USING btree ("consortium_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_lines_initiative_key" ON "budget_lines" USING btree ("initiative_id","category","year") WHERE "budget_lines"."initiative_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_lines_own_key" ON "budget_lines" USING btree ("consortium_id","category","year") WHERE "budget_lines"."initiative_id" is null;--> statement-breakpoint
CREATE INDEX "budget_lines_consortium_id_idx" ON "budget_lines" USING btree ("consortium_id");