CREATE TYPE "public"."initiative_link_kind" AS ENUM('need', 'requirement', 'baseline', 'decision');--> statement-breakpoint
CREATE TYPE "public"."initiative_status" AS ENUM('on_track', 'at_risk', 'delayed');--> statement-breakpoint
CREATE TYPE "public"."phase_model" AS ENUM('kasam', 'procurement', 'custom');--> statement-breakpoint
CREATE TABLE "initiative_dependencies" (
	"consortium_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"depends_on_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_dependencies_pkey" PRIMARY KEY("initiative_id","depends_on_id"),
	CONSTRAINT "initiative_dependencies_self_check" CHECK ("initiative_dependencies"."initiative_id" <> "initiative_dependencies"."depends_on_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_gates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"decision_item_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_gates_decision_item_key" UNIQUE("decision_item_id"),
	CONSTRAINT "initiative_gates_phase_check" CHECK ("initiative_gates"."phase" >= 1)
);
--> statement-breakpoint
CREATE TABLE "initiative_links" (
	"consortium_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"target_kind" "initiative_link_kind" NOT NULL,
	"target_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_links_pkey" PRIMARY KEY("initiative_id","target_kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due" date NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_milestones_title_check" CHECK (length(trim("initiative_milestones"."title")) > 0)
);
--> statement-breakpoint
CREATE TABLE "initiative_participants" (
	"consortium_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_participants_pkey" PRIMARY KEY("initiative_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_phases" (
	"consortium_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"actual_start" date,
	"actual_end" date,
	CONSTRAINT "initiative_phases_pkey" PRIMARY KEY("initiative_id","position"),
	CONSTRAINT "initiative_phases_name_check" CHECK (length(trim("initiative_phases"."name")) > 0),
	CONSTRAINT "initiative_phases_position_check" CHECK ("initiative_phases"."position" between 1 and 20),
	CONSTRAINT "initiative_phases_planned_check" CHECK ("initiative_phases"."planned_end" is null or "initiative_phases"."planned_start" is null or "initiative_phases"."planned_end" >= "initiative_phases"."planned_start"),
	CONSTRAINT "initiative_phases_actual_check" CHECK ("initiative_phases"."actual_end" is null or ("initiative_phases"."actual_start" is not null and "initiative_phases"."actual_end" >= "initiative_phases"."actual_start"))
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"technology_id" uuid,
	"phase_model" "phase_model" NOT NULL,
	"current_phase" integer DEFAULT 1 NOT NULL,
	"status_override" "initiative_status",
	"status_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiatives_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "initiatives_number_key" UNIQUE("consortium_id","number"),
	CONSTRAINT "initiatives_title_check" CHECK (length(trim("initiatives"."title")) > 0),
	CONSTRAINT "initiatives_current_phase_check" CHECK ("initiatives"."current_phase" >= 1),
	CONSTRAINT "initiatives_override_reason_check" CHECK ("initiatives"."status_override" is null or length(trim("initiatives"."status_reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "initiative_dependencies" ADD CONSTRAINT "initiative_dependencies_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_dependencies" ADD CONSTRAINT "initiative_dependencies_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_dependencies" ADD CONSTRAINT "initiative_dependencies_depends_on_fk" FOREIGN KEY ("depends_on_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_gates" ADD CONSTRAINT "initiative_gates_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_gates" ADD CONSTRAINT "initiative_gates_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_gates" ADD CONSTRAINT "initiative_gates_decision_item_fk" FOREIGN KEY ("decision_item_id","consortium_id") REFERENCES "public"."decision_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_links" ADD CONSTRAINT "initiative_links_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_links" ADD CONSTRAINT "initiative_links_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_milestones" ADD CONSTRAINT "initiative_milestones_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_milestones" ADD CONSTRAINT "initiative_milestones_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_participants" ADD CONSTRAINT "initiative_participants_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_participants" ADD CONSTRAINT "initiative_participants_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_participants" ADD CONSTRAINT "initiative_participants_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_phases" ADD CONSTRAINT "initiative_phases_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_phases" ADD CONSTRAINT "initiative_phases_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_owner_fk" FOREIGN KEY ("owner_organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_technology_fk" FOREIGN KEY ("technology_id","consortium_id") REFERENCES "public"."technologies"("id","consortium_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_dependencies_depends_on_id_idx" ON "initiative_dependencies" USING btree ("depends_on_id");--> statement-breakpoint
CREATE INDEX "initiative_dependencies_consortium_id_idx" ON "initiative_dependencies" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "initiative_gates_initiative_id_idx" ON "initiative_gates" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_gates_consortium_id_idx" ON "initiative_gates" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "initiative_links_target_idx" ON "initiative_links" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE INDEX "initiative_links_consortium_id_idx" ON "initiative_links" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "initiative_milestones_initiative_id_idx" ON "initiative_milestones" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_milestones_consortium_id_idx" ON "initiative_milestones" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "initiative_participants_organisation_id_idx" ON "initiative_participants" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "initiative_participants_consortium_id_idx" ON "initiative_participants" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "initiative_phases_consortium_id_idx" ON "initiative_phases" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "initiatives_technology_id_idx" ON "initiatives" USING btree ("technology_id");