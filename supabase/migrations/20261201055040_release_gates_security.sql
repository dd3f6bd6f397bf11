-- Godkännande av delleverans (release gates): internal members read them; a writer presents a release
-- (policy.ts 'content.write'); whoever records the gate's decision (a writer) sets its outcome, nothing
-- else; a gate is never removed (its decision item stays in the log). The supplier reads none of it.
ALTER TABLE public.release_gates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON public.release_gates FROM authenticated, anon;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.release_gates TO authenticated;
--> statement-breakpoint
GRANT UPDATE (outcome) ON public.release_gates TO authenticated;
--> statement-breakpoint
CREATE POLICY "Internal members read release gates" ON public.release_gates
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers present releases to the steering group" ON public.release_gates
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND created_by = (SELECT app.uid()) AND outcome IS NULL);
--> statement-breakpoint
CREATE POLICY "Writers record a release gate's outcome" ON public.release_gates
	FOR UPDATE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
