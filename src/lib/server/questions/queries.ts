import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { organisations, questionNotes, questions, users } from '../db/schema';
import { abilities, can, itemAbilities, type Actor } from '../policy';
import { readerFor, type Who } from '../consortia/actor';
import type { QuestionState } from '../../enums';
import type { QuestionFilterInput } from './schemas';
import { askableItems, itemLabels, itemPath, type ItemRef } from './items';
import { loadQuestion, questionLabel, questionResource, questionRules, questionState, workingDaysLeft } from './state';

const itemOf = (q: { itemKind: ItemRef['kind'] | null; itemId: string | null }): ItemRef | null =>
	q.itemKind && q.itemId ? { kind: q.itemKind, id: q.itemId } : null;

/** The where-clause of a state: open (not yet due), answered, overdue (open past its due time). */
function stateWhere(state: QuestionState | undefined, now: Date): SQL | undefined {
	if (state === 'answered') return eq(questions.status, 'answered');
	if (state === 'open') return and(eq(questions.status, 'open'), gte(questions.dueAt, now));
	if (state === 'overdue') return and(eq(questions.status, 'open'), lt(questions.dueAt, now));
	return undefined;
}

/**
 * The consortium's questions, newest first, filtered by state, with how many there are in each state.
 * For internal members and the supplier alike (row-level security shows the supplier its own
 * consortium's questions and nothing internal); what they may do says which forms the page shows.
 */
export async function listQuestions(person: Who, consortiumId: string, filter: QuestionFilterInput = {}, now = new Date()) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'published.read');
		const [rows, [counts]] = await Promise.all([
			tx
				.select({
					id: questions.id,
					number: questions.number,
					title: questions.title,
					status: questions.status,
					itemKind: questions.itemKind,
					itemId: questions.itemId,
					askedAt: questions.askedAt,
					dueAt: questions.dueAt,
					answeredAt: questions.answeredAt,
					organisation: organisations.name
				})
				.from(questions)
				.innerJoin(organisations, eq(organisations.id, questions.organisationId))
				.where(and(eq(questions.consortiumId, consortiumId), stateWhere(filter.state, now)))
				.orderBy(desc(questions.number))
				.limit(500),
			tx
				.select({
					open: sql<number>`count(*) filter (where ${questions.status} = 'open' and ${questions.dueAt} >= ${now.toISOString()}::timestamptz)::int`,
					overdue: sql<number>`count(*) filter (where ${questions.status} = 'open' and ${questions.dueAt} < ${now.toISOString()}::timestamptz)::int`,
					answered: sql<number>`count(*) filter (where ${questions.status} = 'answered')::int`
				})
				.from(questions)
				.where(eq(questions.consortiumId, consortiumId))
		]);
		const labels = await itemLabels(
			tx,
			consortiumId,
			rows.map(itemOf).filter((i): i is ItemRef => i !== null)
		);
		const internal = can(actor, 'internal.read', { consortiumId });
		const ask = can(actor, 'supplier.interact', { consortiumId });
		return {
			questions: rows.map((r) => {
				const item = itemOf(r);
				return {
					id: r.id,
					label: questionLabel(r.number),
					title: r.title,
					state: questionState(r, now),
					organisation: r.organisation,
					item: item ? { ...item, label: labels.get(`${item.kind}:${item.id}`) ?? null } : null,
					askedAt: r.askedAt,
					dueAt: r.dueAt,
					answeredAt: r.answeredAt,
					days: workingDaysLeft(r, now)
				};
			}),
			counts: counts ?? { open: 0, overdue: 0, answered: 0 },
			internal,
			// The supplier asks, about the items a published release carried or in general.
			askable: ask ? await askableItems(tx, consortiumId) : null,
			responseDays: (await questionRules(tx, consortiumId)).responseDays,
			can: abilities(actor, { consortiumId })
		};
	});
}

/**
 * One question: what was asked, its due date in working days and, once approved, the answer. Internal
 * members also get the triage notes, the draft answer and what they may do with it; the supplier gets
 * none of that (and row-level security would show it none).
 */
export async function questionDetail(person: Who, consortiumId: string, id: string, now = new Date()) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'published.read');
		const { question, draft, rules } = await loadQuestion(tx, consortiumId, id);
		const internal = can(actor, 'internal.read', { consortiumId });
		const item = itemOf(question);
		const people = (userId: string | null) =>
			userId
				? tx
						.select({ name: users.name })
						.from(users)
						.where(eq(users.id, userId))
						.then((r) => r[0]?.name ?? null)
				: Promise.resolve(null);
		const [labels, [organisation], askedBy, answeredBy] = await Promise.all([
			itemLabels(tx, consortiumId, item ? [item] : []),
			tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, question.organisationId)),
			people(question.askedBy),
			people(question.answeredBy)
		]);
		const view = {
			id: question.id,
			label: questionLabel(question.number),
			title: question.title,
			body: question.body,
			state: questionState(question, now),
			organisation: organisation?.name ?? '–',
			askedBy,
			askedAt: question.askedAt,
			dueAt: question.dueAt,
			days: workingDaysLeft(question, now),
			answer: question.answer,
			answeredAt: question.answeredAt,
			answeredBy,
			item: item ? { ...item, label: labels.get(`${item.kind}:${item.id}`) ?? null, path: internal ? itemPath(item) : null } : null
		};
		if (!internal) return { question: view, internal: null, responseDays: rules.responseDays };
		const notes = await tx
			.select({ id: questionNotes.id, body: questionNotes.body, createdAt: questionNotes.createdAt, author: users.name })
			.from(questionNotes)
			.leftJoin(users, eq(users.id, questionNotes.authorId))
			.where(eq(questionNotes.questionId, id))
			.orderBy(asc(questionNotes.createdAt));
		return {
			question: view,
			internal: {
				notes,
				draft: draft ? { body: draft.body, version: draft.version, updatedAt: draft.updatedAt, writtenBy: await people(draft.writtenBy) } : null,
				can: itemAbilities(actor, 'question', questionResource(question, draft, rules.publishing))
			},
			responseDays: rules.responseDays
		};
	});
}

/**
 * What the supplier's questions ask of the person on the front page: the overdue ones, for those who
 * may send answers (admins, or whom the ground rules name); for the supplier, the answers sent in
 * the last fourteen days. Runs in the caller's transaction.
 */
export async function questionsAttentionIn(tx: Transaction, actor: Actor, consortiumId: string, now = new Date()) {
	if (!can(actor, 'internal.read', { consortiumId })) {
		const answered = await tx
			.select({ id: questions.id, number: questions.number, title: questions.title, answeredAt: questions.answeredAt })
			.from(questions)
			.where(
				and(eq(questions.consortiumId, consortiumId), eq(questions.status, 'answered'), gte(questions.answeredAt, new Date(now.getTime() - 14 * 86_400_000)))
			)
			.orderBy(desc(questions.answeredAt))
			.limit(20);
		return { overdue: [], answered: answered.map((q) => ({ ...q, label: questionLabel(q.number) })) };
	}
	const { publishing } = await questionRules(tx, consortiumId);
	if (!can(actor, 'supplier.publish', { consortiumId, publishing })) return { overdue: [], answered: [] };
	const overdue = await tx
		.select({ id: questions.id, number: questions.number, title: questions.title, dueAt: questions.dueAt })
		.from(questions)
		.where(and(eq(questions.consortiumId, consortiumId), eq(questions.status, 'open'), lt(questions.dueAt, now)))
		.orderBy(asc(questions.dueAt))
		.limit(20);
	return { overdue: overdue.map((q) => ({ ...q, label: questionLabel(q.number) })), answered: [] };
}
