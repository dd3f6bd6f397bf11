-- ============================================================================================
-- The supplier's questions: row-level security mirroring policy.ts.
-- The supplier asks in its own organisation's name and reads its consortium's questions with the
-- answers that were approved (a question's answer is empty until then). Internal members read
-- everything; writers add triage notes and draft the answer; whoever may speak to the supplier under
-- the ground rules (policy.ts 'supplier.publish', app.publishing_consortia()) approves and sends it.
-- Notes and drafts are never the supplier's to see. An answered question never changes again.
-- ============================================================================================

ALTER TABLE public.questions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.question_drafts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.question_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Questions are answered, not removed; notes are appended, never changed.
REVOKE DELETE, TRUNCATE ON public.questions, public.question_drafts, public.question_notes FROM authenticated, anon;
--> statement-breakpoint
REVOKE UPDATE ON public.question_notes FROM authenticated, anon;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.questions, public.question_drafts TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.question_notes TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ helpers
-- policy.ts 'question.draft': only an open question's answer is drafted.
CREATE OR REPLACE FUNCTION app.question_open(p_question uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.questions WHERE id = p_question AND status = 'open') $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.question_open(uuid) TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ questions
CREATE POLICY "Internal members and the supplier read the consortium's questions" ON public.questions
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) OR consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "The supplier asks in its own organisation's name" ON public.questions
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.my_organisations())::uuid[])
		AND asked_by = (SELECT app.uid()) AND status = 'open' AND answer IS NULL AND answered_at IS NULL AND answered_by IS NULL);
--> statement-breakpoint
CREATE POLICY "Whoever speaks to the supplier approves and sends the answer" ON public.questions
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.publishing_consortia())::uuid[]) AND status = 'open')
	WITH CHECK (consortium_id = ANY ((SELECT app.publishing_consortia())::uuid[]) AND answered_by = (SELECT app.uid()));
--> statement-breakpoint
-- ------------------------------------------------------------------ drafts and notes (internal only)
CREATE POLICY "Internal members read draft answers" ON public.question_drafts
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers draft the answer to an open question" ON public.question_drafts
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND written_by = (SELECT app.uid()) AND app.question_open(question_id));
--> statement-breakpoint
CREATE POLICY "Writers rework the draft answer of an open question" ON public.question_drafts
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND app.question_open(question_id))
	WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND written_by = (SELECT app.uid()) AND app.question_open(question_id));
--> statement-breakpoint
CREATE POLICY "Internal members read triage notes" ON public.question_notes
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers add triage notes in their own name" ON public.question_notes
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND author_id = (SELECT app.uid()));
--> statement-breakpoint
-- ------------------------------------------------------------------ a question keeps its words; an answer is sent once
-- For every role, the server's own included: what the supplier asked, when, and by when it is due
-- stay as they were; the only change is the answer, once.
CREATE OR REPLACE FUNCTION public.questions_answered_once() RETURNS trigger
	LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
	-- People may leave (their accounts' foreign keys set null); nothing else of what was asked changes.
	IF (NEW.consortium_id, NEW.number, NEW.item_kind, NEW.item_id, NEW.title, NEW.body, NEW.organisation_id, NEW.asked_at, NEW.due_at)
		IS DISTINCT FROM (OLD.consortium_id, OLD.number, OLD.item_kind, OLD.item_id, OLD.title, OLD.body, OLD.organisation_id, OLD.asked_at, OLD.due_at)
		OR (NEW.asked_by IS NOT NULL AND NEW.asked_by IS DISTINCT FROM OLD.asked_by) THEN
		RAISE EXCEPTION 'question % keeps what was asked', OLD.id USING ERRCODE = 'check_violation';
	END IF;
	IF OLD.status = 'answered' AND ((NEW.status, NEW.answer, NEW.answered_at) IS DISTINCT FROM (OLD.status, OLD.answer, OLD.answered_at)
		OR (NEW.answered_by IS NOT NULL AND NEW.answered_by IS DISTINCT FROM OLD.answered_by)) THEN
		RAISE EXCEPTION 'question % is answered: its answer cannot change', OLD.id USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER questions_answered_once BEFORE UPDATE ON public.questions
	FOR EACH ROW EXECUTE FUNCTION public.questions_answered_once();
