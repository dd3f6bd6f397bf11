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
CREATE POLICY "Representatives and admins manage delegations" ON public.delegations
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR from_user_id = (SELECT app.uid()))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR from_user_id = (SELECT app.uid()));
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
