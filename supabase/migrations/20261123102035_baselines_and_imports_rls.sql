-- ============================================================================================
-- Row-level security for baselines and pending imports: the database's mirror of policy.ts.
-- Internal members read baselines; writers freeze them; nobody changes or deletes one (a
-- baseline is a record of what was agreed). A pending import belongs to the writer who uploaded
-- it and nobody else sees it. The supplier sees none of this.
-- ============================================================================================

ALTER TABLE public.baselines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.baseline_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.pending_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.baselines, public.baseline_items, public.pending_imports TO authenticated;
--> statement-breakpoint

-- ------------------------------------------------------------------ baselines
CREATE POLICY "Internal members read baselines" ON public.baselines
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers freeze baselines in their own name" ON public.baselines
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND created_by = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Internal members read baseline items" ON public.baseline_items
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers add items to baselines of their consortium" ON public.baseline_items
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND EXISTS (SELECT 1 FROM public.baselines b WHERE b.id = baseline_id AND b.consortium_id = baseline_items.consortium_id));
--> statement-breakpoint

-- ------------------------------------------------------------------ pending imports
CREATE POLICY "Writers keep their own pending imports" ON public.pending_imports
	FOR ALL TO authenticated
	USING (created_by = (SELECT app.uid()) AND consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]))
	WITH CHECK (created_by = (SELECT app.uid()) AND consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
