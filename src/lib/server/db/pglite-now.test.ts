import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from './client';
import { errorIn } from './pglite-now';
import { firstRow, rowsOf } from './rows';

// Always on an embedded database of its own: the synchronous path exists only there.
let handle: DatabaseHandle;
const insert = { name: 'test_insert', text: 'insert into t (name, data) values ($1, $2::bytea)' };
const count = async () => firstRow<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from t`))!.n;

beforeAll(async () => {
	handle = await openDatabase({ dataDir: 'memory://' });
	await handle.exec("create table t (id serial primary key, name text not null check (name <> ''), data bytea)");
});
afterAll(() => handle.close());

describe('synchronous statements on the embedded database', () => {
	it('runs at once when the database is idle, with text and binary parameters', async () => {
		expect(handle.runNow!(insert, ['a', new Uint8Array([0, 1, 255])])).toBe(true);
		expect(handle.runNow!(insert, ['b', null])).toBe(true);
		const rows = rowsOf<{ name: string; hex: string | null }>(await handle.db.execute(sql`select name, encode(data, 'hex') as hex from t order by id`));
		expect(rows).toEqual([
			{ name: 'a', hex: '0001ff' },
			{ name: 'b', hex: null }
		]);
	});

	it('declines inside an open transaction, and writes nothing then', async () => {
		const before = await count();
		let insideTransaction: boolean | undefined;
		await handle.db.transaction(async (tx) => {
			await tx.execute(sql`select 1`);
			insideTransaction = handle.runNow!(insert, ['inside a transaction', null]);
		});
		expect(insideTransaction).toBe(false);
		expect(await count()).toBe(before);
	});

	it('never interleaves with queries under way: each gets its own answer, and every accepted insert is stored', async () => {
		const before = await count();
		let done = false;
		const answers = Promise.all(
			Array.from({ length: 150 }, (_, i) => handle.db.execute(sql`select ${i}::int as v`).then((r) => firstRow<{ v: number }>(r)!.v))
		).finally(() => {
			done = true;
		});
		let accepted = 0;
		let declined = 0;
		for (let turn = 0; !done; turn++) {
			if (handle.runNow!(insert, [`turn ${turn}`, null])) accepted++;
			else declined++;
			// try between microtasks as well as between turns of the event loop
			await (turn % 3 === 0 ? new Promise((resolve) => setImmediate(resolve)) : Promise.resolve());
		}
		expect(await answers).toEqual(Array.from({ length: 150 }, (_, i) => i));
		expect(declined).toBeGreaterThan(0);
		expect(await count()).toBe(before + accepted);
	});

	it("throws the database's error and leaves the database usable", async () => {
		const before = await count();
		expect(() => handle.runNow!(insert, ['', null])).toThrow(/check constraint/);
		expect(await count()).toBe(before);
		expect(handle.runNow!(insert, ['fine', null])).toBe(true);
	});

	it('reads an ErrorResponse out of a backend reply', () => {
		const fields = new TextEncoder().encode('SERROR\0C23505\0Mduplicate key\0\0');
		const reply = new Uint8Array(5 + fields.length);
		reply[0] = 0x45;
		new DataView(reply.buffer).setInt32(1, 4 + fields.length);
		reply.set(fields, 5);
		expect(errorIn(reply)).toMatchObject({ message: 'duplicate key', code: '23505' });
		expect(errorIn(new Uint8Array([0x5a, 0, 0, 0, 5, 0x49]))).toBeNull();
	});
});
