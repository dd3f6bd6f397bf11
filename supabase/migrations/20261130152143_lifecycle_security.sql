-- ============================================================================================
-- The procurement lifecycle. Row-level security mirroring policy.ts: internal members read all of
-- it; an initiative's lifecycle is changed by those who may change the initiative ('initiative.edit':
-- an admin, or a writer of the owning or a participating organisation); the consortium's own
-- lifecycle (no initiative) by any writer ('content.write'); the deadline settings by an admin
-- ('rules.manage'). The supplier sees none of it. Reading is separate from changing (no FOR ALL).
-- ============================================================================================

ALTER TABLE public.lifecycles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.lifecycle_activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.lifecycle_activity_decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.lifecycle_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.lifecycles, public.lifecycle_activities, public.lifecycle_activity_decisions,
	public.lifecycle_settings TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ helper
-- Whether the current user may change a lifecycle: as its initiative (app.initiative_editable), or,
-- for the consortium's own lifecycle, as a writer of the consortium.
CREATE OR REPLACE FUNCTION app.lifecycle_editable(lifecycle uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT EXISTS (
			SELECT 1 FROM public.lifecycles l
			WHERE l.id = lifecycle
				AND CASE WHEN l.initiative_id IS NULL THEN l.consortium_id = ANY (app.writer_consortia())
					ELSE app.initiative_editable(l.initiative_id) END)
	$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.lifecycle_editable(uuid) TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ lifecycles
CREATE POLICY "Internal members read lifecycles" ON public.lifecycles
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Those taking part start a lifecycle" ON public.lifecycles
	FOR INSERT TO authenticated WITH CHECK (
		CASE WHEN initiative_id IS NULL THEN consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
			ELSE app.initiative_editable(initiative_id) END);
--> statement-breakpoint
CREATE POLICY "Those taking part change a lifecycle" ON public.lifecycles
	FOR UPDATE TO authenticated USING (app.lifecycle_editable(id)) WITH CHECK (app.lifecycle_editable(id));
--> statement-breakpoint
CREATE POLICY "Admins remove lifecycles" ON public.lifecycles
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
-- ------------------------------------------------------------------ activities
CREATE POLICY "Internal members read lifecycle activities" ON public.lifecycle_activities
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Those taking part add lifecycle activities" ON public.lifecycle_activities
	FOR INSERT TO authenticated WITH CHECK (app.lifecycle_editable(lifecycle_id));
--> statement-breakpoint
CREATE POLICY "Those taking part change lifecycle activities" ON public.lifecycle_activities
	FOR UPDATE TO authenticated USING (app.lifecycle_editable(lifecycle_id)) WITH CHECK (app.lifecycle_editable(lifecycle_id));
--> statement-breakpoint
CREATE POLICY "Those taking part remove lifecycle activities" ON public.lifecycle_activities
	FOR DELETE TO authenticated USING (app.lifecycle_editable(lifecycle_id));
--> statement-breakpoint
-- ------------------------------------------------------------------ activities' decision items
CREATE POLICY "Internal members read lifecycle activity decisions" ON public.lifecycle_activity_decisions
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Those taking part link lifecycle activity decisions" ON public.lifecycle_activity_decisions
	FOR INSERT TO authenticated WITH CHECK (EXISTS (
		SELECT 1 FROM public.lifecycle_activities a WHERE a.id = activity_id AND app.lifecycle_editable(a.lifecycle_id)));
--> statement-breakpoint
CREATE POLICY "Those taking part change lifecycle activity decisions" ON public.lifecycle_activity_decisions
	FOR UPDATE TO authenticated
	USING (EXISTS (SELECT 1 FROM public.lifecycle_activities a WHERE a.id = activity_id AND app.lifecycle_editable(a.lifecycle_id)))
	WITH CHECK (EXISTS (SELECT 1 FROM public.lifecycle_activities a WHERE a.id = activity_id AND app.lifecycle_editable(a.lifecycle_id)));
--> statement-breakpoint
CREATE POLICY "Those taking part unlink lifecycle activity decisions" ON public.lifecycle_activity_decisions
	FOR DELETE TO authenticated USING (EXISTS (
		SELECT 1 FROM public.lifecycle_activities a WHERE a.id = activity_id AND app.lifecycle_editable(a.lifecycle_id)));
--> statement-breakpoint
-- ------------------------------------------------------------------ settings
CREATE POLICY "Internal members read lifecycle settings" ON public.lifecycle_settings
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins set lifecycle settings" ON public.lifecycle_settings
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins change lifecycle settings" ON public.lifecycle_settings
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins remove lifecycle settings" ON public.lifecycle_settings
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
