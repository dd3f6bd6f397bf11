CREATE TYPE "public"."acceptance_verdict" AS ENUM('accepted', 'returned');--> statement-breakpoint
CREATE TYPE "public"."backlog_status" AS ENUM('planning', 'locked');--> statement-breakpoint
CREATE TYPE "public"."capacity_unit" AS ENUM('story_points', 'sek');--> statement-breakpoint
CREATE TYPE "public"."change_request_kind" AS ENUM('add', 'remove', 'move', 'criteria');--> statement-breakpoint
CREATE TYPE "public"."change_request_status" AS ENUM('proposed', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('not_started', 'in_progress', 'delivered');--> statement-breakpoint
CREATE TABLE "backlog_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"backlog_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" "change_request_kind" NOT NULL,
	"backlog_item_id" uuid,
	"item_kind" "priority_item_kind",
	"item_id" uuid,
	"target_rank" integer,
	"criteria" text,
	"motivation" text NOT NULL,
	"impact" text NOT NULL,
	"status" "change_request_status" DEFAULT 'proposed' NOT NULL,
	"decision_item_id" uuid NOT NULL,
	"decision_id" uuid,
	"applied_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "backlog_changes_number_key" UNIQUE("consortium_id","number"),
	CONSTRAINT "backlog_changes_decision_item_key" UNIQUE("decision_item_id"),
	CONSTRAINT "backlog_changes_motivation_check" CHECK (length(trim("backlog_changes"."motivation")) > 0),
	CONSTRAINT "backlog_changes_target_rank_check" CHECK ("backlog_changes"."target_rank" is null or "backlog_changes"."target_rank" > 0)
);
--> statement-breakpoint
CREATE TABLE "backlog_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"backlog_id" uuid NOT NULL,
	"item_kind" "priority_item_kind" NOT NULL,
	"item_id" uuid NOT NULL,
	"rank" integer,
	"estimate" integer,
	"moscow" "moscow_priority",
	"acceptance_criteria" text DEFAULT '' NOT NULL,
	"changed_by_decision" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "backlog_items_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "backlog_items_backlog_item_key" UNIQUE("backlog_id","item_kind","item_id"),
	CONSTRAINT "backlog_items_rank_check" CHECK ("backlog_items"."rank" is null or "backlog_items"."rank" > 0),
	CONSTRAINT "backlog_items_estimate_check" CHECK ("backlog_items"."estimate" is null or "backlog_items"."estimate" >= 0)
);
--> statement-breakpoint
CREATE TABLE "backlog_release_items" (
	"consortium_id" uuid NOT NULL,
	"release_id" uuid NOT NULL,
	"backlog_item_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"content" jsonb NOT NULL,
	CONSTRAINT "backlog_release_items_key" UNIQUE("release_id","backlog_item_id")
);
--> statement-breakpoint
CREATE TABLE "backlog_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"backlog_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"version" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decision_id" uuid,
	"decision_number" text,
	"capacity" integer NOT NULL,
	"capacity_unit" "capacity_unit" NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	CONSTRAINT "backlog_releases_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "backlog_releases_number_key" UNIQUE("consortium_id","number"),
	CONSTRAINT "backlog_releases_number_check" CHECK ("backlog_releases"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "backlogs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"round_id" uuid,
	"name" text NOT NULL,
	"capacity" integer DEFAULT 0 NOT NULL,
	"capacity_unit" "capacity_unit" DEFAULT 'story_points' NOT NULL,
	"line" integer DEFAULT 0 NOT NULL,
	"status" "backlog_status" DEFAULT 'planning' NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "backlogs_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "backlogs_name_check" CHECK (length(trim("backlogs"."name")) > 0),
	CONSTRAINT "backlogs_capacity_check" CHECK ("backlogs"."capacity" >= 0),
	CONSTRAINT "backlogs_line_check" CHECK ("backlogs"."line" >= 0),
	CONSTRAINT "backlogs_locked_check" CHECK (("backlogs"."status" = 'locked') = ("backlogs"."locked_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "delivery_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"backlog_item_id" uuid NOT NULL,
	"verdict" "acceptance_verdict" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_acceptances_reason_check" CHECK ("delivery_acceptances"."verdict" = 'accepted' or length(trim("delivery_acceptances"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "delivery_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"backlog_item_id" uuid NOT NULL,
	"status" "delivery_status" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reported_by" uuid,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "backlog_changes" ADD CONSTRAINT "backlog_changes_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_changes" ADD CONSTRAINT "backlog_changes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_changes" ADD CONSTRAINT "backlog_changes_backlog_fk" FOREIGN KEY ("backlog_id","consortium_id") REFERENCES "public"."backlogs"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_changes" ADD CONSTRAINT "backlog_changes_backlog_item_fk" FOREIGN KEY ("backlog_item_id","consortium_id") REFERENCES "public"."backlog_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_changes" ADD CONSTRAINT "backlog_changes_decision_item_fk" FOREIGN KEY ("decision_item_id","consortium_id") REFERENCES "public"."decision_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_changes" ADD CONSTRAINT "backlog_changes_decision_fk" FOREIGN KEY ("decision_id","consortium_id") REFERENCES "public"."decisions"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_items" ADD CONSTRAINT "backlog_items_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_items" ADD CONSTRAINT "backlog_items_backlog_fk" FOREIGN KEY ("backlog_id","consortium_id") REFERENCES "public"."backlogs"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_release_items" ADD CONSTRAINT "backlog_release_items_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_release_items" ADD CONSTRAINT "backlog_release_items_release_fk" FOREIGN KEY ("release_id","consortium_id") REFERENCES "public"."backlog_releases"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_release_items" ADD CONSTRAINT "backlog_release_items_backlog_item_fk" FOREIGN KEY ("backlog_item_id","consortium_id") REFERENCES "public"."backlog_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_releases" ADD CONSTRAINT "backlog_releases_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_releases" ADD CONSTRAINT "backlog_releases_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_releases" ADD CONSTRAINT "backlog_releases_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_releases" ADD CONSTRAINT "backlog_releases_backlog_fk" FOREIGN KEY ("backlog_id","consortium_id") REFERENCES "public"."backlogs"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_releases" ADD CONSTRAINT "backlog_releases_decision_fk" FOREIGN KEY ("decision_id","consortium_id") REFERENCES "public"."decisions"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlogs" ADD CONSTRAINT "backlogs_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlogs" ADD CONSTRAINT "backlogs_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlogs" ADD CONSTRAINT "backlogs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlogs" ADD CONSTRAINT "backlogs_round_fk" FOREIGN KEY ("round_id","consortium_id") REFERENCES "public"."priority_rounds"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_acceptances" ADD CONSTRAINT "delivery_acceptances_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_acceptances" ADD CONSTRAINT "delivery_acceptances_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_acceptances" ADD CONSTRAINT "delivery_acceptances_backlog_item_fk" FOREIGN KEY ("backlog_item_id","consortium_id") REFERENCES "public"."backlog_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_reports" ADD CONSTRAINT "delivery_reports_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_reports" ADD CONSTRAINT "delivery_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_reports" ADD CONSTRAINT "delivery_reports_backlog_item_fk" FOREIGN KEY ("backlog_item_id","consortium_id") REFERENCES "public"."backlog_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backlog_changes_backlog_id_idx" ON "backlog_changes" USING btree ("backlog_id");--> statement-breakpoint
CREATE INDEX "backlog_items_consortium_id_idx" ON "backlog_items" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "backlog_items_item_idx" ON "backlog_items" USING btree ("item_kind","item_id");--> statement-breakpoint
CREATE INDEX "backlog_release_items_consortium_id_idx" ON "backlog_release_items" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "backlog_release_items_backlog_item_idx" ON "backlog_release_items" USING btree ("backlog_item_id");--> statement-breakpoint
CREATE INDEX "backlog_releases_backlog_id_idx" ON "backlog_releases" USING btree ("backlog_id");--> statement-breakpoint
CREATE INDEX "backlogs_consortium_id_idx" ON "backlogs" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "delivery_acceptances_item_idx" ON "delivery_acceptances" USING btree ("backlog_item_id","decided_at");--> statement-breakpoint
CREATE INDEX "delivery_acceptances_consortium_id_idx" ON "delivery_acceptances" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "delivery_reports_item_idx" ON "delivery_reports" USING btree ("backlog_item_id","reported_at");--> statement-breakpoint
CREATE INDEX "delivery_reports_consortium_id_idx" ON "delivery_reports" USING btree ("consortium_id");