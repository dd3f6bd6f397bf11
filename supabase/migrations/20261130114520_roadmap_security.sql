-- ============================================================================================
-- Initiatives and the roadmap. Row-level security mirroring policy.ts: internal members read all
-- of it; a writer starts an initiative for their own organisation (an admin for any); an
-- initiative, its phases, milestones, gates, dependencies, participants and links are changed by
-- an admin or by a writer of the owning or a participating organisation ('initiative.edit').
-- The supplier sees none of it. Changing is separate from reading (no FOR ALL): a read evaluates
-- only the cheap membership check, never the per-row app.initiative_editable().
-- ============================================================================================

ALTER TABLE public.initiatives ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.initiative_participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.initiative_phases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.initiative_milestones ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.initiative_gates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.initiative_dependencies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.initiative_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.initiatives, public.initiative_participants, public.initiative_phases,
	public.initiative_milestones, public.initiative_gates, public.initiative_dependencies, public.initiative_links TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ helper
-- Whether the current user may change an initiative: a writer of its consortium who is an admin there,
-- or a representative, deputy or member of its owning or a participating organisation.
CREATE OR REPLACE FUNCTION app.initiative_editable(initiative uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT EXISTS (
			SELECT 1 FROM public.initiatives i
			WHERE i.id = initiative
				AND i.consortium_id = ANY (app.writer_consortia())
				AND (i.consortium_id = ANY (app.admin_consortia())
					OR i.owner_organisation_id = ANY (app.portfolio_organisations())
					OR EXISTS (
						SELECT 1 FROM public.initiative_participants p
						WHERE p.initiative_id = i.id AND p.organisation_id = ANY (app.portfolio_organisations()))))
	$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.initiative_editable(uuid) TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ initiatives
CREATE POLICY "Internal members read initiatives" ON public.initiatives
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers start initiatives their organisation owns" ON public.initiatives
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR owner_organisation_id = ANY ((SELECT app.portfolio_organisations())::uuid[])));
--> statement-breakpoint
CREATE POLICY "Those taking part change an initiative" ON public.initiatives
	FOR UPDATE TO authenticated
	USING (app.initiative_editable(id))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins remove initiatives" ON public.initiatives
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
-- ------------------------------------------------------------------ what belongs to an initiative
CREATE POLICY "Internal members read initiative participants" ON public.initiative_participants
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Those taking part add initiative participants" ON public.initiative_participants
	FOR INSERT TO authenticated WITH CHECK (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Those taking part change initiative participants" ON public.initiative_participants
	FOR UPDATE TO authenticated USING (app.initiative_editable(initiative_id)) WITH CHECK (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Those taking part remove initiative participants" ON public.initiative_participants
	FOR DELETE TO authenticated USING (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Internal members read initiative phases" ON public.initiative_phases
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Those taking part add initiative phases" ON public.initiative_phases
	FOR INSERT TO authenticated WITH CHECK (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Those taking part change initiative phases" ON public.initiative_phases
	FOR UPDATE TO authenticated USING (app.initiative_editable(initiative_id)) WITH CHECK (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Those taking part remove initiative phases" ON public.initiative_phases
	FOR DELETE TO authenticated USING (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Internal members read initiative milestones" ON public.initiative_milestones
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Those taking part add initiative milestones" ON public.initiative_milestones
	FOR INSERT TO authenticated WITH CHECK (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Those taking part change initiative milestones" ON public.initiative_milestones
	FOR UPDATE TO authenticated USING (app.initiative_editable(initiative_id)) WITH CHECK (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Those taking part remove initiative milestones" ON public.initiative_milestones
	FOR DELETE TO authenticated USING (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Internal members read initiative gates" ON public.initiative_gates
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Those taking part add initiative gates" ON public.initiative_gates
	FOR INSERT TO authenticated WITH CHECK (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Those taking part change initiative gates" ON public.initiative_gates
	FOR UPDATE TO authenticated USING (app.initiative_editable(initiative_id)) WITH CHECK (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Those taking part remove initiative gates" ON public.initiative_gates
	FOR DELETE TO authenticated USING (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Internal members read initiative dependencies" ON public.initiative_dependencies
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Those taking part add initiative dependencies" ON public.initiative_dependencies
	FOR INSERT TO authenticated WITH CHECK (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Those taking part change initiative dependencies" ON public.initiative_dependencies
	FOR UPDATE TO authenticated USING (app.initiative_editable(initiative_id)) WITH CHECK (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Those taking part remove initiative dependencies" ON public.initiative_dependencies
	FOR DELETE TO authenticated USING (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Internal members read initiative links" ON public.initiative_links
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Those taking part add initiative links" ON public.initiative_links
	FOR INSERT TO authenticated WITH CHECK (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Those taking part change initiative links" ON public.initiative_links
	FOR UPDATE TO authenticated USING (app.initiative_editable(initiative_id)) WITH CHECK (app.initiative_editable(initiative_id));
--> statement-breakpoint
CREATE POLICY "Those taking part remove initiative links" ON public.initiative_links
	FOR DELETE TO authenticated USING (app.initiative_editable(initiative_id));
