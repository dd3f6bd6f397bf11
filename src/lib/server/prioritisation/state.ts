import { and, eq } from 'drizzle-orm';
import { advisoryLock } from '../db/locks';
import type { Transaction } from '../db/client';
import { priorityRounds } from '../db/schema';
import { NotFound } from '../errors';
import type { PriorityRoundResource } from '../policy';

export type PriorityRoundRow = typeof priorityRounds.$inferSelect;

/** The advisory-lock key of a round (its id alone is the decision item's key space). */
export const roundLockKey = (id: string) => `priority_round:${id}`;

/**
 * The round, with a transaction-scoped advisory lock on it: exclusive for what changes its state
 * (closing by hand and at the deadline queue, not race), shared for submissions (many at once, none
 * while it closes). Advisory, because a row lock needs the right to update the row, which a
 * representative submitting priorities does not have.
 */
export async function lockRound(tx: Transaction, consortiumId: string, id: string, mode: 'exclusive' | 'shared' = 'exclusive'): Promise<PriorityRoundRow> {
	await advisoryLock(tx, roundLockKey(id), mode);
	const [row] = await tx
		.select()
		.from(priorityRounds)
		.where(and(eq(priorityRounds.id, id), eq(priorityRounds.consortiumId, consortiumId)));
	if (!row) throw new NotFound();
	return row;
}

/** The round as the policy decides on it. */
export function roundResource(round: Pick<PriorityRoundRow, 'consortiumId' | 'status' | 'deadline'>, now = new Date()): PriorityRoundResource {
	return { consortiumId: round.consortiumId, status: round.status, deadlinePassed: round.deadline.getTime() <= now.getTime() };
}
