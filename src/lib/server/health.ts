import { sql } from 'drizzle-orm';
import { database } from './db/client';
import { migrationStatus } from './db/migrate';

export interface Health {
	ok: boolean;
	database: 'ok' | 'unreachable';
	migrations: 'current' | 'pending' | 'unknown';
}

/** Database reachable and every migration applied: what a load balancer needs to know. */
export async function checkHealth(): Promise<Health> {
	try {
		const handle = await database();
		await handle.db.execute(sql`select 1`);
		// Counts what either Drizzle's or Supabase's history records: both deploy paths apply the same files.
		const { pending } = await migrationStatus(handle);
		const migrations = pending.length === 0 ? 'current' : 'pending';
		return { ok: migrations === 'current', database: 'ok', migrations };
	} catch {
		return { ok: false, database: 'unreachable', migrations: 'unknown' };
	}
}
