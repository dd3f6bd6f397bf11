-- ============================================================================================
-- Device cookies (src/lib/server/auth/device-cookie.ts) are the server's own, like rate limits:
-- row-level security with no policy, and no grant to the request roles, so neither a request nor
-- Supabase's Data API can read, add or remove a trusted browser.
-- ============================================================================================

ALTER TABLE public.trusted_devices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON public.trusted_devices FROM authenticated, anon;
