import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';
import { usePreparedStatements } from './pglite-prepared';

// Always on an embedded database of its own: the prepared path exists only there.
let client: PGlite;
let unprepared: <T>(text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<T>>;
let prepared: { size(): number };

const preparedCount = async () => (await client.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements')).rows[0]!.n;

beforeAll(async () => {
	client = await PGlite.create('memory://');
	unprepared = client.query.bind(client);
	prepared = usePreparedStatements(client, { limit: 8 });
	await client.exec(`
		create table t (id serial primary key, name text not null unique, tags text[], doc jsonb, at timestamptz, ok boolean, n numeric, data bytea, owner uuid);
		create role reader nologin;
		grant select on t to reader;
		alter table t enable row level security;
		create policy own on t for select to reader using (owner = (select nullif(current_setting('app.user', true), '')::uuid));
	`);
});
afterAll(() => client.close());

const alice = '00000000-0000-4000-8000-00000000000a';
const bob = '00000000-0000-4000-8000-00000000000b';

describe('prepared statements on the embedded database', () => {
	it('answers exactly as PGlite does, for every kind of value in and out, in both row modes', async () => {
		const insert = 'insert into t (name, tags, doc, at, ok, n, data, owner) values ($1, $2, $3, $4, $5, $6, $7, $8) returning *';
		const at = new Date('2026-11-29T12:00:00Z');
		const inserted = await client.query(insert, ['a', ['x', 'y,z', '"q"'], { k: [1, 'två'] }, at, true, '12.50', new Uint8Array([0, 255]), alice]);
		await client.query(insert, ['b', null, null, null, false, null, null, bob]);
		expect(inserted.rows[0]).toMatchObject({ name: 'a', tags: ['x', 'y,z', '"q"'], doc: { k: [1, 'två'] }, at, ok: true, n: '12.50', owner: alice });
		expect(inserted.affectedRows).toBe(1);

		const select = 'select * from t where id = any($1) order by id';
		for (const options of [undefined, { rowMode: 'array' } as const]) {
			const mine = await client.query(select, [[1, 2]], options);
			const theirs = await unprepared(select, [[1, 2]], options);
			expect(mine.rows).toEqual(theirs.rows);
			expect(mine.fields).toEqual(theirs.fields);
		}
	});

	it('prepares a statement once and reuses it', async () => {
		const before = await preparedCount();
		for (let i = 0; i < 20; i++) expect((await client.query<{ v: number }>('select $1::int + 1 as v', [i])).rows[0]!.v).toBe(i + 1);
		expect(await preparedCount()).toBe(before + 1);
	});

	it('keeps one user from another: the same statement, prepared once, sees only the rows of whoever runs it', async () => {
		const mine = 'select name from t order by name';
		const as = (user: string) =>
			client.transaction(async (tx) => {
				await tx.query(`select set_config('app.user', $1, true), set_config('role', 'reader', true)`, [user]);
				return (await tx.query<{ name: string }>(mine)).rows.map((r) => r.name);
			});
		for (let round = 0; round < 7; round++) {
			// past PostgreSQL's five custom plans, so a generic plan is in play too
			expect(await as(alice)).toEqual(['a']);
			expect(await as(bob)).toEqual(['b']);
		}
		expect((await client.query<{ name: string }>(mine)).rows.map((r) => r.name)).toEqual(['a', 'b']);
	});

	it("rejects with the database's error and code, and the next statement runs", async () => {
		await expect(client.query('insert into t (name) values ($1)', ['a'])).rejects.toMatchObject({ code: '23505' });
		await expect(client.query('select nope from t')).rejects.toMatchObject({ code: '42703' });
		expect((await client.query<{ v: number }>('select $1::int as v', [7])).rows).toEqual([{ v: 7 }]);
	});

	it('rolls a transaction back when a statement in it fails', async () => {
		await expect(
			client.transaction(async (tx) => {
				await tx.query('insert into t (name) values ($1)', ['c']);
				await tx.query('insert into t (name) values ($1)', ['a']);
			})
		).rejects.toMatchObject({ code: '23505' });
		expect((await client.query('select 1 from t where name = $1', ['c'])).rows).toEqual([]);
	});

	it('keeps no more statements than its bound, closing the least recently used', async () => {
		for (let i = 0; i < 20; i++) await client.query(`select $1::int as v${i}`, [i]);
		expect(prepared.size()).toBe(8);
		expect(await preparedCount()).toBe(8);
	});

	it('prepares again when the table under a statement changes shape', async () => {
		const all = 'select * from t where name = $1';
		expect(Object.keys((await client.query(all, ['a'])).rows[0]!)).not.toContain('extra');
		await client.exec('alter table t add column extra text');
		expect(Object.keys((await client.query(all, ['a'])).rows[0]!)).toContain('extra');
	});

	it('leaves utility statements and savepoints to PGlite', async () => {
		await client.transaction(async (tx) => {
			await tx.query('savepoint s1');
			await tx.query('insert into t (name) values ($1)', ['d']);
			await tx.query('rollback to savepoint s1');
		});
		expect((await client.query('select 1 from t where name = $1', ['d'])).rows).toEqual([]);
	});
});
