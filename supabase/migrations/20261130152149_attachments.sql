CREATE TYPE "public"."attachment_target" AS ENUM('decision_item', 'meeting', 'requirement', 'initiative');--> statement-breakpoint
CREATE TABLE "attachment_chunks" (
	"storage_key" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "attachment_chunks_pkey" PRIMARY KEY("storage_key","seq")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"target_kind" "attachment_target" NOT NULL,
	"target_id" uuid NOT NULL,
	"storage_key" uuid NOT NULL,
	"backend" text NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_id_consortium_key" UNIQUE("id","consortium_id"),
	CONSTRAINT "attachments_storage_key_key" UNIQUE("storage_key"),
	CONSTRAINT "attachments_name_check" CHECK (length(trim("attachments"."name")) > 0 and length("attachments"."name") <= 255 and "attachments"."name" !~ '[/\\[:cntrl:]]'),
	CONSTRAINT "attachments_backend_check" CHECK ("attachments"."backend" in ('postgres', 'supabase')),
	CONSTRAINT "attachments_size_check" CHECK ("attachments"."size" >= 0)
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_consortium_id_idx" ON "attachments" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "attachments_target_idx" ON "attachments" USING btree ("target_kind","target_id");