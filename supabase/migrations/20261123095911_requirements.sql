CREATE TYPE "public"."approval_verdict" AS ENUM('approve', 'object');--> statement-breakpoint
CREATE TYPE "public"."content_kind" AS ENUM('need', 'story', 'requirement');--> statement-breakpoint
CREATE TYPE "public"."need_source" AS ENUM('workshop', 'interview', 'survey', 'incident', 'other');--> statement-breakpoint
CREATE TYPE "public"."requirement_obligation" AS ENUM('mandatory', 'criterion');--> statement-breakpoint
CREATE TYPE "public"."requirement_scope" AS ENUM('common', 'local');--> statement-breakpoint
CREATE TYPE "public"."requirement_status" AS ENUM('draft', 'in_review', 'approved', 'replaced', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."requirement_subtype" AS ENUM('security', 'accessibility', 'interoperability', 'support', 'training', 'other');--> statement-breakpoint
CREATE TYPE "public"."requirement_type" AS ENUM('functional', 'detailed', 'data', 'non_functional', 'general');--> statement-breakpoint
CREATE TYPE "public"."story_kind" AS ENUM('end_user', 'municipality');--> statement-breakpoint
CREATE TYPE "public"."verification_method" AS ENUM('test', 'demonstration', 'inspection', 'document');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"target_kind" "content_kind" NOT NULL,
	"target_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	CONSTRAINT "comments_body_check" CHECK (length("comments"."body") between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "need_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_shares_need_organisation_key" UNIQUE("need_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description_text" text DEFAULT '' NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"source" "need_source" DEFAULT 'workshop' NOT NULL,
	"captured_by_organisation_id" uuid,
	"captured_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(description_text, '')), 'B')) STORED
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"kind" text DEFAULT 'mention' NOT NULL,
	"target_kind" "content_kind" NOT NULL,
	"target_id" uuid NOT NULL,
	"comment_id" uuid,
	"actor_id" uuid,
	"summary" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "requirement_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"verdict" "approval_verdict" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	"acting_as" "mandate_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_approvals_requirement_organisation_key" UNIQUE("requirement_id","organisation_id"),
	CONSTRAINT "requirement_approvals_reason_check" CHECK ("requirement_approvals"."verdict" = 'approve' or length(trim("requirement_approvals"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "requirement_counters" (
	"consortium_id" uuid PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requirement_needs" (
	"consortium_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_needs_requirement_id_need_id_pk" PRIMARY KEY("requirement_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "requirement_organisations" (
	"consortium_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "requirement_organisations_requirement_id_organisation_id_pk" PRIMARY KEY("requirement_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "requirement_stories" (
	"consortium_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"story_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_stories_requirement_id_story_id_pk" PRIMARY KEY("requirement_id","story_id")
);
--> statement-breakpoint
CREATE TABLE "requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"identifier" text GENERATED ALWAYS AS ('K-' || case when number < 1000 then lpad(number::text, 3, '0') else number::text end) STORED NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"replaces_id" uuid,
	"is_latest" boolean DEFAULT true NOT NULL,
	"title" text NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"acceptance_criteria" text DEFAULT '' NOT NULL,
	"obligation" "requirement_obligation" DEFAULT 'mandatory' NOT NULL,
	"weight" integer,
	"type" "requirement_type" DEFAULT 'functional' NOT NULL,
	"subtype" "requirement_subtype",
	"verification" "verification_method" DEFAULT 'test' NOT NULL,
	"scope" "requirement_scope" DEFAULT 'common' NOT NULL,
	"status" "requirement_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish'::regconfig, coalesce('K-' || case when number < 1000 then lpad(number::text, 3, '0') else number::text end || ' ' || title, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(body_text, '')), 'B') || setweight(to_tsvector('swedish'::regconfig, coalesce(rationale || ' ' || acceptance_criteria, '')), 'C')) STORED,
	CONSTRAINT "requirements_number_revision_key" UNIQUE("consortium_id","number","revision"),
	CONSTRAINT "requirements_weight_check" CHECK (("requirements"."obligation" = 'criterion') = ("requirements"."weight" is not null) and ("requirements"."weight" is null or "requirements"."weight" between 1 and 100)),
	CONSTRAINT "requirements_subtype_check" CHECK ("requirements"."subtype" is null or "requirements"."type" = 'non_functional'),
	CONSTRAINT "requirements_revision_check" CHECK ("requirements"."revision" >= 1 and "requirements"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "story_needs" (
	"consortium_id" uuid NOT NULL,
	"story_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "story_needs_story_id_need_id_pk" PRIMARY KEY("story_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "user_stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"role" text NOT NULL,
	"goal" text NOT NULL,
	"purpose" text NOT NULL,
	"details_text" text DEFAULT '' NOT NULL,
	"details_html" text DEFAULT '' NOT NULL,
	"kind" "story_kind" DEFAULT 'end_user' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish'::regconfig, coalesce(role || ' ' || goal || ' ' || purpose, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(details_text, '')), 'B')) STORED
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_shares" ADD CONSTRAINT "need_shares_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_shares" ADD CONSTRAINT "need_shares_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_shares" ADD CONSTRAINT "need_shares_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_shares" ADD CONSTRAINT "need_shares_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_captured_by_organisation_id_organisations_id_fk" FOREIGN KEY ("captured_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_approvals" ADD CONSTRAINT "requirement_approvals_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_approvals" ADD CONSTRAINT "requirement_approvals_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_approvals" ADD CONSTRAINT "requirement_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_approvals" ADD CONSTRAINT "requirement_approvals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_counters" ADD CONSTRAINT "requirement_counters_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_needs" ADD CONSTRAINT "requirement_needs_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_needs" ADD CONSTRAINT "requirement_needs_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_needs" ADD CONSTRAINT "requirement_needs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_organisations" ADD CONSTRAINT "requirement_organisations_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_organisations" ADD CONSTRAINT "requirement_organisations_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_organisations" ADD CONSTRAINT "requirement_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_stories" ADD CONSTRAINT "requirement_stories_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_stories" ADD CONSTRAINT "requirement_stories_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_stories" ADD CONSTRAINT "requirement_stories_story_id_user_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."user_stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_replaces_id_requirements_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."requirements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_needs" ADD CONSTRAINT "story_needs_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_needs" ADD CONSTRAINT "story_needs_story_id_user_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."user_stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_needs" ADD CONSTRAINT "story_needs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_stories" ADD CONSTRAINT "user_stories_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_stories" ADD CONSTRAINT "user_stories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_stories" ADD CONSTRAINT "user_stories_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_consortium_id_idx" ON "api_tokens" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "comments_target_idx" ON "comments" USING btree ("consortium_id","target_kind","target_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_author_id_idx" ON "comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "need_shares_consortium_id_idx" ON "need_shares" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "need_shares_organisation_id_idx" ON "need_shares" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "needs_consortium_id_idx" ON "needs" USING btree ("consortium_id","created_at");--> statement-breakpoint
CREATE INDEX "needs_captured_by_idx" ON "needs" USING btree ("captured_by_organisation_id");--> statement-breakpoint
CREATE INDEX "needs_search_idx" ON "needs" USING gin ("search");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_consortium_id_idx" ON "notifications" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "notifications_comment_id_idx" ON "notifications" USING btree ("comment_id");--> statement-breakpoint
CREATE INDEX "requirement_approvals_consortium_id_idx" ON "requirement_approvals" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "requirement_approvals_organisation_id_idx" ON "requirement_approvals" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "requirement_needs_need_id_idx" ON "requirement_needs" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "requirement_needs_consortium_id_idx" ON "requirement_needs" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "requirement_organisations_organisation_id_idx" ON "requirement_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "requirement_organisations_consortium_id_idx" ON "requirement_organisations" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "requirement_stories_story_id_idx" ON "requirement_stories" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "requirement_stories_consortium_id_idx" ON "requirement_stories" USING btree ("consortium_id");--> statement-breakpoint
CREATE UNIQUE INDEX "requirements_latest_key" ON "requirements" USING btree ("consortium_id","number") WHERE "requirements"."is_latest";--> statement-breakpoint
CREATE INDEX "requirements_consortium_status_idx" ON "requirements" USING btree ("consortium_id","status");--> statement-breakpoint
CREATE INDEX "requirements_consortium_type_idx" ON "requirements" USING btree ("consortium_id","type");--> statement-breakpoint
CREATE INDEX "requirements_replaces_id_idx" ON "requirements" USING btree ("replaces_id");--> statement-breakpoint
CREATE INDEX "requirements_search_idx" ON "requirements" USING gin ("search");--> statement-breakpoint
CREATE INDEX "story_needs_need_id_idx" ON "story_needs" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "story_needs_consortium_id_idx" ON "story_needs" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "user_stories_consortium_id_idx" ON "user_stories" USING btree ("consortium_id","created_at");--> statement-breakpoint
CREATE INDEX "user_stories_search_idx" ON "user_stories" USING gin ("search");