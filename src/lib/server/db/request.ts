import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { database, type Database, type Transaction } from './client';
import { firstRow } from './rows';

/** Whoever a unit of work runs for; only the id reaches the database (as the `sub` claim). */
export interface Claimant {
	id: string;
}

interface Ambient {
	userId: string;
	tx: Transaction;
	open: boolean;
}

// The request transaction that work started inside `withUser` runs in, so that the loads of one
// page (several queries, each of which opens "its" transaction) share one transaction.
const ambient = new AsyncLocalStorage<Ambient>();

/**
 * Runs `work` in one transaction as role `authenticated` with the user's claims set, as
 * Supabase/PostgREST do, so row-level security applies even on a superuser connection. Called
 * inside another `withUser` for the same user (a page's loads gathered with `inOneTransaction`, a
 * query a command calls), it joins that transaction instead of opening a second one.
 */
export async function withUser<T>(user: Claimant, work: (tx: Transaction) => Promise<T>): Promise<T> {
	const current = ambient.getStore();
	if (current?.open && current.userId === user.id) return work(current.tx);
	const { db } = await database();
	return db.transaction(async (tx) => {
		const claims = JSON.stringify({ sub: user.id, role: 'authenticated' });
		// Not awaited before the work starts: statements on one connection run in the order they are
		// sent, so the claims are set before the first query, and both go in one round trip.
		// (`.execute()` runs it now, once: a query builder's `then` would run it again for every listener.)
		const claimed: Promise<unknown> = tx
			.execute(sql`select set_config('request.jwt.claims', ${claims}, true), set_config('role', 'authenticated', true)`)
			.execute();
		claimed.catch(() => {}); // its failure is the work's failure (awaited below), not an unhandled rejection
		const scope: Ambient = { userId: user.id, tx, open: true };
		try {
			const [, result] = await Promise.all([claimed, ambient.run(scope, () => work(tx))]);
			return result;
		} finally {
			// Work scheduled from inside (a timer, a background task) must not reach a finished transaction.
			scope.open = false;
		}
	});
}

/**
 * Runs several reads for one user in one transaction: every `withUser` inside `work` joins it.
 * Pages gather their loads with it, so a page costs one round of BEGIN/claims/COMMIT, not one per query.
 */
export function inOneTransaction<T>(user: Claimant, work: () => Promise<T>): Promise<T> {
	return withUser(user, () => work());
}

/**
 * Runs single statements on the server's own connection, outside row-level security and without a
 * transaction around them (each statement is its own): for a read, or writes that need not be
 * atomic together, on a path every request takes (validating the session), where BEGIN and COMMIT
 * would be two of its three round trips.
 */
export async function onServer<T>(work: (db: Database) => Promise<T>): Promise<T> {
	const { db } = await database();
	return ambient.exit(() => work(db));
}

/**
 * Runs `work` in one transaction on the server's own connection, outside row-level security.
 * Only for what precedes or stands outside a user: sign-in, sessions, rate limits, mail, seeding.
 */
export async function asSystem<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
	const { db } = await database();
	return ambient.exit(() => db.transaction(work));
}

/**
 * Runs `work` inside the caller's transaction on the app connection's own role, outside row-level
 * security, and then returns the transaction to the role it had (`authenticated` in a `withUser`).
 * For the server's own writes that belong to a user's transaction, such as queueing the mail of a
 * write that may still roll back. Leaving the role takes SQL of the app's own, so a Supabase Data
 * API request, which can only reach tables and functions, never gets this far.
 */
export async function asServerIn<T>(tx: Transaction, work: (tx: Transaction) => Promise<T>): Promise<T> {
	const previous = firstRow<{ role: string }>(await tx.execute(sql`select current_setting('role') as role`))?.role ?? 'none';
	await tx.execute(sql`select set_config('role', 'none', true)`);
	try {
		return await work(tx);
	} finally {
		// After a failed statement the transaction is aborted and takes nothing more, this included;
		// it can only roll back then, which ends the role change with it.
		await tx.execute(sql`select set_config('role', ${previous}, true)`).catch(() => {});
	}
}
