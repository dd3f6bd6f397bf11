-- Rows that link two things of a consortium refer to each by (id, consortium_id): a link can never
-- cross consortia, whatever the application does.
ALTER TABLE "delegations" DROP CONSTRAINT "delegations_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "mandates" DROP CONSTRAINT "mandates_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "need_shares" DROP CONSTRAINT "need_shares_need_id_needs_id_fk";
--> statement-breakpoint
ALTER TABLE "need_shares" DROP CONSTRAINT "need_shares_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "requirement_approvals" DROP CONSTRAINT "requirement_approvals_requirement_id_requirements_id_fk";
--> statement-breakpoint
ALTER TABLE "requirement_approvals" DROP CONSTRAINT "requirement_approvals_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "requirement_needs" DROP CONSTRAINT "requirement_needs_requirement_id_requirements_id_fk";
--> statement-breakpoint
ALTER TABLE "requirement_needs" DROP CONSTRAINT "requirement_needs_need_id_needs_id_fk";
--> statement-breakpoint
ALTER TABLE "requirement_organisations" DROP CONSTRAINT "requirement_organisations_requirement_id_requirements_id_fk";
--> statement-breakpoint
ALTER TABLE "requirement_organisations" DROP CONSTRAINT "requirement_organisations_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "requirement_stories" DROP CONSTRAINT "requirement_stories_requirement_id_requirements_id_fk";
--> statement-breakpoint
ALTER TABLE "requirement_stories" DROP CONSTRAINT "requirement_stories_story_id_user_stories_id_fk";
--> statement-breakpoint
ALTER TABLE "story_needs" DROP CONSTRAINT "story_needs_story_id_user_stories_id_fk";
--> statement-breakpoint
ALTER TABLE "story_needs" DROP CONSTRAINT "story_needs_need_id_needs_id_fk";
--> statement-breakpoint
ALTER TABLE "baseline_items" DROP CONSTRAINT "baseline_items_baseline_id_baselines_id_fk";
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_id_consortium_key" UNIQUE("id","consortium_id");
--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_id_consortium_key" UNIQUE("id","consortium_id");
--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_id_consortium_key" UNIQUE("id","consortium_id");
--> statement-breakpoint
ALTER TABLE "user_stories" ADD CONSTRAINT "user_stories_id_consortium_key" UNIQUE("id","consortium_id");
--> statement-breakpoint
ALTER TABLE "baselines" ADD CONSTRAINT "baselines_id_consortium_key" UNIQUE("id","consortium_id");
--> statement-breakpoint
ALTER TABLE "consortia" ADD COLUMN "content_language" text DEFAULT 'sv' NOT NULL;
--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE restrict ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "need_shares" ADD CONSTRAINT "need_shares_need_fk" FOREIGN KEY ("need_id","consortium_id") REFERENCES "public"."needs"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "need_shares" ADD CONSTRAINT "need_shares_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "requirement_approvals" ADD CONSTRAINT "requirement_approvals_requirement_fk" FOREIGN KEY ("requirement_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "requirement_approvals" ADD CONSTRAINT "requirement_approvals_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "requirement_needs" ADD CONSTRAINT "requirement_needs_requirement_fk" FOREIGN KEY ("requirement_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "requirement_needs" ADD CONSTRAINT "requirement_needs_need_fk" FOREIGN KEY ("need_id","consortium_id") REFERENCES "public"."needs"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "requirement_organisations" ADD CONSTRAINT "requirement_organisations_requirement_fk" FOREIGN KEY ("requirement_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "requirement_organisations" ADD CONSTRAINT "requirement_organisations_organisation_fk" FOREIGN KEY ("organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "requirement_stories" ADD CONSTRAINT "requirement_stories_requirement_fk" FOREIGN KEY ("requirement_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "requirement_stories" ADD CONSTRAINT "requirement_stories_story_fk" FOREIGN KEY ("story_id","consortium_id") REFERENCES "public"."user_stories"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "story_needs" ADD CONSTRAINT "story_needs_story_fk" FOREIGN KEY ("story_id","consortium_id") REFERENCES "public"."user_stories"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "story_needs" ADD CONSTRAINT "story_needs_need_fk" FOREIGN KEY ("need_id","consortium_id") REFERENCES "public"."needs"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "baseline_items" ADD CONSTRAINT "baseline_items_baseline_fk" FOREIGN KEY ("baseline_id","consortium_id") REFERENCES "public"."baselines"("id","consortium_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Links whose target may disappear keep their row with the column set to null; the consortium
-- half of the key stays (PostgreSQL 15+: ON DELETE SET NULL (column)).
ALTER TABLE "needs" DROP CONSTRAINT "needs_captured_by_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_captured_by_organisation_fk" FOREIGN KEY ("captured_by_organisation_id","consortium_id") REFERENCES "public"."organisations"("id","consortium_id") ON DELETE SET NULL ("captured_by_organisation_id");
--> statement-breakpoint
ALTER TABLE "requirements" DROP CONSTRAINT "requirements_replaces_id_requirements_id_fk";
--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_replaces_fk" FOREIGN KEY ("replaces_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE SET NULL ("replaces_id");
--> statement-breakpoint
ALTER TABLE "baseline_items" DROP CONSTRAINT "baseline_items_requirement_id_requirements_id_fk";
--> statement-breakpoint
ALTER TABLE "baseline_items" ADD CONSTRAINT "baseline_items_requirement_fk" FOREIGN KEY ("requirement_id","consortium_id") REFERENCES "public"."requirements"("id","consortium_id") ON DELETE SET NULL ("requirement_id");
