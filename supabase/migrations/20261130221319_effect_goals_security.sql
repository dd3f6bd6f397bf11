-- ============================================================================================
-- Effect goals and benefit realisation (effektmål, nyttorealisering). Row-level security mirroring
-- policy.ts: internal members read all of it ('internal.read'); writers create and change goals and
-- their links ('content.write'); a municipality's measurement is recorded by that municipality's
-- writers or an admin, one for the consortium as a whole by any writer ('goal_measurement.record');
-- its recorder or an admin corrects or removes it ('goal_measurement.change'). Nobody removes a goal
-- itself (it goes with its consortium). The supplier sees none of it. No FOR ALL.
-- ============================================================================================

ALTER TABLE public.effect_goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.effect_goal_measurements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.effect_goal_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.effect_goal_organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.effect_goals TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.effect_goal_measurements TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON public.effect_goal_links, public.effect_goal_organisations TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ goals
CREATE POLICY "Internal members read effect goals" ON public.effect_goals
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers create effect goals, as themselves" ON public.effect_goals
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND created_by = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Writers change effect goals" ON public.effect_goals
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
-- ------------------------------------------------------------------ measurements
-- app.portfolio_organisations(): the organisations where the current user is a representative, deputy
-- or member, i.e. whose own figures they keep (the portfolio's rule, the same here).
CREATE POLICY "Internal members read effect goal measurements" ON public.effect_goal_measurements
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers record measurements for their own municipality or the whole consortium; admins for any" ON public.effect_goal_measurements
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND recorded_by = (SELECT app.uid())
		AND (organisation_id IS NULL
			OR organisation_id = ANY ((SELECT app.portfolio_organisations())::uuid[])
			OR consortium_id = ANY ((SELECT app.admin_consortia())::uuid[])));
--> statement-breakpoint
CREATE POLICY "Recorders and admins correct measurements" ON public.effect_goal_measurements
	FOR UPDATE TO authenticated
	USING (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND (recorded_by = (SELECT app.uid()) OR consortium_id = ANY ((SELECT app.admin_consortia())::uuid[])))
	WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND (recorded_by = (SELECT app.uid()) OR consortium_id = ANY ((SELECT app.admin_consortia())::uuid[])));
--> statement-breakpoint
CREATE POLICY "Recorders and admins remove measurements" ON public.effect_goal_measurements
	FOR DELETE TO authenticated USING (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND (recorded_by = (SELECT app.uid()) OR consortium_id = ANY ((SELECT app.admin_consortia())::uuid[])));
--> statement-breakpoint
-- A correction changes the figures, never whose or which goal's the measurement is.
REVOKE UPDATE ON public.effect_goal_measurements FROM authenticated;
--> statement-breakpoint
GRANT UPDATE (value, measured_on, source, version, updated_at) ON public.effect_goal_measurements TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ links and municipalities
CREATE POLICY "Internal members read what realises effect goals" ON public.effect_goal_links
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers link what realises effect goals" ON public.effect_goal_links
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers unlink what realises effect goals" ON public.effect_goal_links
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members read which municipalities expect a benefit" ON public.effect_goal_organisations
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers name the municipalities that expect a benefit" ON public.effect_goal_organisations
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers remove a municipality from a goal" ON public.effect_goal_organisations
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
