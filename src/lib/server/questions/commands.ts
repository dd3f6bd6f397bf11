import { eq, max, and } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { advisoryLock } from '../db/locks';
import { consortia, questionDrafts, questionNotes, questions } from '../db/schema';
import { recordChange } from '../audit/record-change';
import { enqueueWebhookEvent } from '../webhooks/outbox';
import { config } from '../config';
import { CommandError, StaleWrite } from '../errors';
import { actorFor, readerFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import { endOfDayInStockholm, stockholmDate } from '../../decisions/deadline';
import type { AskQuestionInput, ApproveAnswerInput, DraftAnswerInput, QuestionNoteInput } from './schemas';
import { itemPath, mayAskAbout, type ItemRef } from './items';
import { loadQuestion, questionLabel, questionResource, questionRules, type DraftRow, type QuestionRow } from './state';
import { addWorkingDays } from './working-days';

/** The end (Stockholm time) of the `days`th Swedish working day after the day a question was asked. */
export function dueAfter(askedAt: Date, days: number): Date {
	return endOfDayInStockholm(addWorkingDays(stockholmDate(askedAt), days));
}

/**
 * The supplier asks a question in its organisation's name, in general or about an item it can see
 * (one that a published release carried; checked under its own row-level security, so something it
 * cannot see is refused exactly like something that does not exist). Numbered F-1, F-2 … per
 * consortium; due after the ground rules' response time in Swedish working days.
 */
export async function askQuestion(person: Who, consortiumId: string, input: AskQuestionInput): Promise<QuestionRow> {
	return withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'supplier.interact');
		if (input.item && !(await mayAskAbout(tx, consortiumId, input.item))) throw new CommandError('question_item_unknown', 'item', 422);
		return askQuestionIn(tx, { consortiumId, organisationId: actor.membership!.organisationId, askedBy: person.id, ...input });
	});
}

/** Writes a question in the caller's transaction (the command above, and the demo seed, which may date it back). */
export async function askQuestionIn(
	tx: Transaction,
	q: { consortiumId: string; organisationId: string; askedBy: string; title: string; body: string; item?: ItemRef; askedAt?: Date }
): Promise<QuestionRow> {
	// Two questions asked at once queue for the next number (the unique key is the backstop).
	await advisoryLock(tx, `question_number:${q.consortiumId}`);
	const [last] = await tx
		.select({ n: max(questions.number) })
		.from(questions)
		.where(eq(questions.consortiumId, q.consortiumId));
	const rules = await questionRules(tx, q.consortiumId);
	const askedAt = q.askedAt ?? new Date();
	const [row] = await tx
		.insert(questions)
		.values({
			consortiumId: q.consortiumId,
			number: (last?.n ?? 0) + 1,
			itemKind: q.item?.kind ?? null,
			itemId: q.item?.id ?? null,
			title: q.title,
			body: q.body,
			organisationId: q.organisationId,
			askedBy: q.askedBy,
			askedAt,
			dueAt: dueAfter(askedAt, rules.responseDays)
		})
		.returning();
	await recordChange(tx, {
		actorId: q.askedBy,
		consortiumId: q.consortiumId,
		action: 'question.asked',
		entityType: 'question',
		entityId: row!.id,
		after: row,
		audience: 'everyone'
	});
	return row!;
}

/** An internal triage note on a question: the supplier never sees it (nor hears of it live). */
export async function addQuestionNote(person: Who, consortiumId: string, questionId: string, input: QuestionNoteInput): Promise<void> {
	await withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const { question, draft, rules } = await loadQuestion(tx, consortiumId, questionId);
		authorize(actor, 'question.note', questionResource(question, draft, rules.publishing));
		await addQuestionNoteIn(tx, question, person.id, input.body);
	});
}

/** Writes a triage note in the caller's transaction (the command above, and the demo seed). */
export async function addQuestionNoteIn(tx: Transaction, question: QuestionRow, authorId: string, body: string): Promise<void> {
	const [note] = await tx.insert(questionNotes).values({ consortiumId: question.consortiumId, questionId: question.id, authorId, body }).returning();
	await recordChange(tx, {
		actorId: authorId,
		consortiumId: question.consortiumId,
		action: 'question.note_added',
		entityType: 'question',
		entityId: question.id,
		after: note,
		audience: 'internal'
	});
}

/**
 * Saves the consortium's proposed answer to an open question (one per question), unless someone saved
 * it since `input.version` (0: there was none). Internal: the supplier sees nothing until it is approved.
 */
export async function saveDraftAnswer(person: Who, consortiumId: string, questionId: string, input: DraftAnswerInput): Promise<DraftRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const { question, draft, rules } = await loadQuestion(tx, consortiumId, questionId, true);
		authorize(actor, 'question.draft', questionResource(question, draft, rules.publishing));
		return saveDraftAnswerIn(tx, question, draft, person.id, input);
	});
}

/** Writes the draft answer in the caller's transaction, the question locked (the command above, and the demo seed). */
export async function saveDraftAnswerIn(
	tx: Transaction,
	question: QuestionRow,
	before: DraftRow | null,
	writtenBy: string,
	input: DraftAnswerInput
): Promise<DraftRow> {
	if ((before?.version ?? 0) !== input.version) throw new StaleWrite({ body: before?.body ?? '', version: before?.version ?? 0 });
	const values = { body: input.body, writtenBy, version: (before?.version ?? 0) + 1, updatedAt: new Date() };
	const [after] = await tx
		.insert(questionDrafts)
		.values({ questionId: question.id, consortiumId: question.consortiumId, ...values })
		.onConflictDoUpdate({ target: questionDrafts.questionId, set: values })
		.returning();
	await recordChange(tx, {
		actorId: writtenBy,
		consortiumId: question.consortiumId,
		action: 'question.answer_drafted',
		entityType: 'question',
		entityId: question.id,
		before: before ?? undefined,
		after,
		audience: 'internal'
	});
	return after!;
}

/**
 * Approves the draft answer as it was read (`input.version`) and sends it: the question is answered in
 * the consortium's name, for good. Admins, or whom the ground rules give the right to speak to the
 * supplier. The supplier hears of it live, and the consortium's webhooks get `question.answered`.
 */
export async function approveAnswer(person: Who, consortiumId: string, questionId: string, input: ApproveAnswerInput): Promise<QuestionRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const { question, draft, rules } = await loadQuestion(tx, consortiumId, questionId, true);
		authorize(actor, 'question.approve', questionResource(question, draft, rules.publishing));
		if (draft!.version !== input.version) throw new StaleWrite({ body: draft!.body, version: draft!.version });
		return approveAnswerIn(tx, question, draft!, person.id);
	});
}

/** Sends the draft as the answer in the caller's transaction, the question locked (the command above, and the demo seed). */
export async function approveAnswerIn(
	tx: Transaction,
	question: QuestionRow,
	draft: DraftRow,
	approvedBy: string,
	answeredAt = new Date()
): Promise<QuestionRow> {
	const [after] = await tx
		.update(questions)
		.set({ status: 'answered', answer: draft.body, answeredAt, answeredBy: approvedBy, updatedAt: new Date() })
		.where(and(eq(questions.id, question.id), eq(questions.status, 'open')))
		.returning();
	if (!after) throw new CommandError('question_answered', 'form', 409);
	await recordChange(tx, {
		actorId: approvedBy,
		consortiumId: question.consortiumId,
		action: 'question.answered',
		entityType: 'question',
		entityId: question.id,
		before: { status: question.status },
		after: { status: after.status, answer: after.answer, answeredAt: after.answeredAt },
		audience: 'everyone'
	});
	const [consortium] = await tx.select({ slug: consortia.slug }).from(consortia).where(eq(consortia.id, question.consortiumId));
	const root = `${config().ORIGIN ?? ''}/c/${consortium?.slug ?? ''}`;
	const item = after.itemKind && after.itemId ? { kind: after.itemKind, id: after.itemId } : null;
	await enqueueWebhookEvent(tx, question.consortiumId, 'question.answered', {
		number: questionLabel(after.number),
		title: after.title,
		answer: after.answer,
		answered_at: after.answeredAt!.toISOString(),
		url: `${root}/questions/${after.id}`,
		item: item ? { kind: item.kind, id: item.id, url: `${root}/${itemPath(item)}` } : null
	});
	return after;
}
