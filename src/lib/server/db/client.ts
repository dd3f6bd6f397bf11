import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import postgres from 'postgres';
import { config } from '../config';
import { synchronousRunner } from './pglite-now';
import { usePreparedStatements } from './pglite-prepared';

// No relational schema is handed to Drizzle: Samsyn writes its queries with the query builder and
// never uses `db.query.<table>`, and with a schema every transaction builds a relational query
// builder for each of the ~100 tables (measured: 2–3 % of a list page's CPU on PostgreSQL).
export type Database = PgDatabase<PgQueryResultHKT>;
export type Transaction = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
export type Notification = (payload: string) => void;

/** An open database: Drizzle on top, and the driver's LISTEN underneath. */
export interface DatabaseHandle {
	kind: 'pglite' | 'postgres';
	db: Database;
	/** Subscribe to a NOTIFY channel; resolves to an unsubscribe function. */
	listen(channel: string, onNotify: Notification): Promise<() => Promise<void>>;
	/** Run SQL with several statements and no parameters (migrations, test setup). */
	exec(sqlText: string): Promise<void>;
	/**
	 * Run one parameterised statement whose result is not needed, straight on the driver: for the
	 * co-editing log's insert, which every keystroke waits for (no query builder on that path).
	 */
	run(sqlText: string, params: unknown[]): Promise<void>;
	/**
	 * Embedded database only: runs one prepared statement synchronously, in the caller's turn of the
	 * event loop, when nothing else is using the database at this moment (no query in flight, no
	 * transaction open). Returns false, having done nothing, when it cannot; throws the database's
	 * error when the statement fails. See `pglite-now.ts`.
	 */
	runNow?(statement: PreparedStatement, params: unknown[]): boolean;
	close(): Promise<void>;
}

/** A statement prepared once per connection under `name`. */
export interface PreparedStatement {
	name: string;
	text: string;
}

export interface OpenOptions {
	/** postgres:// URL; without it an embedded PGlite is used. */
	url?: string;
	listenUrl?: string;
	/** PGlite data directory; `memory://` keeps it in memory. */
	dataDir?: string;
}

/** Opens a database: PostgreSQL when a URL is given, otherwise an embedded PGlite. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
	if (options.url) return openPostgres(options.url, options.listenUrl);
	return openPglite(options.dataDir ?? 'memory://');
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
	if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
	const client = await PGlite.create(dataDir);
	usePreparedStatements(client); // before synchronousRunner, which counts the calls it installs
	const now = synchronousRunner(client);
	const db = drizzlePglite(client) as unknown as Database;
	return {
		kind: 'pglite',
		db,
		runNow: now,
		async listen(channel, onNotify) {
			const unlisten = await client.listen(channel, onNotify);
			return async () => unlisten();
		},
		async exec(sqlText) {
			await client.exec(sqlText);
		},
		async run(sqlText, params) {
			await client.query(sqlText, params);
		},
		async close() {
			if (!client.closed) await client.close();
		}
	};
}

async function openPostgres(url: string, listenUrl?: string): Promise<DatabaseHandle> {
	// Supabase's transaction pooler (port 6543) cannot hold prepared statements.
	const pooled = /:6543\b|pgbouncer=true/.test(url);
	const options = { max: 10, prepare: !pooled, onnotice: () => {}, connection: { application_name: 'samsyn' } };
	const client = postgres(url, options);
	const listener = listenUrl ? postgres(listenUrl, { ...options, max: 1 }) : client;
	const db = drizzlePostgres(pooled ? client : preparing(client)) as unknown as Database;
	return {
		kind: 'postgres',
		db,
		async listen(channel, onNotify) {
			const subscription = await listener.listen(channel, onNotify);
			return () => subscription.unlisten();
		},
		async exec(sqlText) {
			await client.unsafe(sqlText).simple();
		},
		async run(sqlText, params) {
			await client.unsafe(sqlText, params as postgres.ParameterOrJSON<never>[]);
		},
		async close() {
			await client.end({ timeout: 5 });
			if (listener !== client) await listener.end({ timeout: 5 });
		}
	};
}

/**
 * The postgres.js client with every query Drizzle sends prepared. Drizzle sends its queries
 * unprepared, and postgres.js then asks the server to describe each parameterised statement before
 * binding it: two round trips per query, on every request (measured: 26 socket writes for one list
 * page). Prepared, a statement is described once per connection and then only bound: one round
 * trip. (Not through Supabase's transaction pooler, which cannot keep prepared statements.)
 */
function preparing(sql: postgres.Sql): postgres.Sql {
	return new Proxy(sql, {
		get(target, property, receiver) {
			if (property === 'unsafe') {
				return (query: string, parameters?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
					target.unsafe(query, parameters, { ...options, prepare: true });
			}
			if (property === 'begin') {
				return (...args: unknown[]) => {
					const work = args.pop() as (inner: postgres.TransactionSql) => unknown;
					return (target.begin as (...a: unknown[]) => unknown)(...args, (inner: postgres.TransactionSql) =>
						work(preparing(inner as unknown as postgres.Sql) as unknown as postgres.TransactionSql)
					);
				};
			}
			return Reflect.get(target, property, receiver);
		}
	});
}

// One handle per process. Kept on globalThis so Vite's dev server, which can evaluate this module
// more than once, still shares a single PGlite (two on one data directory would corrupt it).
const holder = globalThis as typeof globalThis & { __samsynDatabase?: Promise<DatabaseHandle>; __samsynOpened?: DatabaseHandle };

/** The process's database, opened from the environment on first use. */
export function database(): Promise<DatabaseHandle> {
	if (!holder.__samsynDatabase) {
		const opening = openDatabase({
			url: config().DATABASE_URL,
			listenUrl: config().DATABASE_LISTEN_URL,
			dataDir: config().PGLITE_DIR
		});
		holder.__samsynDatabase = opening;
		void opening.then(
			(handle) => {
				if (holder.__samsynDatabase === opening) holder.__samsynOpened = handle;
			},
			() => {}
		);
	}
	return holder.__samsynDatabase;
}

/** Replaces the process's database (tests open a fresh one per file). */
export function useDatabase(handle: DatabaseHandle): void {
	holder.__samsynDatabase = Promise.resolve(handle);
	holder.__samsynOpened = handle;
}

/** The process's database if it is open already: for code that must not wait (the co-editing fast path). */
export function openedDatabase(): DatabaseHandle | undefined {
	return holder.__samsynOpened;
}

/** Closes the process's database, if one was opened. */
export async function closeDatabase(): Promise<void> {
	const current = holder.__samsynDatabase;
	holder.__samsynDatabase = undefined;
	holder.__samsynOpened = undefined;
	if (current) await (await current).close();
}
