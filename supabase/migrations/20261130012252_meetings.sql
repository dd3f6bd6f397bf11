CREATE TYPE "public"."attendance_status" AS ENUM('present', 'absent', 'excused');--> statement-breakpoint
CREATE TABLE "meeting_adjusters" (
	"consortium_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"approved_at" timestamp with time zone,
	CONSTRAINT "meeting_adjusters_pkey" PRIMARY KEY("meeting_id","user_id"),
	CONSTRAINT "meeting_adjusters_meeting_position_key" UNIQUE("meeting_id","position"),
	CONSTRAINT "meeting_adjusters_position_check" CHECK ("meeting_adjusters"."position" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"decision_item_id" uuid,
	"municipalities_only" boolean DEFAULT false NOT NULL,
	CONSTRAINT "meeting_agenda_items_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "meeting_agenda_items_meeting_position_key" UNIQUE("meeting_id","position"),
	CONSTRAINT "meeting_agenda_items_title_check" CHECK (length(trim("meeting_agenda_items"."title")) > 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"consortium_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "attendance_status" NOT NULL,
	"user_id" uuid,
	"capacity" "mandate_kind",
	CONSTRAINT "meeting_attendance_pkey" PRIMARY KEY("meeting_id","organisation_id"),
	CONSTRAINT "meeting_attendance_capacity_check" CHECK (("meeting_attendance"."status" = 'present') = ("meeting_attendance"."capacity" is not null) and ("meeting_attendance"."status" = 'present' or "meeting_attendance"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "meeting_paragraph_counters" (
	"consortium_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	CONSTRAINT "meeting_paragraph_counters_pkey" PRIMARY KEY("consortium_id","year")
);
--> statement-breakpoint
CREATE TABLE "meeting_paragraphs" (
	"agenda_item_id" uuid PRIMARY KEY NOT NULL,
	"consortium_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_paragraphs_number_key" UNIQUE("consortium_id","year","number"),
	CONSTRAINT "meeting_paragraphs_number_check" CHECK ("meeting_paragraphs"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"level" "decision_level" NOT NULL,
	"title" text NOT NULL,
	"meeting_date" date NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time,
	"place" text DEFAULT '' NOT NULL,
	"minutes_started_at" timestamp with time zone,
	"adjusted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "meetings_title_check" CHECK (length(trim("meetings"."title")) > 0),
	CONSTRAINT "meetings_adjusted_check" CHECK ("meetings"."adjusted_at" is null or "meetings"."minutes_started_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "meeting_adjusters" ADD CONSTRAINT "meeting_adjusters_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_adjusters" ADD CONSTRAINT "meeting_adjusters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_adjusters" ADD CONSTRAINT "meeting_adjusters_meeting_fk" FOREIGN KEY ("meeting_id","consortium_id") REFERENCES "public"."meetings"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_fk" FOREIGN KEY ("meeting_id","consortium_id") REFERENCES "public"."meetings"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_decision_item_fk" FOREIGN KEY ("decision_item_id","consortium_id") REFERENCES "public"."decision_items"("id","consortium_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_fk" FOREIGN KEY ("meeting_id","consortium_id") REFERENCES "public"."meetings"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_paragraph_counters" ADD CONSTRAINT "meeting_paragraph_counters_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_paragraphs" ADD CONSTRAINT "meeting_paragraphs_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_paragraphs" ADD CONSTRAINT "meeting_paragraphs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_paragraphs" ADD CONSTRAINT "meeting_paragraphs_agenda_item_fk" FOREIGN KEY ("agenda_item_id","consortium_id") REFERENCES "public"."meeting_agenda_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_paragraphs" ADD CONSTRAINT "meeting_paragraphs_meeting_fk" FOREIGN KEY ("meeting_id","consortium_id") REFERENCES "public"."meetings"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_adjusters_user_idx" ON "meeting_adjusters" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_adjusters_consortium_id_idx" ON "meeting_adjusters" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_consortium_id_idx" ON "meeting_agenda_items" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_decision_item_idx" ON "meeting_agenda_items" USING btree ("decision_item_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_consortium_id_idx" ON "meeting_attendance" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "meeting_paragraphs_meeting_idx" ON "meeting_paragraphs" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_consortium_date_idx" ON "meetings" USING btree ("consortium_id","meeting_date");