import { sql } from 'drizzle-orm';
import type { Transaction } from './client';
import { rowsOf } from './rows';

/*
 * Transaction-scoped advisory locks on a key (a decision item's id, `meeting:<id>`): for what must
 * queue on one thing when the people who do it may not lock its row (a row lock needs the right to
 * update the row). Released at commit or rollback.
 */

/** Waits for the key's lock: exclusive, or shared with other shared holders. */
export async function advisoryLock(tx: Transaction, key: string, mode: 'exclusive' | 'shared' = 'exclusive'): Promise<void> {
	await tx.execute(
		mode === 'exclusive'
			? sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`
			: sql`select pg_advisory_xact_lock_shared(hashtextextended(${key}, 0))`
	);
}

/** Takes the key's exclusive lock if nobody holds it; false (without waiting) if someone does. */
export async function tryAdvisoryLock(tx: Transaction, key: string): Promise<boolean> {
	const [row] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) as ok`));
	return row?.ok === true;
}
