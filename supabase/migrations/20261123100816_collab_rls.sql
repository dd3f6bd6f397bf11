-- ============================================================================================
-- Row-level security for co-edited documents (collab_updates, collab_snapshots, collab_versions):
-- the database's mirror of policy.ts. The collaboration server appends updates and compacts them
-- on its own connection after deciding access with `can`; through a user's request, internal
-- members read, writers add named versions, and nobody rewrites history.
-- ============================================================================================

GRANT SELECT, INSERT, UPDATE, DELETE ON public.collab_updates, public.collab_snapshots, public.collab_versions TO authenticated;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authenticated;
--> statement-breakpoint
ALTER TABLE public.collab_updates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.collab_snapshots ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.collab_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "Internal members read document updates" ON public.collab_updates
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers append document updates" ON public.collab_updates
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND user_id = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Internal members read document snapshots" ON public.collab_snapshots
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members read document versions" ON public.collab_versions
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers name document versions" ON public.collab_versions
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND created_by = (SELECT app.uid()));
