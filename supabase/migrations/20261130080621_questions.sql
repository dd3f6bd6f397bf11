CREATE TYPE "public"."question_status" AS ENUM('open', 'answered');--> statement-breakpoint
CREATE TABLE "question_drafts" (
	"question_id" uuid PRIMARY KEY NOT NULL,
	"consortium_id" uuid NOT NULL,
	"body" text NOT NULL,
	"written_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_drafts_body_check" CHECK (length(trim("question_drafts"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "question_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_notes_body_check" CHECK (length(trim("question_notes"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"item_kind" "priority_item_kind",
	"item_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"asked_by" uuid,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" "question_status" DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questions_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "questions_consortium_number_key" UNIQUE("consortium_id","number"),
	CONSTRAINT "questions_title_check" CHECK (length(trim("questions"."title")) > 0),
	CONSTRAINT "questions_body_check" CHECK (length(trim("questions"."body")) > 0),
	CONSTRAINT "questions_number_check" CHECK ("questions"."number" > 0),
	CONSTRAINT "questions_item_check" CHECK (("questions"."item_kind" is null) = ("questions"."item_id" is null)),
	CONSTRAINT "questions_answered_check" CHECK (("questions"."status" = 'answered') = ("questions"."answer" is not null and "questions"."answered_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "ground_rules" ADD COLUMN "question_response_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "question_drafts" ADD CONSTRAINT "question_drafts_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_drafts" ADD CONSTRAINT "question_drafts_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_drafts" ADD CONSTRAINT "question_drafts_question_fk" FOREIGN KEY ("question_id","consortium_id") REFERENCES "public"."questions"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_notes" ADD CONSTRAINT "question_notes_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_notes" ADD CONSTRAINT "question_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_notes" ADD CONSTRAINT "question_notes_question_fk" FOREIGN KEY ("question_id","consortium_id") REFERENCES "public"."questions"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_drafts_consortium_id_idx" ON "question_drafts" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "question_notes_question_id_idx" ON "question_notes" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "question_notes_consortium_id_idx" ON "question_notes" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "questions_open_due_idx" ON "questions" USING btree ("consortium_id","due_at") WHERE "questions"."status" = 'open';--> statement-breakpoint
ALTER TABLE "ground_rules" ADD CONSTRAINT "ground_rules_question_response_days_check" CHECK ("ground_rules"."question_response_days" between 1 and 60);