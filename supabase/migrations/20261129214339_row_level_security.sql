-- ============================================================================================
-- Row-level security: the database's mirror of src/lib/server/policy.ts.
-- Each request runs as role `authenticated` with `request.jwt.claims` set to the signed-in
-- user, as PostgREST/Supabase do. Helpers live in schema `app`, are security definer (so they
-- can read memberships without recursing into memberships' own policies) and are wrapped in
-- sub-selects in policies so they are evaluated once per statement, not per row.
-- ============================================================================================

DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated') THEN
		CREATE ROLE authenticated NOLOGIN NOSUPERUSER NOBYPASSRLS;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN
		CREATE ROLE anon NOLOGIN NOSUPERUSER NOBYPASSRLS;
	END IF;
	-- The connecting role must be able to SET ROLE authenticated. Superusers can; on Supabase the
	-- postgres role already holds it; elsewhere grant it where we may.
	BEGIN
		EXECUTE format('GRANT authenticated TO %I', current_user);
	EXCEPTION WHEN others THEN
		RAISE NOTICE 'could not grant authenticated to %: %', current_user, SQLERRM;
	END;
END
$$;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS app;
--> statement-breakpoint
GRANT USAGE ON SCHEMA app TO authenticated;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ claim helpers
CREATE OR REPLACE FUNCTION app.uid() RETURNS uuid
	LANGUAGE sql STABLE
	AS $$ SELECT nullif(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub', '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.member_role(p_consortium uuid) RETURNS public.membership_role
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT role FROM public.memberships WHERE consortium_id = p_consortium AND user_id = app.uid() $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.is_member(p_consortium uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.memberships WHERE consortium_id = p_consortium AND user_id = app.uid()) $$;
--> statement-breakpoint
-- Internal: every role but the supplier's. Suppliers reach only what is published to them.
CREATE OR REPLACE FUNCTION app.is_internal(p_consortium uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.memberships WHERE consortium_id = p_consortium AND user_id = app.uid() AND role <> 'supplier') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.is_admin(p_consortium uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.memberships WHERE consortium_id = p_consortium AND user_id = app.uid() AND role = 'admin') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.is_operator() RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce((SELECT is_operator FROM public.users WHERE id = app.uid()), false) $$;
--> statement-breakpoint
-- Consortia in which the current user may read internal content, as an array for `= any(...)`.
CREATE OR REPLACE FUNCTION app.internal_consortia() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(consortium_id), '{}') FROM public.memberships WHERE user_id = app.uid() AND role <> 'supplier' $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.member_consortia() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(consortium_id), '{}') FROM public.memberships WHERE user_id = app.uid() $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.admin_consortia() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(consortium_id), '{}') FROM public.memberships WHERE user_id = app.uid() AND role = 'admin' $$;
--> statement-breakpoint
-- People the current user may see: themselves and everyone who shares a consortium with them.
CREATE OR REPLACE FUNCTION app.visible_users() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT coalesce(array_agg(DISTINCT other.user_id), '{}') || app.uid()
		FROM public.memberships mine
		JOIN public.memberships other ON other.consortium_id = mine.consortium_id
		WHERE mine.user_id = app.uid() AND (mine.role <> 'supplier' OR other.role = 'supplier' OR other.role = 'admin')
	$$;
--> statement-breakpoint
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ grants
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO authenticated;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authenticated;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO authenticated;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO authenticated;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT EXECUTE ON FUNCTIONS TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ enable RLS everywhere
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.password_resets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.rate_limits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.consortia ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.mandates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.delegations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.ground_rules ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- rate_limits, password_resets and mail_outbox have no policy: only the server's own
-- (non-request) connection reaches them.

-- ------------------------------------------------------------------ users and sessions
CREATE POLICY "People see themselves and those they share a consortium with" ON public.users
	FOR SELECT TO authenticated USING (id = ANY ((SELECT app.visible_users())::uuid[]) OR (SELECT app.is_operator()));
--> statement-breakpoint
CREATE POLICY "People edit their own profile" ON public.users
	FOR UPDATE TO authenticated USING (id = (SELECT app.uid())) WITH CHECK (id = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Operators create people" ON public.users
	FOR INSERT TO authenticated WITH CHECK ((SELECT app.is_operator()));
--> statement-breakpoint
CREATE POLICY "People see their own sessions" ON public.sessions
	FOR SELECT TO authenticated USING (user_id = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "People end their own sessions" ON public.sessions
	FOR DELETE TO authenticated USING (user_id = (SELECT app.uid()));
--> statement-breakpoint
-- ------------------------------------------------------------------ consortia
CREATE POLICY "Members see their consortia" ON public.consortia
	FOR SELECT TO authenticated USING (id = ANY ((SELECT app.member_consortia())::uuid[]) OR (SELECT app.is_operator()));
--> statement-breakpoint
CREATE POLICY "Operators create consortia" ON public.consortia
	FOR INSERT TO authenticated WITH CHECK ((SELECT app.is_operator()));
--> statement-breakpoint
CREATE POLICY "Admins edit their consortium" ON public.consortia
	FOR UPDATE TO authenticated USING (id = ANY ((SELECT app.admin_consortia())::uuid[]) OR (SELECT app.is_operator()));
--> statement-breakpoint
CREATE POLICY "Internal members see organisations" ON public.organisations
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[])
		OR id IN (SELECT organisation_id FROM public.memberships WHERE user_id = (SELECT app.uid()))
		OR (SELECT app.is_operator()));
--> statement-breakpoint
CREATE POLICY "Admins and operators manage organisations" ON public.organisations
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR (SELECT app.is_operator()))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR (SELECT app.is_operator()));
--> statement-breakpoint
CREATE POLICY "Internal members see memberships; everyone sees their own" ON public.memberships
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) OR user_id = (SELECT app.uid()) OR (SELECT app.is_operator()));
--> statement-breakpoint
CREATE POLICY "Admins and operators manage memberships" ON public.memberships
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR (SELECT app.is_operator()))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR (SELECT app.is_operator()));
--> statement-breakpoint
CREATE POLICY "Internal members see mandates" ON public.mandates
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins manage mandates" ON public.mandates
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members see delegations" ON public.delegations
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members see the ground rules" ON public.ground_rules
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) OR (SELECT app.is_operator()));
--> statement-breakpoint
CREATE POLICY "Admins and operators set the ground rules" ON public.ground_rules
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR (SELECT app.is_operator()))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR (SELECT app.is_operator()));
--> statement-breakpoint
CREATE POLICY "Admins manage invitations" ON public.invitations
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR (SELECT app.is_operator()))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR (SELECT app.is_operator()));
--> statement-breakpoint
-- ------------------------------------------------------------------ audit log
CREATE POLICY "Admins read their consortium's audit log; people read their own account events" ON public.audit_log
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.admin_consortia())::uuid[])
		OR (consortium_id IS NULL AND actor_id = (SELECT app.uid())));
--> statement-breakpoint
CREATE POLICY "Everyone appends their own actions to the audit log" ON public.audit_log
	FOR INSERT TO authenticated WITH CHECK (
		actor_id = (SELECT app.uid())
		AND (consortium_id IS NULL OR consortium_id = ANY ((SELECT app.member_consortia())::uuid[]) OR (SELECT app.is_operator())));
--> statement-breakpoint
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
--> statement-breakpoint
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
--> statement-breakpoint
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
--> statement-breakpoint
-- A person may update their own row in users (policy "People edit their own profile"), but only the
-- columns a profile page changes: never is_operator, email or id. Column privileges do what the
-- row policy cannot.
REVOKE UPDATE ON public.users FROM authenticated;
--> statement-breakpoint
GRANT UPDATE (name, locale, mail_notifications, password_hash, updated_at) ON public.users TO authenticated;
--> statement-breakpoint
-- The co-editing log (collab_updates) has no foreign keys (their checks cost about 40 % of the
-- insert every keystroke waits for). These triggers give deleting a consortium or a user the
-- effect the foreign keys had: the consortium's log goes with it; a deleted user's updates stay,
-- without their author. Plain SQL and PL/pgSQL, as on PGlite, PostgreSQL 15+ and Supabase.
CREATE OR REPLACE FUNCTION public.collab_updates_forget_consortium() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
	DELETE FROM public.collab_updates WHERE consortium_id = OLD.id;
	RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER collab_updates_forget_consortium AFTER DELETE ON public.consortia
	FOR EACH ROW EXECUTE FUNCTION public.collab_updates_forget_consortium();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.collab_updates_forget_user() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
	UPDATE public.collab_updates SET user_id = NULL WHERE user_id = OLD.id;
	RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER collab_updates_forget_user AFTER DELETE ON public.users
	FOR EACH ROW EXECUTE FUNCTION public.collab_updates_forget_user();
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.collab_updates_forget_consortium() FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.collab_updates_forget_user() FROM PUBLIC;
--> statement-breakpoint
-- ============================================================================================
-- The mail outbox is the server's own again. A request could queue mail through the insert policy
-- "Signed-in requests may queue unsent mail"; on Supabase, any signed-in Supabase Auth user can act
-- as `authenticated` through the Data API (PostgREST) and so could have queued any mail, to anyone,
-- from Samsyn's address. `enqueueMail` now inserts on the app connection's own role inside the
-- request's transaction (`asServerIn` in src/lib/server/db/request.ts: it leaves `authenticated`
-- for that one insert, which a Data API request cannot do), so the table needs no policy and no
-- grant for the request roles at all.
-- ============================================================================================

REVOKE ALL ON public.mail_outbox FROM authenticated, anon;
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
--> statement-breakpoint
-- ============================================================================================
-- Per-item rules of src/lib/server/policy.ts, mirrored in the database so that row-level security
-- is never looser than the policy: whose comment, who speaks for an organisation, who may hand its
-- voice to the deputy, and which requirement revisions keep their words.
-- ============================================================================================

-- ------------------------------------------------------------------ helpers
-- Organisations the current user speaks for today: as representative while their mandate is in
-- force; as deputy while a delegation to them is in force or no representative is in office.
CREATE OR REPLACE FUNCTION app.speaking_organisations() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT coalesce(array_agg(m.organisation_id), '{}')
		FROM public.memberships m
		WHERE m.user_id = app.uid() AND (
			(m.role = 'representative' AND EXISTS (
				SELECT 1 FROM public.mandates md
				WHERE md.organisation_id = m.organisation_id AND md.user_id = m.user_id AND md.kind = 'representative'
					AND md.valid_from <= current_date AND (md.valid_to IS NULL OR md.valid_to >= current_date)))
			OR (m.role = 'deputy' AND (
				EXISTS (
					SELECT 1 FROM public.delegations d
					WHERE d.consortium_id = m.consortium_id AND d.organisation_id = m.organisation_id AND d.to_user_id = m.user_id
						AND d.revoked_at IS NULL AND d.valid_from <= current_date AND (d.valid_to IS NULL OR d.valid_to >= current_date))
				OR NOT EXISTS (
					SELECT 1 FROM public.mandates md
					WHERE md.organisation_id = m.organisation_id AND md.kind = 'representative'
						AND md.valid_from <= current_date AND (md.valid_to IS NULL OR md.valid_to >= current_date)))))
	$$;
--> statement-breakpoint
-- Organisations the current user is the representative of (who manages the organisation's delegations).
CREATE OR REPLACE FUNCTION app.represented_organisations() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(organisation_id), '{}') FROM public.memberships WHERE user_id = app.uid() AND role = 'representative' $$;
--> statement-breakpoint
-- Whether a person is a deputy of the organisation (the only one a voice can be handed to).
CREATE OR REPLACE FUNCTION app.is_deputy_of(p_user uuid, p_organisation uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.memberships WHERE user_id = p_user AND organisation_id = p_organisation AND role = 'deputy') $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.speaking_organisations(), app.represented_organisations(), app.is_deputy_of(uuid, uuid) TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ comments: the author or an admin removes one

CREATE POLICY "Authors and admins remove comments" ON public.comments
	FOR DELETE TO authenticated USING (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND (author_id = (SELECT app.uid()) OR consortium_id = ANY ((SELECT app.admin_consortia())::uuid[])));
--> statement-breakpoint
-- ------------------------------------------------------------------ delegations
-- An admin, or the organisation's representative in their own name, hands the voice to one of the
-- organisation's deputies; the representative (also a later one) or an admin revokes it.

CREATE POLICY "Representatives and admins delegate to the organisation's deputy" ON public.delegations
	FOR INSERT TO authenticated WITH CHECK (
		app.is_deputy_of(to_user_id, organisation_id)
		AND (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[])
			OR (from_user_id = (SELECT app.uid()) AND organisation_id = ANY ((SELECT app.represented_organisations())::uuid[]))));
--> statement-breakpoint
CREATE POLICY "Representatives and admins revoke delegations" ON public.delegations
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR organisation_id = ANY ((SELECT app.represented_organisations())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR organisation_id = ANY ((SELECT app.represented_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins remove delegations" ON public.delegations
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
-- ------------------------------------------------------------------ approvals: only while speaking for the organisation

-- policy.ts 'requirement.verdict': whoever speaks for a voting organisation (a municipality or a
-- region), on a revision in review.
CREATE OR REPLACE FUNCTION app.verdict_allowed(p_requirement uuid, p_organisation uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT EXISTS (SELECT 1 FROM public.requirements WHERE id = p_requirement AND status = 'in_review')
			AND EXISTS (SELECT 1 FROM public.organisations WHERE id = p_organisation AND kind IN ('municipality', 'region'))
	$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.verdict_allowed(uuid, uuid) TO authenticated;
--> statement-breakpoint
CREATE POLICY "Whoever speaks for a voting organisation records its verdict on a revision in review" ON public.requirement_approvals
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND user_id = (SELECT app.uid())
		AND organisation_id = ANY ((SELECT app.speaking_organisations())::uuid[])
		AND app.verdict_allowed(requirement_id, organisation_id));
--> statement-breakpoint
CREATE POLICY "Whoever speaks for a voting organisation changes its verdict on a revision in review" ON public.requirement_approvals
	FOR UPDATE TO authenticated
	USING (organisation_id = ANY ((SELECT app.speaking_organisations())::uuid[]))
	WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND user_id = (SELECT app.uid())
		AND organisation_id = ANY ((SELECT app.speaking_organisations())::uuid[])
		AND app.verdict_allowed(requirement_id, organisation_id));
--> statement-breakpoint
-- ------------------------------------------------------------------ requirement revisions keep their words
-- An approved, replaced or withdrawn revision is a record: its text and the fields that make up the
-- requirement never change again (a change is a new revision). Enforced for every role, the
-- server's own connection included.
CREATE OR REPLACE FUNCTION public.requirements_keep_settled_words() RETURNS trigger
	LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
	IF OLD.status IN ('approved', 'replaced', 'withdrawn') AND (
		NEW.title IS DISTINCT FROM OLD.title OR NEW.body_text IS DISTINCT FROM OLD.body_text
		OR NEW.rationale IS DISTINCT FROM OLD.rationale OR NEW.acceptance_criteria IS DISTINCT FROM OLD.acceptance_criteria
		OR NEW.obligation IS DISTINCT FROM OLD.obligation OR NEW.weight IS DISTINCT FROM OLD.weight
		OR NEW.type IS DISTINCT FROM OLD.type OR NEW.subtype IS DISTINCT FROM OLD.subtype
		OR NEW.verification IS DISTINCT FROM OLD.verification OR NEW.scope IS DISTINCT FROM OLD.scope
		OR NEW.number IS DISTINCT FROM OLD.number OR NEW.revision IS DISTINCT FROM OLD.revision
	) THEN
		RAISE EXCEPTION 'requirement % revision % is %: its words cannot change', OLD.number, OLD.revision, OLD.status
			USING ERRCODE = 'check_violation';
	END IF;
	IF OLD.status IN ('replaced', 'withdrawn') AND NEW.status IS DISTINCT FROM OLD.status THEN
		RAISE EXCEPTION 'requirement % revision % is %: it cannot change status', OLD.number, OLD.revision, OLD.status
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER requirements_keep_settled_words BEFORE UPDATE ON public.requirements
	FOR EACH ROW EXECUTE FUNCTION public.requirements_keep_settled_words();
--> statement-breakpoint
-- ------------------------------------------------------------------ only a never-reviewed draft is deleted

CREATE POLICY "Writers remove drafts that were never reviewed" ON public.requirements
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND status = 'draft' AND revision = 1);
--> statement-breakpoint
-- ------------------------------------------------------------------ "we have this need too": for one's own organisation
CREATE OR REPLACE FUNCTION app.my_organisations() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(organisation_id), '{}') FROM public.memberships WHERE user_id = app.uid() $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.my_organisations() TO authenticated;
--> statement-breakpoint
CREATE POLICY "Writers share a need for their own organisation" ON public.need_shares
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.my_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers change their own organisation's share" ON public.need_shares
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.my_organisations())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.my_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers withdraw their own organisation's share" ON public.need_shares
	FOR DELETE TO authenticated USING (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.my_organisations())::uuid[]));
--> statement-breakpoint
-- ============================================================================================
-- Device cookies (src/lib/server/auth/device-cookie.ts) are the server's own, like rate limits:
-- row-level security with no policy, and no grant to the request roles, so neither a request nor
-- Supabase's Data API can read, add or remove a trusted browser.
-- ============================================================================================

ALTER TABLE public.trusted_devices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON public.trusted_devices FROM authenticated, anon;
