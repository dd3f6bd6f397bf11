import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PGlite, protocol } from '@electric-sql/pglite';
import { openDatabase, type DatabaseHandle } from './client';
import { entryPoints, errorIn } from './pglite-now';
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

/*
 * pglite-now.ts leans on PGlite's inside: which methods reach the backend, that each returns a promise,
 * that execProtocolRawSync answers a whole exchange at once, and isInTransaction. These tests pin that
 * down for the installed version, so an upgrade that changes any of it fails here, not in production.
 */
describe('the PGlite that pglite-now.ts was written against', () => {
	// What each method expects, as in @electric-sql/pglite 0.5.16.
	const arity: Record<string, number> = {
		query: 3,
		exec: 2,
		transaction: 1,
		listen: 3,
		unlisten: 3,
		describeQuery: 2,
		runExclusive: 1,
		execProtocol: 1,
		execProtocolRaw: 1,
		execProtocolStream: 1,
		execProtocolRawStream: 2,
		sql: 1,
		execProtocolRawSync: 1,
		isInTransaction: 0
	};
	// Methods that are not counted, and why that is safe: each either reaches the backend only through a
	// counted method, or never exchanges protocol messages. A method not listed here or in entryPoints
	// fails the test below until someone has read it and put it in one list or the other.
	const notCounted = [
		'_checkReady', // waits for start-up
		'_cleanupBlob',
		'_getWrittenBlob',
		'_handleBlob', // COPY blobs, inside a counted query
		'_initArrayTypes', // runs this.query
		'refreshArrayTypes', // runs this._initArrayTypes
		'_runExclusiveListen',
		'_runExclusiveQuery',
		'_runExclusiveTransaction', // the mutexes a counted method takes
		'callMain',
		'copyToFS',
		'handleExternalCmd', // Emscripten plumbing
		'clone',
		'dumpDataDir', // copies files under the query mutex, sends nothing
		'close', // then `closed` is true and the runner declines
		'syncToFs', // flushes files after a counted query
		'onNotification',
		'offNotification', // callbacks only
		'execProtocolRawSync',
		'isInTransaction' // what the runner itself uses
	];
	let raw: PGlite;
	beforeAll(async () => {
		raw = await PGlite.create('memory://');
	});
	afterAll(() => raw.close());

	const methods = () => {
		const found = new Map<string, (...args: unknown[]) => unknown>();
		for (let proto = Object.getPrototypeOf(raw); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
			for (const name of Object.getOwnPropertyNames(proto)) {
				const value = Object.getOwnPropertyDescriptor(proto, name)?.value;
				if (name !== 'constructor' && typeof value === 'function' && !found.has(name)) found.set(name, value);
			}
		}
		return found;
	};

	it('is pinned exactly, to the version installed', () => {
		const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
		const installed = JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')) as { version: string };
		expect(manifest.dependencies['@electric-sql/pglite']).toBe('0.5.16');
		expect(installed.version).toBe('0.5.16');
	});

	it('has every method the runner counts or calls, taking the same arguments', () => {
		const found = methods();
		for (const name of [...entryPoints, 'execProtocolRawSync', 'isInTransaction']) {
			expect(found.get(name), name).toBeTypeOf('function');
			expect(found.get(name)!.length, name).toBe(arity[name]);
		}
		expect(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(raw), 'closed')?.get).toBeTypeOf('function');
	});

	it('has no method that could reach the backend without being counted', () => {
		const unknown = [...methods().keys()].filter((name) => !(entryPoints as readonly string[]).includes(name) && !notCounted.includes(name));
		expect(unknown).toEqual([]);
	});

	it('answers each counted call with a promise, so the count lasts until the query is done', async () => {
		const pending = [raw.query('select 1'), raw.exec('select 1'), raw.sql`select 1`, raw.describeQuery('select 1'), raw.transaction(async () => 1)];
		for (const call of pending) expect(call).toBeInstanceOf(Promise);
		await Promise.all(pending);
	});

	it('runs a whole Parse, Bind and Execute exchange synchronously and says when a transaction is open', async () => {
		const { serialize } = protocol;
		const kinds = (reply: Uint8Array) => {
			const view = new DataView(reply.buffer, reply.byteOffset, reply.byteLength);
			const out: string[] = [];
			for (let at = 0; at < reply.length; at += 1 + view.getInt32(at + 1)) out.push(String.fromCharCode(reply[at]!));
			return out.join('');
		};
		await raw.exec('create table contract (n int)');
		const parsed = raw.execProtocolRawSync(
			new Uint8Array([...serialize.parse({ name: 'contract_insert', text: 'insert into contract values ($1)', types: [] }), ...serialize.sync()])
		);
		expect(parsed).toBeInstanceOf(Uint8Array);
		expect(kinds(parsed)).toBe('1Z'); // ParseComplete, ReadyForQuery
		const executed = raw.execProtocolRawSync(
			new Uint8Array([...serialize.bind({ statement: 'contract_insert', values: ['7'] }), ...serialize.execute(), ...serialize.sync()])
		);
		expect(kinds(executed)).toBe('2CZ'); // BindComplete, CommandComplete, ReadyForQuery
		expect(new TextDecoder().decode(executed)).toContain('INSERT 0 1');
		expect((await raw.query<{ n: number }>('select n from contract')).rows).toEqual([{ n: 7 }]);

		expect(raw.isInTransaction()).toBe(false);
		await raw.transaction(async (tx) => {
			await tx.query('select 1');
			expect(raw.isInTransaction()).toBe(true);
		});
		expect(raw.isInTransaction()).toBe(false);
	});
});
