import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { DatabaseHandle } from './client';
import { firstRow } from './rows';

/** Where the one SQL history lives; the same files `supabase db push` applies. */
export const migrationsFolder = resolve(process.env.MIGRATIONS_DIR ?? 'supabase/migrations');

/** Applies every migration in supabase/migrations that the database has not seen yet. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
	if (handle.kind === 'pglite') {
		await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
	} else {
		await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
	}
}

/** How many migrations the code knows and how many the database has applied. */
export async function migrationStatus(handle: DatabaseHandle): Promise<{ known: number; applied: number }> {
	const journal = JSON.parse(readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
		entries: unknown[];
	};
	let applied = 0;
	try {
		const result = await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
		applied = Number(firstRow<{ n: number }>(result)?.n ?? 0);
	} catch {
		applied = 0; // no migrations table yet
	}
	return { known: journal.entries.length, applied };
}
