import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../testing/database';
import { postgresStore, supabaseStore, CHUNK_BYTES, type AttachmentStore } from './store';

/*
 * The attachment store, the same cases against both backends.
 *
 * PostgreSQL runs for real (PGlite, or TEST_DATABASE_URL). Supabase Storage does NOT: these tests
 * run `@supabase/supabase-js` against a small HTTP server written below that implements only the
 * three Storage API calls Samsyn makes (upload: POST /object/<bucket>/<key>, download: GET
 * /object/<bucket>/<key>, remove: DELETE /object/<bucket>), as Supabase answers them, and checks the
 * service role key on each. They prove the client is called as documented, not that a real Supabase
 * project behaves the same; that is left to a deployment with a real bucket.
 */

useFreshDatabase();

const SERVICE_KEY = 'service-role-key-for-tests';
const BUCKET = 'attachments';

/** The fake Storage API: objects in memory, stored only once an upload has arrived whole. */
function fakeStorage() {
	const objects = new Map<string, { type: string; bytes: Buffer }>();
	const calls: string[] = [];
	const read = (req: IncomingMessage) =>
		new Promise<Buffer | null>((resolve) => {
			const parts: Buffer[] = [];
			let aborted = false;
			req.on('data', (part: Buffer) => parts.push(part));
			req.on('aborted', () => (aborted = true));
			req.on('error', () => resolve(null));
			req.on('close', () => resolve(aborted || !req.complete ? null : Buffer.concat(parts)));
		});
	const server = createServer(async (req, res) => {
		const json = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		const url = new URL(req.url ?? '/', 'http://localhost');
		calls.push(`${req.method} ${url.pathname}`);
		if (req.headers.authorization !== `Bearer ${SERVICE_KEY}` || req.headers.apikey !== SERVICE_KEY)
			return json(403, { statusCode: '403', error: 'Unauthorized', message: 'invalid key' });
		const match = /^\/storage\/v1\/object\/([^/]+)(?:\/(.+))?$/.exec(url.pathname);
		if (!match || match[1] !== BUCKET) return json(400, { statusCode: '404', error: 'Bucket not found', message: 'Bucket not found' });
		const key = match[2] ? decodeURIComponent(match[2]) : undefined;
		if (req.method === 'POST' && key) {
			const body = await read(req);
			if (body === null) return; // broken off: nothing is kept
			if (objects.has(key) && req.headers['x-upsert'] !== 'true')
				return json(400, { statusCode: '409', error: 'Duplicate', message: 'The resource already exists' });
			objects.set(key, { type: String(req.headers['content-type'] ?? 'application/octet-stream'), bytes: body });
			return json(200, { Key: `${BUCKET}/${key}`, Id: randomUUID() });
		}
		if (req.method === 'GET' && key) {
			const object = objects.get(key);
			// Supabase answers a missing object with 400 and a statusCode of "404" in the body.
			if (!object) return json(400, { statusCode: '404', error: 'not_found', message: 'Object not found' });
			res.writeHead(200, { 'content-type': object.type, 'content-length': object.bytes.byteLength });
			return res.end(object.bytes);
		}
		if (req.method === 'DELETE' && !key) {
			const body = await read(req);
			const { prefixes } = JSON.parse(String(body ?? '{}')) as { prefixes: string[] };
			const removed = prefixes.filter((p) => objects.delete(p)).map((name) => ({ name, bucket_id: BUCKET }));
			return json(200, removed);
		}
		return json(400, { statusCode: '400', error: 'unsupported', message: `${req.method} ${url.pathname} is not a call Samsyn makes` });
	});
	return { server, objects, calls };
}

const streamOf = (bytes: Uint8Array, pieceBytes = 64 * 1024) =>
	new ReadableStream<Uint8Array>({
		start(controller) {
			for (let i = 0; i < bytes.byteLength; i += pieceBytes) controller.enqueue(bytes.subarray(i, i + pieceBytes));
			controller.close();
		}
	});

/** A stream that sends `before` bytes and then fails, as an upload over the limit does. */
const failingAfter = (before: number, failure: Error) => {
	let sent = 0;
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			if (sent >= before) return controller.error(failure);
			const piece = randomBytes(Math.min(32 * 1024, before - sent));
			sent += piece.byteLength;
			controller.enqueue(piece);
		}
	});
};

async function readAll(stream: ReadableStream<Uint8Array> | null): Promise<Buffer | null> {
	if (!stream) return null;
	const parts: Uint8Array[] = [];
	for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
	return Buffer.concat(parts);
}

/** The cases every backend must pass. */
function storeContract(name: string, make: () => AttachmentStore) {
	describe(`attachment store: ${name}`, () => {
		it('gives back exactly the bytes it was given, across chunk boundaries', async () => {
			const store = make();
			const key = randomUUID();
			const bytes = randomBytes(CHUNK_BYTES * 2 + 12_345);
			await store.put(key, streamOf(bytes, 10_000), 'application/pdf');
			expect((await readAll(await store.get(key)))?.equals(bytes)).toBe(true);
		});

		it('keeps each key apart', async () => {
			const store = make();
			const [a, b] = [randomUUID(), randomUUID()];
			await store.put(a, streamOf(Buffer.from('first')), 'image/png');
			await store.put(b, streamOf(Buffer.from('second')), 'image/png');
			expect(String(await readAll(await store.get(a)))).toBe('first');
			expect(String(await readAll(await store.get(b)))).toBe('second');
		});

		it('answers null for a key it does not hold', async () => {
			expect(await make().get(randomUUID())).toBeNull();
		});

		it('deletes, and deleting what is gone is no error', async () => {
			const store = make();
			const key = randomUUID();
			await store.put(key, streamOf(Buffer.from('bytes')), 'image/gif');
			await store.delete(key);
			expect(await store.get(key)).toBeNull();
			await expect(store.delete(key)).resolves.toBeUndefined();
		});

		it('keeps nothing of a stream that fails part-way, and throws the stream’s own error', async () => {
			const store = make();
			const key = randomUUID();
			const failure = new Error('over the limit');
			await expect(store.put(key, failingAfter(CHUNK_BYTES + 1000, failure), 'application/pdf')).rejects.toBe(failure);
			expect(await store.get(key)).toBeNull();
		});
	});
}

storeContract('PostgreSQL', () => postgresStore());

let fake: ReturnType<typeof fakeStorage>;
let url = '';
beforeAll(async () => {
	fake = fakeStorage();
	await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise<void>((resolve, reject) => (fake.server as Server).close((e) => (e ? reject(e) : resolve())));
});

storeContract('Supabase Storage (local fake of the Storage API)', () => supabaseStore({ url, serviceRoleKey: SERVICE_KEY, bucket: BUCKET }));

describe('Supabase Storage calls', () => {
	it('makes only the upload, download and remove calls, on the configured bucket, with the service role key', async () => {
		fake.calls.length = 0;
		const store = supabaseStore({ url, serviceRoleKey: SERVICE_KEY, bucket: BUCKET });
		const key = randomUUID();
		await store.put(key, streamOf(Buffer.from('%PDF-1.4')), 'application/pdf');
		await readAll(await store.get(key));
		await store.delete(key);
		expect(fake.calls).toEqual([`POST /storage/v1/object/${BUCKET}/${key}`, `GET /storage/v1/object/${BUCKET}/${key}`, `DELETE /storage/v1/object/${BUCKET}`]);
	});

	it('fails loudly with a wrong key rather than storing nothing quietly', async () => {
		const store = supabaseStore({ url, serviceRoleKey: 'wrong', bucket: BUCKET });
		await expect(store.put(randomUUID(), streamOf(Buffer.from('x')), 'image/png')).rejects.toThrow();
	});
});
