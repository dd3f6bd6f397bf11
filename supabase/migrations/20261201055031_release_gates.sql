CREATE TABLE "release_gates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"release_id" uuid NOT NULL,
	"decision_item_id" uuid NOT NULL,
	"initiative_id" uuid,
	"outcome" "gate_outcome",
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "release_gates_decision_item_key" UNIQUE("decision_item_id")
);
--> statement-breakpoint
ALTER TABLE "release_gates" ADD CONSTRAINT "release_gates_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_gates" ADD CONSTRAINT "release_gates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_gates" ADD CONSTRAINT "release_gates_release_fk" FOREIGN KEY ("release_id","consortium_id") REFERENCES "public"."backlog_releases"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_gates" ADD CONSTRAINT "release_gates_decision_item_fk" FOREIGN KEY ("decision_item_id","consortium_id") REFERENCES "public"."decision_items"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_gates" ADD CONSTRAINT "release_gates_initiative_fk" FOREIGN KEY ("initiative_id","consortium_id") REFERENCES "public"."initiatives"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "release_gates_release_id_idx" ON "release_gates" USING btree ("release_id");--> statement-breakpoint
CREATE INDEX "release_gates_initiative_id_idx" ON "release_gates" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "release_gates_consortium_id_idx" ON "release_gates" USING btree ("consortium_id");