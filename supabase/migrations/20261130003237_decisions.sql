CREATE TYPE "public"."decision_item_status" AS ENUM('draft', 'open', 'closed', 'recorded', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."decision_level" AS ENUM('project_group', 'steering_group');--> statement-breakpoint
CREATE TYPE "public"."decision_link_kind" AS ENUM('need', 'story', 'requirement', 'baseline');--> statement-breakpoint
CREATE TYPE "public"."decision_result" AS ENUM('adopted', 'rejected', 'no_decision');--> statement-breakpoint
CREATE TYPE "public"."decision_stance" AS ENUM('for', 'against', 'abstain', 'option');--> statement-breakpoint
CREATE TABLE "decision_acknowledgements" (
	"consortium_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_acknowledgements_pkey" PRIMARY KEY("decision_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "decision_conflicts" (
	"consortium_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_conflicts_pkey" PRIMARY KEY("item_id","user_id"),
	CONSTRAINT "decision_conflicts_reason_check" CHECK (length(trim("decision_conflicts"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "decision_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"title" text NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"proposal" text NOT NULL,
	"level" "decision_level" NOT NULL,
	"status" "decision_item_status" DEFAULT 'draft' NOT NULL,
	"deadline" timestamp with time zone,
	"result" "decision_result",
	"result_option_id" uuid,
	"tally" jsonb,
	"reminder_hours" integer DEFAULT 48 NOT NULL,
	"reminded_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_items_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "decision_items_title_check" CHECK (length(trim("decision_items"."title")) > 0),
	CONSTRAINT "decision_items_proposal_check" CHECK (length(trim("decision_items"."proposal")) > 0),
	CONSTRAINT "decision_items_reminder_check" CHECK ("decision_items"."reminder_hours" between 0 and 720),
	CONSTRAINT "decision_items_open_deadline_check" CHECK ("decision_items"."status" = 'draft' or "decision_items"."status" = 'withdrawn' or "decision_items"."deadline" is not null),
	CONSTRAINT "decision_items_result_check" CHECK (("decision_items"."status" in ('closed', 'recorded')) = ("decision_items"."result" is not null))
);
--> statement-breakpoint
CREATE TABLE "decision_links" (
	"consortium_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"target_kind" "decision_link_kind" NOT NULL,
	"target_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_links_pkey" PRIMARY KEY("item_id","target_kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "decision_log_heads" (
	"consortium_id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "decision_options_id_item_key" UNIQUE("id","item_id"),
	CONSTRAINT "decision_options_item_position_key" UNIQUE("item_id","position"),
	CONSTRAINT "decision_options_label_check" CHECK (length(trim("decision_options"."label")) > 0)
);
--> statement-breakpoint
CREATE TABLE "decision_position_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"stance" "decision_stance" NOT NULL,
	"option_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	"acting_as" "mandate_kind" NOT NULL,
	"stated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"stance" "decision_stance" NOT NULL,
	"option_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	"acting_as" "mandate_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_positions_item_organisation_key" UNIQUE("item_id","organisation_id"),
	CONSTRAINT "decision_positions_option_check" CHECK (("decision_positions"."stance" = 'option') = ("decision_positions"."option_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "decision_reservations" (
	"consortium_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_reservations_pkey" PRIMARY KEY("item_id","organisation_id"),
	CONSTRAINT "decision_reservations_reason_check" CHECK (length(trim("decision_reservations"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"item_id" uuid,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"level" "decision_level" NOT NULL,
	"decided_on" date NOT NULL,
	"result" "decision_result" NOT NULL,
	"explanation" text NOT NULL,
	"positions" jsonb NOT NULL,
	"reservations" jsonb NOT NULL,
	"links" jsonb NOT NULL,
	"registration_number" text DEFAULT '' NOT NULL,
	"secret" boolean DEFAULT false NOT NULL,
	"communicated" boolean DEFAULT false NOT NULL,
	"meeting_paragraph" text DEFAULT '' NOT NULL,
	"supersedes_id" uuid,
	"previous_hash" text NOT NULL,
	"hash" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "decisions_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "decisions_number_key" UNIQUE("consortium_id","year","sequence"),
	CONSTRAINT "decisions_item_key" UNIQUE("item_id"),
	CONSTRAINT "decisions_hash_key" UNIQUE("hash"),
	CONSTRAINT "decisions_sequence_check" CHECK ("decisions"."sequence" > 0),
	CONSTRAINT "decisions_secret_communicated_check" CHECK (not ("decisions"."secret" and "decisions"."communicated"))
);
--> statement-breakpoint
ALTER TABLE "decision_acknowledgements" ADD CONSTRAINT "decision_acknowledgements_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_acknowledgements" ADD CONSTRAINT "decision_acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_acknowledgements" ADD CONSTRAINT "decision_acknowledgements_decision_fk" FOREIGN KEY ("decision_id","consortium_id") REFERENCES "public"."decisions"("id","consortium_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_acknowledgements" ADD CONSTRAINT "decision_acknowledgements_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_conflicts" ADD CONSTRAINT "decision_conflicts_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_conflicts" ADD CONSTRAINT "decision_conflicts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_conflicts" ADD CONSTRAINT "decision_conflicts_item_fk" FOREIGN KEY ("item_id","consortium_id") REFERENCES "public"."decision_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_conflicts" ADD CONSTRAINT "decision_conflicts_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_items" ADD CONSTRAINT "decision_items_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_items" ADD CONSTRAINT "decision_items_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_items" ADD CONSTRAINT "decision_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_links" ADD CONSTRAINT "decision_links_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_links" ADD CONSTRAINT "decision_links_item_fk" FOREIGN KEY ("item_id","consortium_id") REFERENCES "public"."decision_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_log_heads" ADD CONSTRAINT "decision_log_heads_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_options" ADD CONSTRAINT "decision_options_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_options" ADD CONSTRAINT "decision_options_item_fk" FOREIGN KEY ("item_id","consortium_id") REFERENCES "public"."decision_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_position_history" ADD CONSTRAINT "decision_position_history_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_position_history" ADD CONSTRAINT "decision_position_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_position_history" ADD CONSTRAINT "decision_position_history_item_fk" FOREIGN KEY ("item_id","consortium_id") REFERENCES "public"."decision_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_positions" ADD CONSTRAINT "decision_positions_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_positions" ADD CONSTRAINT "decision_positions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_positions" ADD CONSTRAINT "decision_positions_item_fk" FOREIGN KEY ("item_id","consortium_id") REFERENCES "public"."decision_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_positions" ADD CONSTRAINT "decision_positions_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_positions" ADD CONSTRAINT "decision_positions_option_fk" FOREIGN KEY ("option_id","item_id") REFERENCES "public"."decision_options"("id","item_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_reservations" ADD CONSTRAINT "decision_reservations_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_reservations" ADD CONSTRAINT "decision_reservations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_reservations" ADD CONSTRAINT "decision_reservations_item_fk" FOREIGN KEY ("item_id","consortium_id") REFERENCES "public"."decision_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_reservations" ADD CONSTRAINT "decision_reservations_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_item_fk" FOREIGN KEY ("item_id","consortium_id") REFERENCES "public"."decision_items"("id","consortium_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_supersedes_fk" FOREIGN KEY ("supersedes_id","consortium_id") REFERENCES "public"."decisions"("id","consortium_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_acknowledgements_consortium_id_idx" ON "decision_acknowledgements" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "decision_conflicts_consortium_id_idx" ON "decision_conflicts" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "decision_items_consortium_id_idx" ON "decision_items" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "decision_items_open_deadline_idx" ON "decision_items" USING btree ("deadline") WHERE "decision_items"."status" = 'open';--> statement-breakpoint
CREATE INDEX "decision_links_target_idx" ON "decision_links" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE INDEX "decision_links_consortium_id_idx" ON "decision_links" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "decision_options_consortium_id_idx" ON "decision_options" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "decision_position_history_item_idx" ON "decision_position_history" USING btree ("item_id","stated_at");--> statement-breakpoint
CREATE INDEX "decision_position_history_consortium_id_idx" ON "decision_position_history" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "decision_positions_consortium_id_idx" ON "decision_positions" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "decision_positions_organisation_id_idx" ON "decision_positions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "decision_reservations_consortium_id_idx" ON "decision_reservations" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "decisions_consortium_recorded_idx" ON "decisions" USING btree ("consortium_id","recorded_at");