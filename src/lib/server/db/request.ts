import { sql } from 'drizzle-orm';
import { database, type Transaction } from './client';

/** Whoever a unit of work runs for; only the id reaches the database (as the `sub` claim). */
export interface Claimant {
	id: string;
}

/**
 * Runs `work` in one transaction as role `authenticated` with the user's claims set, as
 * Supabase/PostgREST do, so row-level security applies even on a superuser connection.
 */
export async function withUser<T>(user: Claimant, work: (tx: Transaction) => Promise<T>): Promise<T> {
	const { db } = await database();
	return db.transaction(async (tx) => {
		const claims = JSON.stringify({ sub: user.id, role: 'authenticated' });
		await tx.execute(sql`select set_config('request.jwt.claims', ${claims}, true), set_config('role', 'authenticated', true)`);
		return work(tx);
	});
}

/**
 * Runs `work` in one transaction on the server's own connection, outside row-level security.
 * Only for what precedes or stands outside a user: sign-in, sessions, rate limits, mail, seeding.
 */
export async function asSystem<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
	const { db } = await database();
	return db.transaction(work);
}
