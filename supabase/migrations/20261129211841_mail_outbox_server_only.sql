-- ============================================================================================
-- The mail outbox is the server's own again. A request could queue mail through the insert policy
-- "Signed-in requests may queue unsent mail"; on Supabase, any signed-in Supabase Auth user can act
-- as `authenticated` through the Data API (PostgREST) and so could have queued any mail, to anyone,
-- from Samsyn's address. `enqueueMail` now inserts on the app connection's own role inside the
-- request's transaction (`asServerIn` in src/lib/server/db/request.ts: it leaves `authenticated`
-- for that one insert, which a Data API request cannot do), so the table needs no policy and no
-- grant for the request roles at all.
-- ============================================================================================

DROP POLICY IF EXISTS "Signed-in requests may queue unsent mail" ON public.mail_outbox;
--> statement-breakpoint
REVOKE ALL ON public.mail_outbox FROM authenticated, anon;
