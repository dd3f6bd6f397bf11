import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { DatabaseHandle, Transaction } from './client';
import { firstRow, rowsOf } from './rows';

/*
 * Two tools may apply supabase/migrations, and each keeps its own history:
 * - `npm run db:migrate` (Drizzle's migrator): `drizzle.__drizzle_migrations (hash, created_at)`, where
 *   created_at is the journal's `when`; Drizzle applies every migration newer than the newest row.
 * - `supabase db push`: `supabase_migrations.schema_migrations (version, name, statements)`, where
 *   version is the file name's timestamp prefix; it applies every file whose version is missing.
 * A migration recorded by either has been applied. Before and after migrating, each history is given
 * the other's rows, so neither tool applies anything twice, whichever ran first.
 */

/** Where the one SQL history lives; the same files `supabase db push` applies. */
export const migrationsFolder = resolve(process.env.MIGRATIONS_DIR ?? 'supabase/migrations');

/** One migration as both tools see it. */
export interface Migration {
	/** File name without `.sql`, e.g. `20261123093612_platform_and_accounts`. */
	tag: string;
	/** Supabase's version: the file name's timestamp prefix. */
	version: string;
	/** Supabase's name: the rest of the file name. */
	name: string;
	/** Drizzle's `created_at`: the journal's `when`. */
	when: number;
	/** Drizzle's hash: SHA-256 of the file. */
	hash: string;
	statements: string[];
}

/** The migrations in journal order, with what each history records about them. */
export function readMigrations(): Migration[] {
	const journal = JSON.parse(readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
		entries: { tag: string; when: number }[];
	};
	// Drizzle's own reader, so that hashes and statements are exactly what its migrator records.
	const files = readMigrationFiles({ migrationsFolder });
	return journal.entries.map((entry, index) => {
		const match = /^([0-9]+)_(.*)$/.exec(entry.tag);
		if (!match) throw new Error(`Migration ${entry.tag} does not start with a timestamp, so supabase db push would skip it.`);
		const file = files[index]!;
		return {
			tag: entry.tag,
			version: match[1]!,
			name: match[2]!,
			when: entry.when,
			hash: file.hash,
			statements: file.sql.map((statement) => statement.trim()).filter(Boolean)
		};
	});
}

type Executor = Pick<DatabaseHandle['db'], 'execute'> | Transaction;

interface Histories {
	/** Drizzle's `created_at` values; empty when its table does not exist. */
	drizzle: Set<number>;
	/** Supabase's versions; null when the schema `supabase_migrations` does not exist. */
	supabase: Set<string> | null;
}

async function readHistories(db: Executor): Promise<Histories> {
	const present = firstRow<{ drizzle: boolean; supabase_schema: boolean; supabase_table: boolean }>(
		await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as drizzle,
			exists (select from pg_namespace where nspname = 'supabase_migrations') as supabase_schema,
			to_regclass('supabase_migrations.schema_migrations') is not null as supabase_table`)
	)!;
	const drizzle = present.drizzle
		? new Set(rowsOf<{ created_at: string }>(await db.execute(sql`select created_at::text from drizzle.__drizzle_migrations`)).map((r) => Number(r.created_at)))
		: new Set<number>();
	let supabase: Set<string> | null = null;
	if (present.supabase_table) {
		supabase = new Set(rowsOf<{ version: string }>(await db.execute(sql`select version from supabase_migrations.schema_migrations`)).map((r) => r.version));
	} else if (present.supabase_schema) {
		supabase = new Set();
	}
	return { drizzle, supabase };
}

function isApplied(migration: Migration, histories: Histories): boolean {
	return histories.drizzle.has(migration.when) || (histories.supabase?.has(migration.version) ?? false);
}

/** How many migrations the code knows, how many either history records, and which are still to apply. */
export async function migrationStatus(handle: DatabaseHandle): Promise<{ known: number; applied: number; pending: string[] }> {
	const migrations = readMigrations();
	const histories = await readHistories(handle.db);
	const pending = migrations.filter((m) => !isApplied(m, histories)).map((m) => m.tag);
	return { known: migrations.length, applied: migrations.length - pending.length, pending };
}

/**
 * Gives each history the migrations the other one records: Drizzle's rows for what `supabase db push`
 * applied, and Supabase's rows for what Drizzle applied (when the schema `supabase_migrations` exists,
 * i.e. the Supabase CLI has been or will be used; its table is created as the CLI creates it).
 */
export async function reconcileMigrationHistories(handle: DatabaseHandle): Promise<void> {
	const migrations = readMigrations();
	await handle.db.transaction(async (tx) => {
		// Two processes migrating at once would otherwise both insert the missing rows.
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext('samsyn.migration_histories'))`);
		const histories = await readHistories(tx);
		const applied = migrations.filter((m) => isApplied(m, histories));
		// Drizzle only compares against its newest row: an unapplied migration older than an applied one
		// would be skipped silently, leaving the schema without it.
		const gap = migrations.findIndex((m) => !isApplied(m, histories));
		const later = migrations.findLastIndex((m) => isApplied(m, histories));
		if (gap !== -1 && gap < later) {
			throw new Error(
				`Migration ${migrations[gap]!.tag} is not applied, but the later ${migrations[later]!.tag} is. Apply it by hand (or remove the later record) before migrating.`
			);
		}
		const forDrizzle = applied.filter((m) => !histories.drizzle.has(m.when));
		if (forDrizzle.length > 0) {
			// The same table Drizzle's migrator creates, so it finds these rows and starts after them.
			await tx.execute(sql`create schema if not exists drizzle`);
			await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`);
			for (const m of forDrizzle) {
				await tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.when})`);
			}
		}
		if (histories.supabase) {
			await tx.execute(sql`create table if not exists supabase_migrations.schema_migrations (version text not null primary key, statements text[], name text)`);
			for (const m of applied.filter((m) => !histories.supabase!.has(m.version))) {
				// Statements as JSON: drivers disagree on how to send a JavaScript array as text[].
				await tx.execute(sql`insert into supabase_migrations.schema_migrations (version, name, statements)
					values (${m.version}, ${m.name}, array(select jsonb_array_elements_text(${JSON.stringify(m.statements)}::jsonb)))
					on conflict (version) do nothing`);
			}
		}
	});
}

/** Applies every migration in supabase/migrations that neither Drizzle's nor Supabase's history records. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
	await reconcileMigrationHistories(handle);
	if (handle.kind === 'pglite') {
		await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
	} else {
		await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
	}
	// What Drizzle just applied goes into Supabase's history too, so a later `supabase db push` skips it.
	await reconcileMigrationHistories(handle);
}
