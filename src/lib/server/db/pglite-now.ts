import { protocol, type PGlite } from '@electric-sql/pglite';
import type { PreparedStatement } from './client';

/*
 * Synchronous statements on the embedded database, for the one path where a turn of the event loop
 * matters: a co-editing update is stored before it is broadcast, and every keystroke waits for it.
 * PGlite runs each protocol exchange synchronously inside WebAssembly; its async API adds mutexes,
 * microtask hops and result parsing around that. When no query or transaction is in flight, the
 * backend is idle between statements and a complete Bind/Execute/Sync exchange can run at once.
 *
 * Safety rests on two checks made in the same synchronous turn as the statement:
 * - `inFlight`: every public entry point of the client is counted while its promise is pending, so a
 *   query that has sent its Parse but not yet its Bind (PGlite awaits in between) is never
 *   interleaved with;
 * - `isInTransaction()`: a transaction's statements are never joined by ours.
 * Statements are named (never the unnamed statement a pending query may own), prepared once.
 * Both checks lean on how PGlite works inside, so `@electric-sql/pglite` is pinned exactly and
 * `pglite-now.test.ts` fails when the methods relied on change: re-read them before upgrading.
 */

/** Every public method through which a query can reach the backend: each is counted while pending. */
export const entryPoints = [
	'query',
	'exec',
	'transaction',
	'listen',
	'unlisten',
	'describeQuery',
	'runExclusive',
	'execProtocol',
	'execProtocolRaw',
	'execProtocolStream',
	'execProtocolRawStream',
	'sql'
] as const;

const ERROR_RESPONSE = 0x45; // 'E'

/** The first ErrorResponse in a backend reply, as an Error (code, constraint, detail as PGlite names them); null when there is none. */
export function errorIn(reply: Uint8Array): Error | null {
	const view = new DataView(reply.buffer, reply.byteOffset, reply.byteLength);
	for (let at = 0; at + 5 <= reply.length; at += 1 + view.getInt32(at + 1)) {
		if (reply[at] !== ERROR_RESPONSE) continue;
		const fields: Record<string, string> = {};
		let p = at + 5;
		const end = at + 1 + view.getInt32(at + 1);
		while (p < end && reply[p] !== 0) {
			const code = String.fromCharCode(reply[p]!);
			const stop = reply.indexOf(0, p + 1);
			fields[code] = new TextDecoder().decode(reply.subarray(p + 1, stop));
			p = stop + 1;
		}
		const error = new Error(fields.M ?? 'database error') as Error & { code?: string; constraint?: string; detail?: string };
		error.code = fields.C;
		if (fields.n) error.constraint = fields.n;
		if (fields.D) error.detail = fields.D;
		return error;
	}
	return null;
}

/** Protocol messages as one buffer, to send in one crossing. */
export function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** Counts the client's pending calls and returns its synchronous runner. */
export function synchronousRunner(client: PGlite): (statement: PreparedStatement, params: unknown[]) => boolean {
	let inFlight = 0;
	const target = client as unknown as Record<string, unknown>;
	for (const name of entryPoints) {
		const original = target[name];
		if (typeof original !== 'function') continue;
		const bound = (original as (...args: unknown[]) => unknown).bind(client);
		target[name] = (...args: unknown[]) => {
			inFlight++;
			let result: unknown;
			try {
				result = bound(...args);
			} catch (error) {
				inFlight--;
				throw error;
			}
			if (result instanceof Promise) {
				return result.finally(() => {
					inFlight--;
				});
			}
			inFlight--;
			return result;
		};
	}
	const prepared = new Set<string>();
	const { serialize } = protocol;

	return (statement, params) => {
		if (client.closed || inFlight > 0 || client.isInTransaction()) return false;
		if (!prepared.has(statement.name)) {
			const error = errorIn(client.execProtocolRawSync(concat([serialize.parse({ name: statement.name, text: statement.text, types: [] }), serialize.sync()])));
			if (error) throw error;
			prepared.add(statement.name);
		}
		const values = params.map((value) =>
			value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value
		);
		const reply = client.execProtocolRawSync(
			concat([serialize.bind({ statement: statement.name, values: values as (string | Buffer | null)[] }), serialize.execute(), serialize.sync()])
		);
		const error = errorIn(reply);
		if (error) throw error;
		return true;
	};
}
