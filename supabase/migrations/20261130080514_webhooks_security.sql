-- ============================================================================================
-- Webhooks and supplier API tokens: row-level security mirroring policy.ts ('webhooks.manage',
-- 'members.manage'). Admins register, change and remove their consortium's webhooks and read
-- their delivery log; nobody else sees any of it (the supplier included). A webhook's secret is
-- written by a request (registering, a new secret) but read back only on the server's own
-- connection, which signs the deliveries. Deliveries are the server's outbox: queued inside the
-- request's transaction on the app connection's own role (`asServerIn`), sent and updated by the
-- delivery worker on it too; requests only read them.
-- ============================================================================================

ALTER TABLE public.webhooks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.webhook_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The default privileges gave the request role everything on new tables; narrow it to columns.
REVOKE ALL ON public.webhooks, public.webhook_deliveries FROM authenticated, anon;
--> statement-breakpoint
GRANT SELECT (id, consortium_id, url, events, active, created_by, created_at, updated_at) ON public.webhooks TO authenticated;
--> statement-breakpoint
GRANT INSERT ON public.webhooks TO authenticated;
--> statement-breakpoint
GRANT UPDATE (secret, events, active, updated_at) ON public.webhooks TO authenticated;
--> statement-breakpoint
GRANT DELETE ON public.webhooks TO authenticated;
--> statement-breakpoint
GRANT SELECT ON public.webhook_deliveries TO authenticated;
--> statement-breakpoint
CREATE POLICY "Admins manage their consortium's webhooks" ON public.webhooks
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins read their consortium's webhook deliveries" ON public.webhook_deliveries
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
-- ------------------------------------------------------------------ API tokens issued to the supplier
-- A token with a holder reads with that person's rights; only a supplier member of the token's
-- consortium may hold one (policy: the api-tokens page offers only them), so an admin cannot hand
-- an internal person's rights to an integration under someone else's name.
CREATE OR REPLACE FUNCTION app.is_supplier_member(p_consortium uuid, p_user uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.memberships WHERE consortium_id = p_consortium AND user_id = p_user AND role = 'supplier') $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.is_supplier_member(uuid, uuid) TO authenticated;
--> statement-breakpoint
CREATE POLICY "An API token is held by a supplier member of its consortium, or by nobody" ON public.api_tokens
	AS RESTRICTIVE FOR INSERT TO authenticated
	WITH CHECK (holder_id IS NULL OR app.is_supplier_member(consortium_id, holder_id));
--> statement-breakpoint
-- Who holds a token is fixed when it is issued: a request changes a token's name or revokes it, nothing else.
REVOKE UPDATE ON public.api_tokens FROM authenticated, anon;
--> statement-breakpoint
GRANT UPDATE (name, revoked_at) ON public.api_tokens TO authenticated;
