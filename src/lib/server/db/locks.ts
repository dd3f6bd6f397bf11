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

/**
 * Hands each of `ids` to `act` in at most one process (a sweep that several processes run at once):
 * an id whose lock (`keyOf`) another process holds is skipped, since it is being handled there; each
 * taken one is read again under the lock (`load`) and acted on only while `still` holds, so what
 * another process finished is not done twice. Returns the ids acted on.
 */
export async function eachTaken<T>(
	tx: Transaction,
	ids: readonly string[],
	keyOf: (id: string) => string,
	load: (id: string) => Promise<T | undefined>,
	still: (row: T) => boolean,
	act: (row: T) => Promise<void>
): Promise<string[]> {
	const done: string[] = [];
	for (const id of ids) {
		if (!(await tryAdvisoryLock(tx, keyOf(id)))) continue;
		const row = await load(id);
		if (row === undefined || !still(row)) continue;
		await act(row);
		done.push(id);
	}
	return done;
}
