CREATE TYPE "public"."portfolio_intent" AS ENUM('together', 'alone', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."technology_status" AS ENUM('in_use', 'pilot', 'in_procurement', 'planned', 'investigating', 'not_relevant', 'discontinued');--> statement-breakpoint
CREATE TABLE "technologies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "technologies_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "technologies_name_key" UNIQUE("consortium_id","name"),
	CONSTRAINT "technologies_name_check" CHECK (length(trim("technologies"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "technology_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "technology_categories_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "technology_categories_name_key" UNIQUE("consortium_id","name"),
	CONSTRAINT "technology_categories_name_check" CHECK (length(trim("technology_categories"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "technology_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "technology_status" NOT NULL,
	"since_year" integer,
	"planned_year" integer,
	"supplier" text DEFAULT '' NOT NULL,
	"contract_end" date,
	"intent" "portfolio_intent" DEFAULT 'unknown' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "technology_statuses_technology_organisation_key" UNIQUE("technology_id","organisation_id"),
	CONSTRAINT "technology_statuses_since_year_check" CHECK ("technology_statuses"."since_year" is null or "technology_statuses"."since_year" between 1950 and 2100),
	CONSTRAINT "technology_statuses_planned_year_check" CHECK ("technology_statuses"."planned_year" is null or "technology_statuses"."planned_year" between 1950 and 2100)
);
--> statement-breakpoint
ALTER TABLE "technologies" ADD CONSTRAINT "technologies_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technologies" ADD CONSTRAINT "technologies_category_fk" FOREIGN KEY ("category_id","consortium_id") REFERENCES "public"."technology_categories"("id","consortium_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_categories" ADD CONSTRAINT "technology_categories_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_statuses" ADD CONSTRAINT "technology_statuses_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_statuses" ADD CONSTRAINT "technology_statuses_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_statuses" ADD CONSTRAINT "technology_statuses_technology_fk" FOREIGN KEY ("technology_id","consortium_id") REFERENCES "public"."technologies"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_statuses" ADD CONSTRAINT "technology_statuses_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "technologies_category_id_idx" ON "technologies" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "technology_statuses_consortium_id_idx" ON "technology_statuses" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "technology_statuses_organisation_id_idx" ON "technology_statuses" USING btree ("organisation_id");