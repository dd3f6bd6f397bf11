CREATE TYPE "public"."document_kind" AS ENUM('project_directive', 'requirement_specification', 'evaluation_model', 'contract_terms', 'compensation_model', 'communication_plan', 'meeting_notes', 'other');--> statement-breakpoint
CREATE TYPE "public"."document_version_status" AS ENUM('saved', 'in_approval', 'approved', 'rejected');--> statement-breakpoint
ALTER TYPE "public"."attachment_target" ADD VALUE 'document';--> statement-breakpoint
ALTER TYPE "public"."content_kind" ADD VALUE 'document';--> statement-breakpoint
CREATE TABLE "document_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"verdict" "approval_verdict" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	"acting_as" "mandate_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_approvals_version_organisation_key" UNIQUE("version_id","organisation_id"),
	CONSTRAINT "document_approvals_reason_check" CHECK ("document_approvals"."verdict" = 'approve' or length(trim("document_approvals"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "document_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"publication_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_feedback_body_check" CHECK (length(trim("document_feedback"."body")) > 0 and length("document_feedback"."body") <= 10000)
);
--> statement-breakpoint
CREATE TABLE "document_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"allow_comments" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_publications_version_key" UNIQUE("version_id"),
	CONSTRAINT "document_publications_note_check" CHECK (length("document_publications"."note") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"status" "document_version_status" DEFAULT 'saved' NOT NULL,
	"title" text NOT NULL,
	"body_state" "bytea" NOT NULL,
	"closing_state" "bytea" NOT NULL,
	"baseline_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	CONSTRAINT "document_versions_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "document_versions_document_number_key" UNIQUE("document_id","number"),
	CONSTRAINT "document_versions_name_check" CHECK (length(trim("document_versions"."name")) > 0 and length("document_versions"."name") <= 200),
	CONSTRAINT "document_versions_number_check" CHECK ("document_versions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"title" text NOT NULL,
	"initiative_id" uuid,
	"baseline_id" uuid,
	"language" text DEFAULT 'sv' NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "documents_title_check" CHECK (length(trim("documents"."title")) > 0 and length("documents"."title") <= 200),
	CONSTRAINT "documents_language_check" CHECK ("documents"."language" in ('sv', 'en')),
	CONSTRAINT "documents_baseline_kind_check" CHECK ("documents"."baseline_id" is null or "documents"."kind" = 'requirement_specification')
);
--> statement-breakpoint
ALTER TABLE "document_approvals" ADD CONSTRAINT "document_approvals_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_approvals" ADD CONSTRAINT "document_approvals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_approvals" ADD CONSTRAINT "document_approvals_version_fk" FOREIGN KEY ("version_id","consortium_id") REFERENCES "public"."document_versions"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_approvals" ADD CONSTRAINT "document_approvals_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_feedback" ADD CONSTRAINT "document_feedback_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_feedback" ADD CONSTRAINT "document_feedback_publication_id_document_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."document_publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_feedback" ADD CONSTRAINT "document_feedback_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_publications" ADD CONSTRAINT "document_publications_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_publications" ADD CONSTRAINT "document_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_publications" ADD CONSTRAINT "document_publications_document_fk" FOREIGN KEY ("document_id","consortium_id") REFERENCES "public"."documents"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_publications" ADD CONSTRAINT "document_publications_version_fk" FOREIGN KEY ("version_id","consortium_id") REFERENCES "public"."document_versions"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_fk" FOREIGN KEY ("document_id","consortium_id") REFERENCES "public"."documents"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_baseline_fk" FOREIGN KEY ("baseline_id","consortium_id") REFERENCES "public"."baselines"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_baseline_fk" FOREIGN KEY ("baseline_id","consortium_id") REFERENCES "public"."baselines"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_approvals_consortium_id_idx" ON "document_approvals" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "document_feedback_publication_idx" ON "document_feedback" USING btree ("publication_id");--> statement-breakpoint
CREATE INDEX "document_feedback_consortium_id_idx" ON "document_feedback" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "document_publications_document_idx" ON "document_publications" USING btree ("document_id","published_at");--> statement-breakpoint
CREATE INDEX "document_publications_consortium_id_idx" ON "document_publications" USING btree ("consortium_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_one_in_approval_key" ON "document_versions" USING btree ("document_id") WHERE "document_versions"."status" = 'in_approval';--> statement-breakpoint
CREATE INDEX "document_versions_consortium_id_idx" ON "document_versions" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "documents_consortium_id_idx" ON "documents" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "documents_initiative_id_idx" ON "documents" USING btree ("initiative_id");