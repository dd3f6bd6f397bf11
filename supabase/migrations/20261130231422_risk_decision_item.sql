ALTER TABLE "risks" ADD COLUMN "decision_item_id" uuid;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_decision_item_id_decision_items_id_fk" FOREIGN KEY ("decision_item_id") REFERENCES "public"."decision_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_decision_item_key" UNIQUE("decision_item_id");