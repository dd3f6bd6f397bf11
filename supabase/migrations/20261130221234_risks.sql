CREATE TYPE "public"."risk_status" AS ENUM('open', 'mitigating', 'accepted', 'occurred', 'closed');--> statement-breakpoint
CREATE TABLE "risk_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due" date,
	"done" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_actions_title_check" CHECK (length(trim("risk_actions"."title")) > 0)
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"probability" integer NOT NULL,
	"impact" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"assessed_by" uuid,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_assessments_probability_check" CHECK ("risk_assessments"."probability" between 1 and 5),
	CONSTRAINT "risk_assessments_impact_check" CHECK ("risk_assessments"."impact" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "risk_settings" (
	"consortium_id" uuid PRIMARY KEY NOT NULL,
	"medium_from" integer DEFAULT 8 NOT NULL,
	"high_from" integer DEFAULT 15 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_settings_bands_check" CHECK ("risk_settings"."medium_from" between 2 and 25 and "risk_settings"."high_from" > "risk_settings"."medium_from" and "risk_settings"."high_from" <= 25)
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"initiative_id" uuid,
	"title" text NOT NULL,
	"threat" text DEFAULT '' NOT NULL,
	"vulnerability" text DEFAULT '' NOT NULL,
	"consequence" text DEFAULT '' NOT NULL,
	"probability" integer NOT NULL,
	"impact" integer NOT NULL,
	"score" integer GENERATED ALWAYS AS (probability * impact) STORED NOT NULL,
	"owner_id" uuid,
	"status" "risk_status" DEFAULT 'open' NOT NULL,
	"next_review" date,
	"escalated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risks_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "risks_number_key" UNIQUE("consortium_id","number"),
	CONSTRAINT "risks_title_check" CHECK (length(trim("risks"."title")) > 0),
	CONSTRAINT "risks_probability_check" CHECK ("risks"."probability" between 1 and 5),
	CONSTRAINT "risks_impact_check" CHECK ("risks"."impact" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD COLUMN "source_kind" text;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "risk_actions" ADD CONSTRAINT "risk_actions_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_actions" ADD CONSTRAINT "risk_actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_actions" ADD CONSTRAINT "risk_actions_risk_fk" FOREIGN KEY ("risk_id","consortium_id") REFERENCES "public"."risks"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_risk_fk" FOREIGN KEY ("risk_id","consortium_id") REFERENCES "public"."risks"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_settings" ADD CONSTRAINT "risk_settings_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_actions_risk_idx" ON "risk_actions" USING btree ("risk_id");--> statement-breakpoint
CREATE INDEX "risk_actions_owner_id_idx" ON "risk_actions" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "risk_actions_consortium_id_idx" ON "risk_actions" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "risk_assessments_risk_idx" ON "risk_assessments" USING btree ("risk_id","assessed_at");--> statement-breakpoint
CREATE INDEX "risk_assessments_consortium_id_idx" ON "risk_assessments" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "risks_initiative_id_idx" ON "risks" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "risks_owner_id_idx" ON "risks" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_source_idx" ON "meeting_agenda_items" USING btree ("source_id");--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_source_check" CHECK (("meeting_agenda_items"."source_kind" is null) = ("meeting_agenda_items"."source_id" is null));