ALTER TABLE "document_versions" ADD COLUMN "baseline_name" text;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "baseline_frozen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "baseline_requirements" jsonb;