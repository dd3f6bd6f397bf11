CREATE TABLE "collab_snapshots" (
	"document" text PRIMARY KEY NOT NULL,
	"consortium_id" uuid NOT NULL,
	"state" "bytea" NOT NULL,
	"up_to_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_updates" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"document" text NOT NULL,
	"consortium_id" uuid NOT NULL,
	"update" "bytea" NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document" text NOT NULL,
	"consortium_id" uuid NOT NULL,
	"name" text NOT NULL,
	"state" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collab_snapshots" ADD CONSTRAINT "collab_snapshots_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_updates" ADD CONSTRAINT "collab_updates_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_updates" ADD CONSTRAINT "collab_updates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_versions" ADD CONSTRAINT "collab_versions_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_versions" ADD CONSTRAINT "collab_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collab_snapshots_consortium_id_idx" ON "collab_snapshots" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "collab_updates_document_seq_idx" ON "collab_updates" USING btree ("document","seq");--> statement-breakpoint
CREATE INDEX "collab_updates_consortium_id_idx" ON "collab_updates" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "collab_versions_document_idx" ON "collab_versions" USING btree ("document","created_at");--> statement-breakpoint
CREATE INDEX "collab_versions_consortium_id_idx" ON "collab_versions" USING btree ("consortium_id");