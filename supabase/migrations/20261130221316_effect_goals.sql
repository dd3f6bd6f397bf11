CREATE TABLE "effect_goal_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"requirement_id" uuid,
	"story_id" uuid,
	"initiative_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "effect_goal_links_requirement_key" UNIQUE("goal_id","requirement_id"),
	CONSTRAINT "effect_goal_links_story_key" UNIQUE("goal_id","story_id"),
	CONSTRAINT "effect_goal_links_initiative_key" UNIQUE("goal_id","initiative_id"),
	CONSTRAINT "effect_goal_links_one_target_check" CHECK (num_nonnulls("effect_goal_links"."requirement_id", "effect_goal_links"."story_id", "effect_goal_links"."initiative_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "effect_goal_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"organisation_id" uuid,
	"value" double precision NOT NULL,
	"measured_on" date NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "effect_goal_organisations" (
	"consortium_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "effect_goal_organisations_pkey" PRIMARY KEY("goal_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "effect_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"indicator" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"baseline_value" double precision NOT NULL,
	"baseline_on" date NOT NULL,
	"target_value" double precision NOT NULL,
	"target_on" date NOT NULL,
	"initiative_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "effect_goals_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "effect_goals_title_check" CHECK (length(trim("effect_goals"."title")) > 0),
	CONSTRAINT "effect_goals_category_check" CHECK (length(trim("effect_goals"."category")) > 0),
	CONSTRAINT "effect_goals_indicator_check" CHECK (length(trim("effect_goals"."indicator")) > 0),
	CONSTRAINT "effect_goals_dates_check" CHECK ("effect_goals"."target_on" > "effect_goals"."baseline_on"),
	CONSTRAINT "effect_goals_target_check" CHECK ("effect_goals"."target_value" <> "effect_goals"."baseline_value")
);
--> statement-breakpoint
ALTER TABLE "effect_goal_links" ADD CONSTRAINT "effect_goal_links_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goal_links" ADD CONSTRAINT "effect_goal_links_goal_fk" FOREIGN KEY ("goal_id","consortium_id") REFERENCES "public"."effect_goals"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goal_links" ADD CONSTRAINT "effect_goal_links_requirement_fk" FOREIGN KEY ("requirement_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goal_links" ADD CONSTRAINT "effect_goal_links_story_fk" FOREIGN KEY ("story_id","consortium_id") REFERENCES "public"."user_stories"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goal_links" ADD CONSTRAINT "effect_goal_links_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goal_measurements" ADD CONSTRAINT "effect_goal_measurements_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goal_measurements" ADD CONSTRAINT "effect_goal_measurements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goal_measurements" ADD CONSTRAINT "effect_goal_measurements_goal_fk" FOREIGN KEY ("goal_id","consortium_id") REFERENCES "public"."effect_goals"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goal_measurements" ADD CONSTRAINT "effect_goal_measurements_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goal_organisations" ADD CONSTRAINT "effect_goal_organisations_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goal_organisations" ADD CONSTRAINT "effect_goal_organisations_goal_fk" FOREIGN KEY ("goal_id","consortium_id") REFERENCES "public"."effect_goals"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goal_organisations" ADD CONSTRAINT "effect_goal_organisations_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goals" ADD CONSTRAINT "effect_goals_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goals" ADD CONSTRAINT "effect_goals_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_goals" ADD CONSTRAINT "effect_goals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "effect_goal_links_requirement_id_idx" ON "effect_goal_links" USING btree ("requirement_id");--> statement-breakpoint
CREATE INDEX "effect_goal_links_story_id_idx" ON "effect_goal_links" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "effect_goal_links_initiative_id_idx" ON "effect_goal_links" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "effect_goal_links_consortium_id_idx" ON "effect_goal_links" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "effect_goal_measurements_goal_id_idx" ON "effect_goal_measurements" USING btree ("goal_id","measured_on");--> statement-breakpoint
CREATE INDEX "effect_goal_measurements_organisation_id_idx" ON "effect_goal_measurements" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "effect_goal_measurements_consortium_id_idx" ON "effect_goal_measurements" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "effect_goal_organisations_organisation_id_idx" ON "effect_goal_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "effect_goal_organisations_consortium_id_idx" ON "effect_goal_organisations" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "effect_goals_consortium_id_idx" ON "effect_goals" USING btree ("consortium_id","category");--> statement-breakpoint
CREATE INDEX "effect_goals_initiative_id_idx" ON "effect_goals" USING btree ("initiative_id");