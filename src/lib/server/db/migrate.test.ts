import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { GET as healthz } from '../../../routes/healthz/+server';
import { createTestDatabase } from '../testing/database';
import { closeDatabase, useDatabase, type DatabaseHandle } from './client';
import { migrateDatabase, migrationsFolder, migrationStatus, readMigrations } from './migrate';
import { rowsOf } from './rows';

// Each test starts from an empty database (PGlite, or one created on TEST_DATABASE_URL's server).
type Fresh = Awaited<ReturnType<typeof createTestDatabase>>;
const opened: Fresh[] = [];
async function emptyDatabase(): Promise<DatabaseHandle> {
	const fresh = await createTestDatabase({ migrate: false });
	opened.push(fresh);
	useDatabase(fresh.handle); // what /healthz reads
	return fresh.handle;
}
afterAll(async () => {
	await closeDatabase().catch(() => {});
	for (const fresh of opened) await fresh.drop().catch(() => {});
});

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * What `supabase db push` does: create its history table, then apply, in file-name order, every
 * `<version>_<name>.sql` whose version it lacks, each file and its history row in one transaction.
 * Returns the versions it applied.
 */
async function supabaseDbPush(handle: DatabaseHandle, { only }: { only?: number } = {}): Promise<string[]> {
	await handle.exec(`create schema if not exists supabase_migrations;
		create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
		alter table supabase_migrations.schema_migrations add column if not exists statements text[];
		alter table supabase_migrations.schema_migrations add column if not exists name text;`);
	const recorded = new Set(
		rowsOf<{ version: string }>(await handle.db.execute(sql`select version from supabase_migrations.schema_migrations`)).map((r) => r.version)
	);
	const files = readdirSync(migrationsFolder)
		.filter((file) => /^[0-9]+_.*\.sql$/.test(file))
		.sort()
		.slice(0, only);
	const applied: string[] = [];
	for (const file of files) {
		const [, version, name] = /^([0-9]+)_(.*)\.sql$/.exec(file)!;
		if (recorded.has(version!)) continue;
		const text = readFileSync(resolve(migrationsFolder, file), 'utf8');
		const statements = text.split('--> statement-breakpoint').map((s) => s.trim());
		// One simple-protocol message with several statements runs as one implicit transaction, as the CLI's batch does.
		await handle.exec(`${text};
insert into supabase_migrations.schema_migrations (version, name, statements) values (${quote(version!)}, ${quote(name!)}, array[${statements.map(quote).join(', ')}]::text[]);`);
		applied.push(version!);
	}
	return applied;
}

async function health(): Promise<{ status: number; body: { migrations: string } }> {
	const response = await healthz({} as Parameters<typeof healthz>[0]);
	return { status: response.status, body: await response.json() };
}

async function drizzleHistory(handle: DatabaseHandle): Promise<number[]> {
	const rows = rowsOf<{ created_at: string }>(await handle.db.execute(sql`select created_at::text from drizzle.__drizzle_migrations order by created_at`));
	return rows.map((r) => Number(r.created_at));
}

async function supabaseHistory(handle: DatabaseHandle): Promise<string[]> {
	const rows = rowsOf<{ version: string }>(await handle.db.execute(sql`select version from supabase_migrations.schema_migrations order by version`));
	return rows.map((r) => r.version);
}

/** Every table, index, policy, trigger and function the migrations made: what a second run would duplicate. */
async function schemaObjects(handle: DatabaseHandle): Promise<string[]> {
	const rows = rowsOf<{ object: string }>(
		await handle.db.execute(sql`
			select 'table ' || schemaname || '.' || tablename as object from pg_tables where schemaname in ('public', 'app')
			union all select 'index ' || schemaname || '.' || indexname from pg_indexes where schemaname in ('public', 'app')
			union all select 'policy ' || tablename || '.' || policyname from pg_policies where schemaname in ('public', 'app')
			union all select 'trigger ' || tgrelid::regclass::text || '.' || tgname from pg_trigger where not tgisinternal
			union all select 'function ' || oid::regprocedure::text from pg_proc where pronamespace in ('public'::regnamespace, 'app'::regnamespace)
			union all select 'constraint ' || conrelid::regclass::text || '.' || conname from pg_constraint where connamespace = 'public'::regnamespace`)
	);
	return rows.map((r) => r.object).sort();
}

const migrations = readMigrations();
let reference: string[];

beforeAll(async () => {
	const migrated = await createTestDatabase();
	opened.push(migrated);
	reference = await schemaObjects(migrated.handle);
	expect(reference.length).toBeGreaterThan(50);
});

describe('supabase db push, then npm run db:migrate', () => {
	it('reports the migrations current and applies nothing twice', async () => {
		const handle = await emptyDatabase();
		expect(await supabaseDbPush(handle)).toEqual(migrations.map((m) => m.version));

		expect(await health()).toEqual({ status: 200, body: expect.objectContaining({ migrations: 'current' }) });
		await migrateDatabase(handle);
		await migrateDatabase(handle);

		expect(await drizzleHistory(handle)).toEqual(migrations.map((m) => m.when));
		const hashes = rowsOf<{ hash: string }>(await handle.db.execute(sql`select hash from drizzle.__drizzle_migrations order by created_at`));
		expect(hashes.map((r) => r.hash)).toEqual(migrations.map((m) => m.hash));
		expect(await supabaseHistory(handle)).toEqual(migrations.map((m) => m.version));
		expect(await schemaObjects(handle)).toEqual(reference);
		expect(await health()).toMatchObject({ status: 200, body: { migrations: 'current' } });
	});

	it('applies only what a partial push left out, and records it for the next push', async () => {
		const handle = await emptyDatabase();
		await supabaseDbPush(handle, { only: 1 });
		expect(await health()).toMatchObject({ status: 503, body: { migrations: 'pending' } });
		expect((await migrationStatus(handle)).pending).toEqual(migrations.slice(1).map((m) => m.tag));

		await migrateDatabase(handle);

		expect(await drizzleHistory(handle)).toEqual(migrations.map((m) => m.when));
		expect(await supabaseHistory(handle)).toEqual(migrations.map((m) => m.version));
		expect(await schemaObjects(handle)).toEqual(reference);
		expect(await supabaseDbPush(handle)).toEqual([]);
	});
});

describe('npm run db:migrate, then supabase db push', () => {
	it("records Drizzle's migrations in Supabase's history, so the push applies nothing", async () => {
		const handle = await emptyDatabase();
		// A project the Supabase CLI has been linked to and pushed to before: its history schema exists.
		await handle.exec('create schema supabase_migrations');
		await migrateDatabase(handle);

		expect(await supabaseHistory(handle)).toEqual(migrations.map((m) => m.version));
		expect(await supabaseDbPush(handle)).toEqual([]);
		expect(await schemaObjects(handle)).toEqual(reference);
		expect(await health()).toMatchObject({ status: 200, body: { migrations: 'current' } });
	});

	it("fills Supabase's history in on the next run when its schema appears later", async () => {
		const handle = await emptyDatabase();
		await migrateDatabase(handle);
		expect(await migrationStatus(handle)).toEqual({ known: migrations.length, applied: migrations.length, pending: [] });

		await handle.exec('create schema supabase_migrations');
		await migrateDatabase(handle);

		expect(await supabaseDbPush(handle)).toEqual([]);
		expect(await drizzleHistory(handle)).toEqual(migrations.map((m) => m.when));
	});
});

describe('histories that disagree', () => {
	it('refuses to migrate past a migration neither history records, and /healthz says pending', async () => {
		const handle = await emptyDatabase();
		await supabaseDbPush(handle, { only: 0 });
		// A later migration recorded by hand (e.g. `supabase migration repair`) while the first never ran.
		const later = migrations[1]!;
		await handle.db.execute(sql`insert into supabase_migrations.schema_migrations (version, name) values (${later.version}, ${later.name})`);

		await expect(migrateDatabase(handle)).rejects.toThrow(`Migration ${migrations[0]!.tag} is not applied, but the later ${later.tag} is`);
		expect(await health()).toMatchObject({ status: 503, body: { migrations: 'pending' } });
	});

	it('says pending on an empty database', async () => {
		await emptyDatabase();
		expect(await health()).toMatchObject({ status: 503, body: { migrations: 'pending' } });
	});
});
