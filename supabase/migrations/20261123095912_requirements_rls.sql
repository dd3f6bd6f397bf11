-- ============================================================================================
-- Row-level security for needs, user stories, requirements, approvals, comments, notifications
-- and API tokens: the database's mirror of policy.ts. Internal members (every role but the
-- supplier's) read; writers (admin, representative, deputy, member) write; the supplier sees none.
-- ============================================================================================

CREATE OR REPLACE FUNCTION app.writer_consortia() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(consortium_id), '{}') FROM public.memberships WHERE user_id = app.uid() AND role IN ('admin', 'representative', 'deputy', 'member') $$;
--> statement-breakpoint
-- Organisations the current user holds a representative or deputy role for (approvals are recorded for these only).
CREATE OR REPLACE FUNCTION app.mandate_organisations() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(organisation_id), '{}') FROM public.memberships WHERE user_id = app.uid() AND role IN ('representative', 'deputy') $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.writer_consortia() TO authenticated;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.mandate_organisations() TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO authenticated;
--> statement-breakpoint
ALTER TABLE public.needs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.need_shares ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.user_stories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.story_needs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.requirement_counters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.requirements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.requirement_organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.requirement_stories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.requirement_needs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.requirement_approvals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.api_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint

-- ------------------------------------------------------------------ needs
CREATE POLICY "Internal members read needs" ON public.needs
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers add needs" ON public.needs
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers change needs" ON public.needs
	FOR UPDATE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])) WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers remove needs" ON public.needs
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ need_shares
CREATE POLICY "Internal members read shared needs" ON public.need_shares
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers add shared needs" ON public.need_shares
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers change shared needs" ON public.need_shares
	FOR UPDATE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])) WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers remove shared needs" ON public.need_shares
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ user_stories
CREATE POLICY "Internal members read user stories" ON public.user_stories
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers add user stories" ON public.user_stories
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers change user stories" ON public.user_stories
	FOR UPDATE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])) WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers remove user stories" ON public.user_stories
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ story_needs
CREATE POLICY "Internal members read story-need links" ON public.story_needs
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers add story-need links" ON public.story_needs
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers change story-need links" ON public.story_needs
	FOR UPDATE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])) WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers remove story-need links" ON public.story_needs
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ requirements
CREATE POLICY "Internal members read requirements" ON public.requirements
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers add requirements" ON public.requirements
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers change requirements" ON public.requirements
	FOR UPDATE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])) WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers remove requirements" ON public.requirements
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ requirement_organisations
CREATE POLICY "Internal members read local requirement organisations" ON public.requirement_organisations
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers add local requirement organisations" ON public.requirement_organisations
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers change local requirement organisations" ON public.requirement_organisations
	FOR UPDATE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])) WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers remove local requirement organisations" ON public.requirement_organisations
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ requirement_stories
CREATE POLICY "Internal members read requirement-story links" ON public.requirement_stories
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers add requirement-story links" ON public.requirement_stories
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers change requirement-story links" ON public.requirement_stories
	FOR UPDATE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])) WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers remove requirement-story links" ON public.requirement_stories
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ requirement_needs
CREATE POLICY "Internal members read requirement-need links" ON public.requirement_needs
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers add requirement-need links" ON public.requirement_needs
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers change requirement-need links" ON public.requirement_needs
	FOR UPDATE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])) WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers remove requirement-need links" ON public.requirement_needs
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ requirement numbers
CREATE POLICY "Writers draw requirement numbers" ON public.requirement_counters
	FOR ALL TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])) WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ approvals
CREATE POLICY "Internal members read approvals" ON public.requirement_approvals
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Representatives and deputies record their own organisation's verdict" ON public.requirement_approvals
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND user_id = (SELECT app.uid())
		AND organisation_id = ANY ((SELECT app.mandate_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Representatives and deputies change their own organisation's verdict" ON public.requirement_approvals
	FOR UPDATE TO authenticated
	USING (organisation_id = ANY ((SELECT app.mandate_organisations())::uuid[]))
	WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND user_id = (SELECT app.uid())
		AND organisation_id = ANY ((SELECT app.mandate_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers clear the verdicts of a requirement sent back to draft" ON public.requirement_approvals
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ comments
CREATE POLICY "Internal members read comments" ON public.comments
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers comment in their own name" ON public.comments
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND author_id = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Authors edit their comments" ON public.comments
	FOR UPDATE TO authenticated
	USING (author_id = (SELECT app.uid()) AND consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]))
	WITH CHECK (author_id = (SELECT app.uid()) AND consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers remove comments on content they may change" ON public.comments
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ notifications
CREATE POLICY "People read their own notifications" ON public.notifications
	FOR SELECT TO authenticated USING (user_id = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "People mark their own notifications read" ON public.notifications
	FOR UPDATE TO authenticated USING (user_id = (SELECT app.uid())) WITH CHECK (user_id = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Writers notify people in their consortium, in their own name" ON public.notifications
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND actor_id = (SELECT app.uid()));
--> statement-breakpoint

-- ------------------------------------------------------------------ API tokens
CREATE POLICY "Admins manage their consortium's API tokens" ON public.api_tokens
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
