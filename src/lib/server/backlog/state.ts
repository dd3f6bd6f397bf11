import { and, eq } from 'drizzle-orm';
import { advisoryLock } from '../db/locks';
import type { Transaction } from '../db/client';
import { backlogs, groundRules } from '../db/schema';
import { NotFound } from '../errors';
import type { BacklogResource } from '../policy';

export type BacklogRow = typeof backlogs.$inferSelect;

/**
 * The backlog, with a transaction-scoped advisory lock on it, so that planning, locking, applying a
 * decided change and publishing a release queue rather than race (a row lock would need the right to
 * update the row, which a representative who publishes does not have).
 */
export async function lockBacklog(tx: Transaction, consortiumId: string, id: string): Promise<BacklogRow> {
	await advisoryLock(tx, `backlog:${id}`);
	const [row] = await tx
		.select()
		.from(backlogs)
		.where(and(eq(backlogs.id, id), eq(backlogs.consortiumId, consortiumId)));
	if (!row) throw new NotFound();
	return row;
}

/** The backlog as the policy decides on it, with the ground rules' publishing right. */
export async function backlogResource(tx: Transaction, backlog: Pick<BacklogRow, 'consortiumId' | 'status'>): Promise<BacklogResource> {
	const [rules] = await tx.select({ publishing: groundRules.publishing }).from(groundRules).where(eq(groundRules.consortiumId, backlog.consortiumId));
	return { consortiumId: backlog.consortiumId, status: backlog.status, publishing: rules?.publishing ?? 'admins' };
}
