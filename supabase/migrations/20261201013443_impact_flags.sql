CREATE TYPE "public"."impact_target_kind" AS ENUM('backlog_item', 'release', 'question', 'decision_item', 'document', 'priority_round', 'story', 'need', 'effect_goal');--> statement-breakpoint
CREATE TABLE "impact_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"requirement_number" integer NOT NULL,
	"identifier" text NOT NULL,
	"from_revision_id" uuid NOT NULL,
	"to_revision_id" uuid NOT NULL,
	"from_revision" integer NOT NULL,
	"to_revision" integer NOT NULL,
	"target_kind" "impact_target_kind" NOT NULL,
	"target_id" uuid NOT NULL,
	"target_label" text NOT NULL,
	"diff" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by" uuid,
	"clear_note" text,
	CONSTRAINT "impact_flags_cleared_check" CHECK (("impact_flags"."cleared_at" is null) = ("impact_flags"."clear_note" is null)),
	CONSTRAINT "impact_flags_note_check" CHECK ("impact_flags"."clear_note" is null or length(trim("impact_flags"."clear_note")) > 0),
	CONSTRAINT "impact_flags_revisions_check" CHECK ("impact_flags"."to_revision" > "impact_flags"."from_revision")
);
--> statement-breakpoint
ALTER TABLE "impact_flags" ADD CONSTRAINT "impact_flags_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_flags" ADD CONSTRAINT "impact_flags_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_flags" ADD CONSTRAINT "impact_flags_cleared_by_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_flags" ADD CONSTRAINT "impact_flags_from_revision_fk" FOREIGN KEY ("from_revision_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_flags" ADD CONSTRAINT "impact_flags_to_revision_fk" FOREIGN KEY ("to_revision_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "impact_flags_open_key" ON "impact_flags" USING btree ("consortium_id","target_kind","target_id","requirement_number") WHERE "impact_flags"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "impact_flags_consortium_open_idx" ON "impact_flags" USING btree ("consortium_id","created_at") WHERE "impact_flags"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "impact_flags_target_idx" ON "impact_flags" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE INDEX "impact_flags_from_revision_idx" ON "impact_flags" USING btree ("from_revision_id");--> statement-breakpoint
CREATE INDEX "impact_flags_to_revision_idx" ON "impact_flags" USING btree ("to_revision_id");