CREATE TYPE "public"."lifecycle_activity_status" AS ENUM('not_started', 'in_progress', 'done', 'not_applicable');--> statement-breakpoint
CREATE TABLE "lifecycle_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"lifecycle_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"position" integer NOT NULL,
	"template_key" text,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due" date,
	"status" "lifecycle_activity_status" DEFAULT 'not_started' NOT NULL,
	"document_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lifecycle_activities_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "lifecycle_activities_title_check" CHECK (length(trim("lifecycle_activities"."title")) > 0),
	CONSTRAINT "lifecycle_activities_phase_check" CHECK ("lifecycle_activities"."phase" between 1 and 6)
);
--> statement-breakpoint
CREATE TABLE "lifecycle_activity_decisions" (
	"consortium_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"decision_item_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lifecycle_activity_decisions_pkey" PRIMARY KEY("activity_id","decision_item_id")
);
--> statement-breakpoint
CREATE TABLE "lifecycle_settings" (
	"consortium_id" uuid PRIMARY KEY NOT NULL,
	"question_days" integer NOT NULL,
	"question_period_days" integer NOT NULL,
	"min_tender_days" integer NOT NULL,
	"standstill_electronic_days" integer NOT NULL,
	"standstill_other_days" integer NOT NULL,
	"warn_july" boolean NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lifecycle_settings_days_check" CHECK ("lifecycle_settings"."question_days" between 0 and 365 and "lifecycle_settings"."question_period_days" between 0 and 365 and "lifecycle_settings"."min_tender_days" between 0 and 365 and "lifecycle_settings"."standstill_electronic_days" between 0 and 365 and "lifecycle_settings"."standstill_other_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "lifecycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"initiative_id" uuid,
	"advertised_on" date,
	"tender_deadline" date,
	"award_notice_on" date,
	"award_electronic" boolean DEFAULT true NOT NULL,
	"contract_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lifecycles_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "lifecycles_initiative_key" UNIQUE("initiative_id"),
	CONSTRAINT "lifecycles_dates_check" CHECK ("lifecycles"."tender_deadline" is null or "lifecycles"."advertised_on" is null or "lifecycles"."tender_deadline" >= "lifecycles"."advertised_on")
);
--> statement-breakpoint
ALTER TABLE "lifecycle_activities" ADD CONSTRAINT "lifecycle_activities_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_activities" ADD CONSTRAINT "lifecycle_activities_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_activities" ADD CONSTRAINT "lifecycle_activities_lifecycle_fk" FOREIGN KEY ("lifecycle_id","consortium_id") REFERENCES "public"."lifecycles"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_activity_decisions" ADD CONSTRAINT "lifecycle_activity_decisions_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_activity_decisions" ADD CONSTRAINT "lifecycle_activity_decisions_activity_fk" FOREIGN KEY ("activity_id","consortium_id") REFERENCES "public"."lifecycle_activities"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_activity_decisions" ADD CONSTRAINT "lifecycle_activity_decisions_item_fk" FOREIGN KEY ("decision_item_id","consortium_id") REFERENCES "public"."decision_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_settings" ADD CONSTRAINT "lifecycle_settings_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_settings" ADD CONSTRAINT "lifecycle_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycles" ADD CONSTRAINT "lifecycles_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycles" ADD CONSTRAINT "lifecycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycles" ADD CONSTRAINT "lifecycles_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lifecycle_activities_lifecycle_id_idx" ON "lifecycle_activities" USING btree ("lifecycle_id");--> statement-breakpoint
CREATE INDEX "lifecycle_activities_owner_id_idx" ON "lifecycle_activities" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "lifecycle_activities_consortium_id_idx" ON "lifecycle_activities" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "lifecycle_activity_decisions_item_idx" ON "lifecycle_activity_decisions" USING btree ("decision_item_id");--> statement-breakpoint
CREATE INDEX "lifecycle_activity_decisions_consortium_id_idx" ON "lifecycle_activity_decisions" USING btree ("consortium_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lifecycles_consortium_own_key" ON "lifecycles" USING btree ("consortium_id") WHERE "lifecycles"."initiative_id" is null;--> statement-breakpoint
CREATE INDEX "lifecycles_consortium_id_idx" ON "lifecycles" USING btree ("consortium_id");