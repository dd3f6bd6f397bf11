CREATE TABLE "quality_dismissals" (
	"consortium_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"key" text NOT NULL,
	"reason" text NOT NULL,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_dismissals_pkey" PRIMARY KEY("consortium_id","number","key"),
	CONSTRAINT "quality_dismissals_reason_check" CHECK (length(trim("quality_dismissals"."reason")) > 0 and length("quality_dismissals"."reason") <= 1000),
	CONSTRAINT "quality_dismissals_key_check" CHECK (length("quality_dismissals"."key") between 1 and 400)
);
--> statement-breakpoint
CREATE TABLE "quality_settings" (
	"consortium_id" uuid PRIMARY KEY NOT NULL,
	"disabled_rules" text[] DEFAULT '{}'::text[] NOT NULL,
	"extra_vague_words" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_settings_words_check" CHECK (cardinality("quality_settings"."extra_vague_words") <= 200),
	CONSTRAINT "quality_settings_version_check" CHECK ("quality_settings"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "requirement_quality" (
	"requirement_id" uuid PRIMARY KEY NOT NULL,
	"consortium_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"open_findings" integer NOT NULL,
	"findings" jsonb NOT NULL,
	"settings_version" integer NOT NULL,
	"source_updated_at" timestamp with time zone NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_quality_score_check" CHECK ("requirement_quality"."score" between 0 and 100 and "requirement_quality"."open_findings" >= 0)
);
--> statement-breakpoint
ALTER TABLE "quality_dismissals" ADD CONSTRAINT "quality_dismissals_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_dismissals" ADD CONSTRAINT "quality_dismissals_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_settings" ADD CONSTRAINT "quality_settings_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_settings" ADD CONSTRAINT "quality_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_quality" ADD CONSTRAINT "requirement_quality_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_quality" ADD CONSTRAINT "requirement_quality_requirement_fk" FOREIGN KEY ("requirement_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "requirement_quality_consortium_open_idx" ON "requirement_quality" USING btree ("consortium_id","open_findings");