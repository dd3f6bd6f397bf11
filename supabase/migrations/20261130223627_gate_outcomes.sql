CREATE TYPE "public"."gate_outcome" AS ENUM('continue', 'back', 'stop', 'close');--> statement-breakpoint
ALTER TABLE "decision_options" ADD COLUMN "gate_outcome" "gate_outcome";--> statement-breakpoint
ALTER TABLE "initiative_gates" ADD COLUMN "outcome" "gate_outcome";--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "ended_as" "gate_outcome";--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_ended_check" CHECK (("initiatives"."ended_as" is null) = ("initiatives"."ended_on" is null) and ("initiatives"."ended_as" is null or "initiatives"."ended_as"::text in ('stop', 'close')));