-- ============================================================================================
-- Meetings and minutes: row-level security mirroring policy.ts, and justering's lock.
-- Internal members read everything of a meeting; admins create and run meetings, agendas,
-- attendance and minutes; writers draft the paragraphs' texts; a named adjuster records their own
-- approval. The supplier reads meetings and their agendas without the items marked for the
-- municipalities only, and nothing of the minutes, the attendance or the adjusters.
-- Once every adjuster has approved, nothing of the meeting changes again, for any role.
-- ============================================================================================

ALTER TABLE public.meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.meeting_agenda_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.meeting_paragraphs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.meeting_attendance ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.meeting_adjusters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The paragraph counter is the server's own: written only when minutes are started, on its own role.
ALTER TABLE public.meeting_paragraph_counters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON public.meeting_paragraph_counters FROM authenticated, anon;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.meeting_agenda_items, public.meeting_attendance TO authenticated;
--> statement-breakpoint
-- Column by column where a row's other columns are not the updater's to change: nobody sets
-- `adjusted_at` (the justering trigger does), a paragraph's number and meeting stay as given, and an
-- adjuster records their approval and nothing else.
REVOKE UPDATE ON public.meetings, public.meeting_paragraphs, public.meeting_adjusters FROM authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON public.meetings, public.meeting_paragraphs, public.meeting_adjusters TO authenticated;
--> statement-breakpoint
GRANT UPDATE (level, title, meeting_date, starts_at, ends_at, place, minutes_started_at, updated_at) ON public.meetings TO authenticated;
--> statement-breakpoint
GRANT UPDATE (text, updated_by, updated_at) ON public.meeting_paragraphs TO authenticated;
--> statement-breakpoint
GRANT UPDATE (approved_at) ON public.meeting_adjusters TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ meetings and agendas
CREATE POLICY "Internal members and the supplier read meetings" ON public.meetings
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) OR consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins create and run meetings" ON public.meetings
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members read agendas; the supplier without the municipalities' own items" ON public.meeting_agenda_items
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[])
		OR (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND NOT municipalities_only));
--> statement-breakpoint
CREATE POLICY "Admins set agendas" ON public.meeting_agenda_items
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
-- ------------------------------------------------------------------ minutes, attendance, adjusters
CREATE POLICY "Internal members read the minutes" ON public.meeting_paragraphs
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins start the minutes" ON public.meeting_paragraphs
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers draft the paragraphs" ON public.meeting_paragraphs
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND updated_by = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Admins remove paragraphs" ON public.meeting_paragraphs
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members read attendance" ON public.meeting_attendance
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins record attendance" ON public.meeting_attendance
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members read the adjusters" ON public.meeting_adjusters
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins name adjusters" ON public.meeting_adjusters
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) AND approved_at IS NULL);
--> statement-breakpoint
CREATE POLICY "Admins remove adjusters" ON public.meeting_adjusters
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "An adjuster records their own approval" ON public.meeting_adjusters
	FOR UPDATE TO authenticated
	USING (user_id = (SELECT app.uid()) AND consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]))
	WITH CHECK (user_id = (SELECT app.uid()) AND consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) AND approved_at IS NOT NULL);
--> statement-breakpoint
-- ------------------------------------------------------------------ justering
-- The meeting is justerad when its last adjuster approves: set here, on the definer's role, since
-- an adjuster may not change the meeting itself. Approvals of one meeting queue on an advisory lock
-- (the commands take the same one), so two adjusters approving at once still justerar it.
CREATE OR REPLACE FUNCTION public.meeting_adjusters_justera() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
	IF NEW.approved_at IS NULL THEN
		RETURN NULL;
	END IF;
	PERFORM pg_advisory_xact_lock(hashtextextended('meeting:' || NEW.meeting_id::text, 0));
	IF NOT EXISTS (SELECT 1 FROM public.meeting_adjusters WHERE meeting_id = NEW.meeting_id AND approved_at IS NULL) THEN
		UPDATE public.meetings SET adjusted_at = now() WHERE id = NEW.meeting_id AND adjusted_at IS NULL AND minutes_started_at IS NOT NULL;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER meeting_adjusters_justera AFTER UPDATE OF approved_at ON public.meeting_adjusters
	FOR EACH ROW EXECUTE FUNCTION public.meeting_adjusters_justera();
--> statement-breakpoint
-- Justerat minutes never change: for every role, the server's own and a superuser's included (short
-- of disabling the trigger), neither the meeting nor its agenda, paragraphs, attendance or adjusters.
CREATE OR REPLACE FUNCTION public.meetings_keep_adjusted_minutes() RETURNS trigger
	LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
	meeting uuid;
BEGIN
	IF TG_TABLE_NAME = 'meetings' THEN
		IF OLD.adjusted_at IS NOT NULL THEN
			RAISE EXCEPTION 'the minutes of meeting % are justerade: they cannot change', OLD.id USING ERRCODE = 'check_violation';
		END IF;
		IF TG_OP = 'DELETE' THEN
			RETURN OLD;
		END IF;
		RETURN NEW;
	END IF;
	meeting := CASE WHEN TG_OP = 'DELETE' THEN OLD.meeting_id ELSE NEW.meeting_id END;
	IF EXISTS (SELECT 1 FROM public.meetings WHERE id = meeting AND adjusted_at IS NOT NULL)
		OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM public.meetings WHERE id = OLD.meeting_id AND adjusted_at IS NOT NULL)) THEN
		RAISE EXCEPTION 'the minutes of meeting % are justerade: they cannot change', meeting USING ERRCODE = 'check_violation';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER meetings_keep_adjusted_minutes BEFORE UPDATE OR DELETE ON public.meetings
	FOR EACH ROW EXECUTE FUNCTION public.meetings_keep_adjusted_minutes();
--> statement-breakpoint
CREATE TRIGGER meeting_agenda_items_keep_adjusted_minutes BEFORE INSERT OR UPDATE OR DELETE ON public.meeting_agenda_items
	FOR EACH ROW EXECUTE FUNCTION public.meetings_keep_adjusted_minutes();
--> statement-breakpoint
CREATE TRIGGER meeting_paragraphs_keep_adjusted_minutes BEFORE INSERT OR UPDATE OR DELETE ON public.meeting_paragraphs
	FOR EACH ROW EXECUTE FUNCTION public.meetings_keep_adjusted_minutes();
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_keep_adjusted_minutes BEFORE INSERT OR UPDATE OR DELETE ON public.meeting_attendance
	FOR EACH ROW EXECUTE FUNCTION public.meetings_keep_adjusted_minutes();
--> statement-breakpoint
CREATE TRIGGER meeting_adjusters_keep_adjusted_minutes BEFORE INSERT OR UPDATE OR DELETE ON public.meeting_adjusters
	FOR EACH ROW EXECUTE FUNCTION public.meetings_keep_adjusted_minutes();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.meetings_are_not_truncated() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'minutes cannot be truncated' USING ERRCODE = 'check_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER meeting_paragraphs_are_not_truncated BEFORE TRUNCATE ON public.meeting_paragraphs
	FOR EACH STATEMENT EXECUTE FUNCTION public.meetings_are_not_truncated();
