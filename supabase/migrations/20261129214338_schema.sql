CREATE TYPE "public"."approval_verdict" AS ENUM('approve', 'object');--> statement-breakpoint
CREATE TYPE "public"."content_kind" AS ENUM('need', 'story', 'requirement');--> statement-breakpoint
CREATE TYPE "public"."decision_rule" AS ENUM('consensus', 'majority', 'qualified_majority');--> statement-breakpoint
CREATE TYPE "public"."import_kind" AS ENUM('needs', 'requirements');--> statement-breakpoint
CREATE TYPE "public"."mandate_kind" AS ENUM('representative', 'deputy');--> statement-breakpoint
CREATE TYPE "public"."member_tier" AS ENUM('active', 'passive', 'sponsor');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('admin', 'representative', 'deputy', 'member', 'observer', 'supplier');--> statement-breakpoint
CREATE TYPE "public"."need_source" AS ENUM('workshop', 'interview', 'survey', 'incident', 'other');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('municipality', 'region', 'convenor', 'supplier', 'adviser');--> statement-breakpoint
CREATE TYPE "public"."publishing_right" AS ENUM('admins', 'admins_and_representatives', 'representatives');--> statement-breakpoint
CREATE TYPE "public"."requirement_obligation" AS ENUM('mandatory', 'criterion');--> statement-breakpoint
CREATE TYPE "public"."requirement_scope" AS ENUM('common', 'local');--> statement-breakpoint
CREATE TYPE "public"."requirement_status" AS ENUM('draft', 'in_review', 'approved', 'replaced', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."requirement_subtype" AS ENUM('security', 'accessibility', 'interoperability', 'support', 'training', 'other');--> statement-breakpoint
CREATE TYPE "public"."requirement_type" AS ENUM('functional', 'detailed', 'data', 'non_functional', 'general');--> statement-breakpoint
CREATE TYPE "public"."story_kind" AS ENUM('end_user', 'municipality');--> statement-breakpoint
CREATE TYPE "public"."verification_method" AS ENUM('test', 'demonstration', 'inspection', 'document');--> statement-breakpoint
CREATE TYPE "public"."vote_weighting" AS ENUM('per_organisation', 'by_population');--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_email" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"locale" text DEFAULT 'sv' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"claimed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_resets_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent" text,
	"ip_address" text
);
--> statement-breakpoint
CREATE TABLE "trusted_devices" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"locale" text DEFAULT 'sv' NOT NULL,
	"mail_notifications" boolean DEFAULT true NOT NULL,
	"is_operator" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consortia" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"content_language" text DEFAULT 'sv' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consortia_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"from_user_id" uuid NOT NULL,
	"to_user_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ground_rules" (
	"consortium_id" uuid PRIMARY KEY NOT NULL,
	"decision_rule" "decision_rule" DEFAULT 'consensus' NOT NULL,
	"qualified_majority_percent" integer DEFAULT 67 NOT NULL,
	"quorum_percent" integer DEFAULT 50 NOT NULL,
	"weighting" "vote_weighting" DEFAULT 'per_organisation' NOT NULL,
	"publishing" "publishing_right" DEFAULT 'admins' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "ground_rules_percent_check" CHECK ("ground_rules"."qualified_majority_percent" between 51 and 100 and "ground_rules"."quorum_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mandates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "mandate_kind" NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "mandates_period_check" CHECK ("mandates"."valid_to" is null or "mandates"."valid_to" >= "mandates"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_consortium_user_key" UNIQUE("consortium_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"skr_group" text,
	"population" integer,
	"tier" "member_tier",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_consortium_name_key" UNIQUE("consortium_id","name"),
	CONSTRAINT "organisations_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "organisations_population_check" CHECK ("organisations"."population" is null or "organisations"."population" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"consortium_id" uuid,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(description_text, '')), 'B')) STORED,
	CONSTRAINT "needs_id_consortium_key" UNIQUE("id","consortium_id")
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
	CONSTRAINT "requirements_id_consortium_key" UNIQUE("id","consortium_id"),
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
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish'::regconfig, coalesce(role || ' ' || goal || ' ' || purpose, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(details_text, '')), 'B')) STORED,
	CONSTRAINT "user_stories_id_consortium_key" UNIQUE("id","consortium_id")
);
--> statement-breakpoint
CREATE TABLE "collab_snapshots" (
	"document" text PRIMARY KEY NOT NULL,
	"consortium_id" uuid NOT NULL,
	"state" "bytea" NOT NULL,
	"up_to_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_updates" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"document" text NOT NULL,
	"consortium_id" uuid NOT NULL,
	"update" "bytea" NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document" text NOT NULL,
	"consortium_id" uuid NOT NULL,
	"name" text NOT NULL,
	"state" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
	CONSTRAINT "baselines_id_consortium_key" UNIQUE("id","consortium_id"),
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
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trusted_devices" ADD CONSTRAINT "trusted_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ground_rules" ADD CONSTRAINT "ground_rules_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ground_rules" ADD CONSTRAINT "ground_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_shares" ADD CONSTRAINT "need_shares_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_shares" ADD CONSTRAINT "need_shares_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_shares" ADD CONSTRAINT "need_shares_need_fk" FOREIGN KEY ("need_id","consortium_id") REFERENCES "public"."needs"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_shares" ADD CONSTRAINT "need_shares_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_captured_by_organisation_id_organisations_id_fk" FOREIGN KEY ("captured_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_approvals" ADD CONSTRAINT "requirement_approvals_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_approvals" ADD CONSTRAINT "requirement_approvals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_approvals" ADD CONSTRAINT "requirement_approvals_requirement_fk" FOREIGN KEY ("requirement_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_approvals" ADD CONSTRAINT "requirement_approvals_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_counters" ADD CONSTRAINT "requirement_counters_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_needs" ADD CONSTRAINT "requirement_needs_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_needs" ADD CONSTRAINT "requirement_needs_requirement_fk" FOREIGN KEY ("requirement_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_needs" ADD CONSTRAINT "requirement_needs_need_fk" FOREIGN KEY ("need_id","consortium_id") REFERENCES "public"."needs"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_organisations" ADD CONSTRAINT "requirement_organisations_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_organisations" ADD CONSTRAINT "requirement_organisations_requirement_fk" FOREIGN KEY ("requirement_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_organisations" ADD CONSTRAINT "requirement_organisations_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_stories" ADD CONSTRAINT "requirement_stories_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_stories" ADD CONSTRAINT "requirement_stories_requirement_fk" FOREIGN KEY ("requirement_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_stories" ADD CONSTRAINT "requirement_stories_story_fk" FOREIGN KEY ("story_id","consortium_id") REFERENCES "public"."user_stories"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_replaces_id_requirements_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."requirements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_needs" ADD CONSTRAINT "story_needs_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_needs" ADD CONSTRAINT "story_needs_story_fk" FOREIGN KEY ("story_id","consortium_id") REFERENCES "public"."user_stories"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_needs" ADD CONSTRAINT "story_needs_need_fk" FOREIGN KEY ("need_id","consortium_id") REFERENCES "public"."needs"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_stories" ADD CONSTRAINT "user_stories_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_stories" ADD CONSTRAINT "user_stories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_stories" ADD CONSTRAINT "user_stories_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_snapshots" ADD CONSTRAINT "collab_snapshots_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_versions" ADD CONSTRAINT "collab_versions_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_versions" ADD CONSTRAINT "collab_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_items" ADD CONSTRAINT "baseline_items_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_items" ADD CONSTRAINT "baseline_items_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_items" ADD CONSTRAINT "baseline_items_baseline_fk" FOREIGN KEY ("baseline_id","consortium_id") REFERENCES "public"."baselines"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baselines" ADD CONSTRAINT "baselines_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baselines" ADD CONSTRAINT "baselines_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_imports" ADD CONSTRAINT "pending_imports_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_imports" ADD CONSTRAINT "pending_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_outbox_unsent_idx" ON "mail_outbox" USING btree ("created_at") WHERE "mail_outbox"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "password_resets_user_id_idx" ON "password_resets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "trusted_devices_user_id_idx" ON "trusted_devices" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "delegations_consortium_id_idx" ON "delegations" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "delegations_to_user_id_idx" ON "delegations" USING btree ("to_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_consortium_id_idx" ON "invitations" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "mandates_consortium_id_idx" ON "mandates" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "mandates_organisation_id_idx" ON "mandates" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "memberships_user_id_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_organisation_id_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisations_consortium_id_idx" ON "organisations" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "audit_log_consortium_created_idx" ON "audit_log" USING btree ("consortium_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_id_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
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
CREATE INDEX "user_stories_search_idx" ON "user_stories" USING gin ("search");--> statement-breakpoint
CREATE INDEX "collab_snapshots_consortium_id_idx" ON "collab_snapshots" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "collab_updates_document_seq_idx" ON "collab_updates" USING btree ("document","seq");--> statement-breakpoint
CREATE INDEX "collab_updates_consortium_id_idx" ON "collab_updates" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "collab_versions_document_idx" ON "collab_versions" USING btree ("document","created_at");--> statement-breakpoint
CREATE INDEX "collab_versions_consortium_id_idx" ON "collab_versions" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "baseline_items_consortium_id_idx" ON "baseline_items" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "baseline_items_requirement_id_idx" ON "baseline_items" USING btree ("requirement_id");--> statement-breakpoint
CREATE INDEX "baselines_consortium_created_idx" ON "baselines" USING btree ("consortium_id","created_at");--> statement-breakpoint
CREATE INDEX "pending_imports_consortium_id_idx" ON "pending_imports" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "pending_imports_created_by_idx" ON "pending_imports" USING btree ("created_by","created_at");