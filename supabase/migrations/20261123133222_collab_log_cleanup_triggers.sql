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
$$;--> statement-breakpoint
CREATE TRIGGER collab_updates_forget_consortium AFTER DELETE ON public.consortia
	FOR EACH ROW EXECUTE FUNCTION public.collab_updates_forget_consortium();--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.collab_updates_forget_user() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
	UPDATE public.collab_updates SET user_id = NULL WHERE user_id = OLD.id;
	RETURN OLD;
END
$$;--> statement-breakpoint
CREATE TRIGGER collab_updates_forget_user AFTER DELETE ON public.users
	FOR EACH ROW EXECUTE FUNCTION public.collab_updates_forget_user();--> statement-breakpoint
REVOKE ALL ON FUNCTION public.collab_updates_forget_consortium() FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION public.collab_updates_forget_user() FROM PUBLIC;
