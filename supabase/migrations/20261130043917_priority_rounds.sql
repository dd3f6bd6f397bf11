CREATE TYPE "public"."moscow_priority" AS ENUM('must', 'should', 'could', 'wont');--> statement-breakpoint
CREATE TYPE "public"."priority_item_kind" AS ENUM('story', 'requirement');--> statement-breakpoint
CREATE TYPE "public"."priority_method" AS ENUM('borda', 'points', 'moscow');--> statement-breakpoint
CREATE TYPE "public"."priority_round_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."priority_submission_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."priority_weighting" AS ENUM('equal', 'population');--> statement-breakpoint
ALTER TYPE "public"."content_kind" ADD VALUE 'priority_round';--> statement-breakpoint
CREATE TABLE "priority_round_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"item_kind" "priority_item_kind" NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "priority_round_items_round_item_key" UNIQUE("round_id","item_kind","item_id"),
	CONSTRAINT "priority_round_items_id_round_key" UNIQUE("id","round_id"),
	CONSTRAINT "priority_round_items_position_check" CHECK ("priority_round_items"."position" > 0)
);
--> statement-breakpoint
CREATE TABLE "priority_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"title" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"method" "priority_method" DEFAULT 'borda' NOT NULL,
	"weighting" "priority_weighting" DEFAULT 'equal' NOT NULL,
	"status" "priority_round_status" DEFAULT 'draft' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"reminder_hours" integer DEFAULT 48 NOT NULL,
	"reminded_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_rounds_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "priority_rounds_title_check" CHECK (length(trim("priority_rounds"."title")) > 0),
	CONSTRAINT "priority_rounds_reminder_check" CHECK ("priority_rounds"."reminder_hours" between 0 and 720)
);
--> statement-breakpoint
CREATE TABLE "priority_submission_entries" (
	"consortium_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"round_item_id" uuid NOT NULL,
	"moscow" "moscow_priority",
	"rank" integer,
	"points" integer,
	CONSTRAINT "priority_submission_entries_pkey" PRIMARY KEY("submission_id","round_item_id"),
	CONSTRAINT "priority_submission_entries_rank_check" CHECK ("priority_submission_entries"."rank" is null or "priority_submission_entries"."rank" between 1 and 1000),
	CONSTRAINT "priority_submission_entries_points_check" CHECK ("priority_submission_entries"."points" is null or "priority_submission_entries"."points" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "priority_submission_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"entries" jsonb NOT NULL,
	"user_id" uuid,
	"acting_as" "mandate_kind" NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_submission_history_version_key" UNIQUE("round_id","organisation_id","version")
);
--> statement-breakpoint
CREATE TABLE "priority_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "priority_submission_status" DEFAULT 'draft' NOT NULL,
	"user_id" uuid,
	"acting_as" "mandate_kind" NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_submissions_round_organisation_key" UNIQUE("round_id","organisation_id"),
	CONSTRAINT "priority_submissions_id_round_key" UNIQUE("id","round_id"),
	CONSTRAINT "priority_submissions_submitted_check" CHECK (("priority_submissions"."status" = 'submitted') = ("priority_submissions"."submitted_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "priority_round_items" ADD CONSTRAINT "priority_round_items_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_round_items" ADD CONSTRAINT "priority_round_items_round_fk" FOREIGN KEY ("round_id","consortium_id") REFERENCES "public"."priority_rounds"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_rounds" ADD CONSTRAINT "priority_rounds_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_rounds" ADD CONSTRAINT "priority_rounds_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_rounds" ADD CONSTRAINT "priority_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_submission_entries" ADD CONSTRAINT "priority_submission_entries_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_submission_entries" ADD CONSTRAINT "priority_submission_entries_submission_fk" FOREIGN KEY ("submission_id","round_id") REFERENCES "public"."priority_submissions"("id","round_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_submission_entries" ADD CONSTRAINT "priority_submission_entries_item_fk" FOREIGN KEY ("round_item_id","round_id") REFERENCES "public"."priority_round_items"("id","round_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_submission_history" ADD CONSTRAINT "priority_submission_history_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_submission_history" ADD CONSTRAINT "priority_submission_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_submission_history" ADD CONSTRAINT "priority_submission_history_round_fk" FOREIGN KEY ("round_id","consortium_id") REFERENCES "public"."priority_rounds"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_submission_history" ADD CONSTRAINT "priority_submission_history_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_submissions" ADD CONSTRAINT "priority_submissions_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_submissions" ADD CONSTRAINT "priority_submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_submissions" ADD CONSTRAINT "priority_submissions_round_fk" FOREIGN KEY ("round_id","consortium_id") REFERENCES "public"."priority_rounds"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_submissions" ADD CONSTRAINT "priority_submissions_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "priority_round_items_consortium_id_idx" ON "priority_round_items" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "priority_round_items_item_idx" ON "priority_round_items" USING btree ("item_kind","item_id");--> statement-breakpoint
CREATE INDEX "priority_rounds_consortium_id_idx" ON "priority_rounds" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "priority_rounds_open_deadline_idx" ON "priority_rounds" USING btree ("deadline") WHERE "priority_rounds"."status" = 'open';--> statement-breakpoint
CREATE INDEX "priority_submission_entries_consortium_id_idx" ON "priority_submission_entries" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "priority_submission_entries_round_id_idx" ON "priority_submission_entries" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "priority_submission_history_consortium_id_idx" ON "priority_submission_history" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "priority_submissions_consortium_id_idx" ON "priority_submissions" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "priority_submissions_organisation_id_idx" ON "priority_submissions" USING btree ("organisation_id");