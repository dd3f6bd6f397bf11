import { and, eq } from 'drizzle-orm';
import { advisoryLock } from '../db/locks';
import { asServerIn } from '../db/request';
import type { Transaction } from '../db/client';
import { groundRules, questionDrafts, questions } from '../db/schema';
import { NotFound } from '../errors';
import type { PublishingRight, QuestionResource } from '../policy';
import { stockholmDate } from '../../decisions/deadline';
import type { QuestionState } from '../../enums';
import { workingDaysBetween } from './working-days';

export type QuestionRow = typeof questions.$inferSelect;
export type DraftRow = typeof questionDrafts.$inferSelect;

/** F-1, F-2 …: how people name a question. */
export const questionLabel = (number: number) => `F-${number}`;

/**
 * The consortium's target for answering, in working days, and who may send an answer. Read on the
 * server's own role: row-level security shows the ground rules to internal members only, yet the
 * supplier's question is dated by them and the supplier is told the response time. Never run it
 * beside other statements of the transaction (Promise.all): they would run outside row-level security too.
 */
export async function questionRules(tx: Transaction, consortiumId: string): Promise<{ responseDays: number; publishing: PublishingRight }> {
	const [rules] = await asServerIn(tx, (server) =>
		server
			.select({ responseDays: groundRules.questionResponseDays, publishing: groundRules.publishing })
			.from(groundRules)
			.where(eq(groundRules.consortiumId, consortiumId))
	);
	return rules ?? { responseDays: 5, publishing: 'admins' };
}

/**
 * The question, its draft answer (null for the supplier, whom row-level security shows none) and the
 * ground rules, with a transaction-scoped advisory lock on the question when it is to change: drafting
 * and approving queue, so an approval sends the draft that was read and a draft saved meanwhile waits.
 * Advisory, because a row lock needs the right to update the row, which a writer drafting does not have.
 */
export async function loadQuestion(tx: Transaction, consortiumId: string, id: string, lock = false) {
	if (lock) await advisoryLock(tx, `question:${id}`);
	const [question] = await tx
		.select()
		.from(questions)
		.where(and(eq(questions.id, id), eq(questions.consortiumId, consortiumId)));
	if (!question) throw new NotFound();
	const [draft] = await tx.select().from(questionDrafts).where(eq(questionDrafts.questionId, id));
	const rules = await questionRules(tx, consortiumId);
	return { question, draft: draft ?? null, rules };
}

/** The question as the policy decides on it. */
export function questionResource(
	question: Pick<QuestionRow, 'consortiumId' | 'status'>,
	draft: DraftRow | null,
	publishing: PublishingRight
): QuestionResource {
	return { consortiumId: question.consortiumId, status: question.status, hasDraft: draft !== null, publishing };
}

/** Open, answered, or open past the end of its due day. */
export function questionState(question: Pick<QuestionRow, 'status' | 'dueAt'>, now = new Date()): QuestionState {
	if (question.status === 'answered') return 'answered';
	return question.dueAt.getTime() < now.getTime() ? 'overdue' : 'open';
}

/**
 * How the due date stands in working days (Stockholm's calendar): left until it, counting the due day
 * and not today, or how many have passed since it; null once answered.
 */
export function workingDaysLeft(question: Pick<QuestionRow, 'status' | 'dueAt'>, now = new Date()): { left: number } | { overdue: number } | null {
	if (question.status === 'answered') return null;
	const today = stockholmDate(now);
	const due = stockholmDate(question.dueAt);
	if (question.dueAt.getTime() >= now.getTime()) return { left: workingDaysBetween(today, due) };
	return { overdue: Math.max(1, workingDaysBetween(due, today)) };
}
