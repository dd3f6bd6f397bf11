import { afterAll, beforeAll } from 'vitest';
import postgres from 'postgres';
import { closeDatabase, openDatabase, useDatabase, type DatabaseHandle } from '../db/client';
import { migrateDatabase } from '../db/migrate';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default; with
 * TEST_DATABASE_URL, a database created on that server for this file and dropped afterwards.
 * `migrate: false` leaves it empty (for tests of migrating itself).
 */
export async function createTestDatabase({ migrate = true } = {}): Promise<{ handle: DatabaseHandle; url?: string; drop(): Promise<void> }> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) {
		const handle = await openDatabase({ dataDir: 'memory://' });
		if (migrate) await migrateDatabase(handle);
		return { handle, drop: () => handle.close() };
	}
	const name = `samsyn_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = withDatabase(serverUrl, name);
	const handle = await openDatabase({ url });
	if (migrate) await migrateDatabase(handle);
	return {
		handle,
		url,
		async drop() {
			await handle.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

/** The same server URL pointing at another database. */
export function withDatabase(serverUrl: string, database: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${database}`;
	return url.toString();
}

/** Gives the calling test file its own fresh database as the process's database. */
export function useFreshDatabase(): { handle: () => DatabaseHandle; url: () => string | undefined } {
	let current: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
	beforeAll(async () => {
		current = await createTestDatabase();
		useDatabase(current.handle);
	});
	afterAll(async () => {
		await closeDatabase().catch(() => {});
		await current?.drop().catch(() => {});
	});
	return {
		handle: () => {
			if (!current) throw new Error('database not ready: call inside a test');
			return current.handle;
		},
		/** The test database's URL on a PostgreSQL server; undefined on the embedded database. */
		url: () => current?.url
	};
}
