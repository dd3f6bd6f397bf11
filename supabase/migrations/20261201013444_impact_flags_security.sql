-- ============================================================================================
-- Change impact (påverkansanalys): row-level security mirroring policy.ts ('internal.read',
-- 'impact_flag.clear'). Internal members read the flags; writers raise them (as themselves, in the
-- transaction of the revision that changed a baselined requirement), move an open one on to a newer
-- revision, and clear it with a note, once: a cleared flag never changes again. Nobody deletes a
-- flag. The supplier reads none of it.
-- ============================================================================================

ALTER TABLE public.impact_flags ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE UPDATE, DELETE ON public.impact_flags FROM authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.impact_flags TO authenticated;
--> statement-breakpoint
GRANT UPDATE (to_revision_id, to_revision, target_label, diff, updated_at, cleared_at, cleared_by, clear_note) ON public.impact_flags TO authenticated;
--> statement-breakpoint
CREATE POLICY "Internal members read the impact flags" ON public.impact_flags
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers raise impact flags, as themselves" ON public.impact_flags
	FOR INSERT TO authenticated
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND created_by = (SELECT app.uid()) AND cleared_at IS NULL);
--> statement-breakpoint
CREATE POLICY "Writers keep open impact flags and clear them as themselves" ON public.impact_flags
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND cleared_at IS NULL)
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND (cleared_at IS NULL OR cleared_by = (SELECT app.uid())));
