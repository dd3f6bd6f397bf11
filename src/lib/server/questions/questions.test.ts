import { describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { auditLog, groundRules, questionDrafts, questionNotes, questions } from '../db/schema';
import { Forbidden } from '../policy';
import { CommandError, NotFound, StaleWrite } from '../errors';
import { attentionFor } from '../home/attention';
import { enqueueWebhookEvent } from '../webhooks/outbox';
import { addQuestionNote, approveAnswer, askQuestion, askQuestionIn, dueAfter, saveDraftAnswer } from './commands';
import { listQuestions, questionDetail } from './queries';
import { AskQuestionInput, DraftAnswerInput, QuestionNoteInput } from './schemas';
import { questionsWorld } from './testing';

vi.mock('../webhooks/outbox', () => ({ enqueueWebhookEvent: vi.fn(async () => {}) }));

useFreshDatabase();

type World = Awaited<ReturnType<typeof questionsWorld>>;

const ask = (over: Record<string, unknown> = {}) =>
	AskQuestionInput.parse({ title: 'Hur loggas larmkvittenser?', body: 'Behöver kommunen spara loggarna själv, eller gör ni det?', ...over });
const draft = (body: string, version = 0) => DraftAnswerInput.parse({ body, version: String(version) });
const note = (body: string) => QuestionNoteInput.parse({ body });

async function refusal(promise: Promise<unknown>): Promise<CommandError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(CommandError);
	return error as CommandError;
}

/** A question the supplier asked, with an internal note and a draft answer. */
async function triaged(w: World) {
	const question = await askQuestion(w.people.supplier, w.consortium.id, ask());
	await addQuestionNote(w.people.member, w.consortium.id, question.id, note('INTERNT: kolla med IT-avdelningen först'));
	const saved = await saveDraftAnswer(w.people.member, w.consortium.id, question.id, draft('UTKAST: loggarna sparas i två år'));
	return { question, draft: saved };
}

describe('questions: who may do what (security first)', () => {
	it('answers someone of another consortium, and its supplier, 404 for every command and page', async () => {
		const w = await questionsWorld();
		const { question, draft: d } = await triaged(w);
		for (const who of [w.people.outsider, w.people.otherSupplier]) {
			await expect(askQuestion(who, w.consortium.id, ask())).rejects.toBeInstanceOf(NotFound);
			await expect(listQuestions(who, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
			await expect(questionDetail(who, w.consortium.id, question.id)).rejects.toBeInstanceOf(NotFound);
			await expect(addQuestionNote(who, w.consortium.id, question.id, note('x'))).rejects.toBeInstanceOf(NotFound);
			await expect(saveDraftAnswer(who, w.consortium.id, question.id, draft('x', 1))).rejects.toBeInstanceOf(NotFound);
			await expect(approveAnswer(who, w.consortium.id, question.id, { version: d.version })).rejects.toBeInstanceOf(NotFound);
		}
		// The other consortium's supplier sees none of them in its own consortium either.
		expect((await listQuestions(w.people.otherSupplier, w.other.id)).questions).toEqual([]);
	});

	it('answers the supplier 404 for internal notes, drafts and approval, and shows it neither', async () => {
		const w = await questionsWorld();
		const { question, draft: d } = await triaged(w);
		await expect(addQuestionNote(w.people.supplier, w.consortium.id, question.id, note('x'))).rejects.toBeInstanceOf(NotFound);
		await expect(saveDraftAnswer(w.people.supplier, w.consortium.id, question.id, draft('x', 1))).rejects.toBeInstanceOf(NotFound);
		await expect(approveAnswer(w.people.supplier, w.consortium.id, question.id, { version: d.version })).rejects.toBeInstanceOf(NotFound);
		const detail = await questionDetail(w.people.supplier, w.consortium.id, question.id);
		const list = await listQuestions(w.people.supplier, w.consortium.id);
		expect(detail.internal).toBeNull();
		expect(detail.question.answer).toBeNull();
		for (const view of [detail, list]) expect(JSON.stringify(view)).not.toMatch(/INTERNT|UTKAST/);
		// Nothing was written by the refused attempts.
		const rows = await asSystem((tx) => tx.select().from(questionNotes).where(eq(questionNotes.questionId, question.id)));
		expect(rows).toHaveLength(1);
	});

	it('lets only the supplier ask, only writers note and draft, and only whom the ground rules name approve', async () => {
		const w = await questionsWorld();
		for (const who of [w.people.admin, w.people.member, w.people.observer])
			await expect(askQuestion(who, w.consortium.id, ask())).rejects.toBeInstanceOf(Forbidden);
		const { question, draft: d } = await triaged(w);
		await expect(addQuestionNote(w.people.observer, w.consortium.id, question.id, note('x'))).rejects.toBeInstanceOf(Forbidden);
		await expect(saveDraftAnswer(w.people.observer, w.consortium.id, question.id, draft('x', d.version))).rejects.toBeInstanceOf(Forbidden);
		for (const who of [w.people.member, w.people.representative, w.people.observer]) {
			const error = await approveAnswer(who, w.consortium.id, question.id, { version: d.version }).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(Forbidden);
			expect((error as Forbidden).key).toBe('question_not_approver');
		}
		// Under "representatives" it is the representative's, not the admin's.
		await asSystem((tx) => tx.update(groundRules).set({ publishing: 'representatives' }).where(eq(groundRules.consortiumId, w.consortium.id)));
		await expect(approveAnswer(w.people.admin, w.consortium.id, question.id, { version: d.version })).rejects.toBeInstanceOf(Forbidden);
		const answered = await approveAnswer(w.people.representative, w.consortium.id, question.id, { version: d.version });
		expect(answered.answeredBy).toBe(w.people.representative.id);
	});

	it('refuses an item the supplier cannot see exactly like one that does not exist, and writes nothing', async () => {
		const w = await questionsWorld();
		for (const id of [w.stories.unreleased.id, w.stories.foreign.id, crypto.randomUUID()]) {
			const error = await refusal(askQuestion(w.people.supplier, w.consortium.id, ask({ item: `story:${id}` })));
			expect([error.key, error.field, error.status]).toEqual(['question_item_unknown', 'item', 422]);
		}
		const written = await asSystem((tx) => tx.select().from(questions).where(eq(questions.consortiumId, w.consortium.id)));
		expect(written).toEqual([]);
		expect(AskQuestionInput.safeParse({ title: ' ', body: 'x' }).success).toBe(false);
		expect(AskQuestionInput.safeParse({ title: 'x', body: 'x', item: 'decision:1' }).success).toBe(false);
		expect(AskQuestionInput.parse({ title: 'x', body: 'y', item: '' }).item).toBeUndefined();
	});
});

describe('questions: asking, triage and the one answer', () => {
	it('numbers the questions per consortium and dates them by the ground rules in Swedish working days', async () => {
		const w = await questionsWorld();
		const first = await askQuestion(w.people.supplier, w.consortium.id, ask());
		await asSystem((tx) => tx.update(groundRules).set({ questionResponseDays: 10 }).where(eq(groundRules.consortiumId, w.consortium.id)));
		const second = await askQuestion(w.people.supplier, w.consortium.id, ask({ item: `story:${w.stories.released.id}` }));
		expect([first.number, second.number]).toEqual([1, 2]);
		expect(first.dueAt).toEqual(dueAfter(first.askedAt, 5));
		expect(second.dueAt).toEqual(dueAfter(second.askedAt, 10));
		// Asked on Tuesday before Easter 2026: due at the end of Thursday 9 April, Stockholm time (CEST).
		expect(dueAfter(new Date('2026-03-31T10:00:00Z'), 5).toISOString()).toBe('2026-04-09T21:59:59.000Z');
		// Asked late on Friday evening Swedish time (still Friday): Monday is the first working day.
		expect(dueAfter(new Date('2026-11-27T22:30:00Z'), 1).toISOString()).toBe('2026-11-30T22:59:59.000Z');
		const list = await listQuestions(w.people.supplier, w.consortium.id);
		expect(list.questions.map((q) => q.label)).toEqual(['F-2', 'F-1']);
		expect(list.questions[0]!.item?.label).toBe('B-1 se larm i mobilen');
		expect(list.askable).toEqual([{ kind: 'story', id: w.stories.released.id, label: 'B-1 se larm i mobilen' }]);
		// Internal members see the story itself, and where it lives.
		const detail = await questionDetail(w.people.member, w.consortium.id, second.id);
		expect(detail.question.item).toMatchObject({ label: 'se larm i mobilen', path: `stories/${w.stories.released.id}` });
		expect(detail.question.days).toEqual({ left: expect.any(Number) });
	});

	it('keeps the draft answer internal, refuses a stale draft, and sends the approved answer once, with its webhook', async () => {
		const w = await questionsWorld();
		const question = await askQuestion(w.people.supplier, w.consortium.id, ask({ item: `story:${w.stories.released.id}` }));
		const noDraft = await refusal(approveAnswer(w.people.admin, w.consortium.id, question.id, { version: 1 }));
		expect([noDraft.key, noDraft.status]).toEqual(['question_no_draft', 409]);
		const first = await saveDraftAnswer(w.people.member, w.consortium.id, question.id, draft('Loggarna sparas i två år.'));
		await expect(saveDraftAnswer(w.people.representative, w.consortium.id, question.id, draft('Något annat.'))).rejects.toBeInstanceOf(StaleWrite);
		const second = await saveDraftAnswer(w.people.representative, w.consortium.id, question.id, draft('Loggarna sparas i tre år.', first.version));
		// Approving what one read before someone changed the draft is refused: the newer words were not approved.
		await expect(approveAnswer(w.people.admin, w.consortium.id, question.id, { version: first.version })).rejects.toBeInstanceOf(StaleWrite);
		expect((await questionDetail(w.people.supplier, w.consortium.id, question.id)).question.answer).toBeNull();

		vi.mocked(enqueueWebhookEvent).mockClear();
		const answered = await approveAnswer(w.people.admin, w.consortium.id, question.id, { version: second.version });
		expect(answered).toMatchObject({ status: 'answered', answer: 'Loggarna sparas i tre år.', answeredBy: w.people.admin.id });
		expect(vi.mocked(enqueueWebhookEvent)).toHaveBeenCalledTimes(1);
		const [, consortiumId, type, payload] = vi.mocked(enqueueWebhookEvent).mock.calls[0]!;
		expect([consortiumId, type]).toEqual([w.consortium.id, 'question.answered']);
		expect(payload).toMatchObject({
			number: 'F-1',
			title: question.title,
			answer: 'Loggarna sparas i tre år.',
			answered_at: answered.answeredAt!.toISOString(),
			item: { kind: 'story', id: w.stories.released.id, url: expect.stringMatching(new RegExp(`/c/${w.consortium.slug}/stories/${w.stories.released.id}$`)) }
		});

		const seen = await questionDetail(w.people.supplier, w.consortium.id, question.id);
		expect(seen.question).toMatchObject({ state: 'answered', answer: 'Loggarna sparas i tre år.', days: null });
		// Once sent, it is sent: no second approval, no more drafting.
		const again = await refusal(approveAnswer(w.people.admin, w.consortium.id, question.id, { version: second.version }));
		expect([again.key, again.status]).toEqual(['question_answered', 409]);
		const late = await refusal(saveDraftAnswer(w.people.member, w.consortium.id, question.id, draft('Ändrat.', second.version)));
		expect(late.key).toBe('question_answered');
		// Notes stay possible after the answer (the consortium's own follow-up).
		await addQuestionNote(w.people.member, w.consortium.id, question.id, note('Svaret stämt av med IT.'));

		const audit = await asSystem((tx) =>
			tx
				.select({ action: auditLog.action })
				.from(auditLog)
				.where(and(eq(auditLog.entityType, 'question'), eq(auditLog.entityId, question.id)))
		);
		expect(audit.map((a) => a.action)).toEqual([
			'question.asked',
			'question.answer_drafted',
			'question.answer_drafted',
			'question.answered',
			'question.note_added'
		]);
	});

	it('tells open, answered and overdue apart, filters by them, and brings overdue questions to the approvers and new answers to the supplier', async () => {
		const w = await questionsWorld();
		// Asked three weeks ago (as the demo seed dates questions back).
		const overdue = await asSystem((tx) =>
			askQuestionIn(tx, {
				consortiumId: w.consortium.id,
				organisationId: w.supplierOrg.id,
				askedBy: w.people.supplier.id,
				title: 'Gammal fråga',
				body: 'Ingen har svarat.',
				askedAt: new Date(Date.now() - 21 * 86_400_000)
			})
		);
		const { question: answered, draft: d } = await triaged(w);
		await approveAnswer(w.people.admin, w.consortium.id, answered.id, { version: d.version });
		const open = await askQuestion(w.people.supplier, w.consortium.id, ask({ title: 'Ny fråga' }));

		const all = await listQuestions(w.people.member, w.consortium.id);
		expect(all.counts).toEqual({ open: 1, overdue: 1, answered: 1 });
		expect(Object.fromEntries(all.questions.map((q) => [q.id, q.state]))).toEqual({ [overdue.id]: 'overdue', [answered.id]: 'answered', [open.id]: 'open' });
		for (const state of ['open', 'answered', 'overdue'] as const) {
			const filtered = await listQuestions(w.people.member, w.consortium.id, { state });
			expect(filtered.questions.map((q) => q.state)).toEqual([state]);
		}
		expect((await questionDetail(w.people.member, w.consortium.id, overdue.id)).question.days).toEqual({ overdue: expect.any(Number) });

		const admin = await attentionFor(w.people.admin, w.consortium.id);
		expect(admin?.kind === 'internal' && admin.overdueQuestions.map((q) => q.label)).toEqual(['F-1']);
		const member = await attentionFor(w.people.member, w.consortium.id);
		expect(member?.kind === 'internal' && member.overdueQuestions).toEqual([]);
		const supplier = await attentionFor(w.people.supplier, w.consortium.id);
		expect(supplier?.kind === 'supplier' && supplier.answered.map((q) => q.label)).toEqual(['F-2']);
	});

	it('keeps notes and drafts out of the rows the supplier reads, even for a question that is answered', async () => {
		const w = await questionsWorld();
		const { question, draft: d } = await triaged(w);
		await approveAnswer(w.people.admin, w.consortium.id, question.id, { version: d.version });
		const rows = await asSystem((tx) => tx.select().from(questionDrafts).where(eq(questionDrafts.questionId, question.id)));
		expect(rows).toHaveLength(1);
		const seen = await questionDetail(w.people.supplier, w.consortium.id, question.id);
		expect(seen.internal).toBeNull();
		expect(JSON.stringify(seen)).not.toMatch(/INTERNT/);
	});
});
