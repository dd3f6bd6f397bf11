import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { and, asc, eq, gte } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { asServerIn, asSystem, onServer } from '../db/request';
import { attachmentChunks } from '../db/schema';
import { config } from '../config';

export type StorageBackend = 'postgres' | 'supabase';

/**
 * Where attachments' bytes live. Keys are random ids the server made, never a file's name; the store
 * knows nothing of who may read what: the command or query that names a key has asked the policy
 * (and row-level security) about the attachment row first.
 */
export interface AttachmentStore {
	readonly backend: StorageBackend;
	/** Stores the stream under `key`. When the stream fails (too large, broken off), nothing stays stored and its error is thrown. */
	put(key: string, body: ReadableStream<Uint8Array>, contentType: string): Promise<void>;
	/** The bytes under `key` as a stream, or null when there are none. */
	get(key: string): Promise<ReadableStream<Uint8Array> | null>;
	/** Removes the bytes under `key`; removing what is not there is no error. */
	delete(key: string): Promise<void>;
}

/** Chunks of the PostgreSQL store: small enough to stream, large enough to keep the rows few. */
export const CHUNK_BYTES = 256 * 1024;

/** Cuts a stream into pieces of exactly `size` bytes (the last one shorter). */
async function* chunksOf(body: ReadableStream<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
	let pending: Uint8Array[] = [];
	let pendingBytes = 0;
	const reader = body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		let piece = value;
		while (pendingBytes + piece.byteLength >= size) {
			const take = size - pendingBytes;
			pending.push(piece.subarray(0, take));
			yield Buffer.concat(pending);
			piece = piece.subarray(take);
			pending = [];
			pendingBytes = 0;
		}
		if (piece.byteLength) {
			pending.push(piece);
			pendingBytes += piece.byteLength;
		}
	}
	if (pendingBytes) yield Buffer.concat(pending);
}

/**
 * The default store: the bytes in `attachment_chunks`, so the embedded database keeps everything.
 * Given the command's transaction, writes and deletes belong to it (a rolled-back upload leaves no
 * chunk behind); reads use the server's own connection, outside any transaction, one chunk at a time.
 */
export function postgresStore(tx?: Transaction): AttachmentStore {
	const writing = <T>(work: (own: Transaction) => Promise<T>) => (tx ? asServerIn(tx, work) : asSystem(work));
	return {
		backend: 'postgres',
		async put(key, body) {
			await writing(async (own) => {
				let seq = 0;
				for await (const data of chunksOf(body, CHUNK_BYTES)) await own.insert(attachmentChunks).values({ storageKey: key, seq: seq++, data });
			});
		},
		async get(key) {
			const [first] = await onServer((db) =>
				db
					.select({ data: attachmentChunks.data })
					.from(attachmentChunks)
					.where(and(eq(attachmentChunks.storageKey, key), eq(attachmentChunks.seq, 0)))
			);
			if (!first) return null;
			let seq = 1;
			return new ReadableStream<Uint8Array>({
				start(controller) {
					controller.enqueue(first.data);
				},
				async pull(controller) {
					const [next] = await onServer((db) =>
						db
							.select({ data: attachmentChunks.data })
							.from(attachmentChunks)
							.where(and(eq(attachmentChunks.storageKey, key), gte(attachmentChunks.seq, seq)))
							.orderBy(asc(attachmentChunks.seq))
							.limit(1)
					);
					seq++;
					if (next) controller.enqueue(next.data);
					else controller.close();
				}
			});
		},
		async delete(key) {
			await writing((own) => own.delete(attachmentChunks).where(eq(attachmentChunks.storageKey, key)));
		}
	};
}

export interface SupabaseStoreOptions {
	url: string;
	serviceRoleKey: string;
	/** A private bucket: objects are reached only with the service role key, through Samsyn. */
	bucket: string;
}

/**
 * Supabase Storage through `@supabase/supabase-js`, with the service role key: the bucket is private,
 * and every download goes through Samsyn's own authorisation (no public or signed URL is ever made).
 * The calls it makes are upload, download (as a stream) and remove; the tests run the same cases
 * against a local server that implements exactly those.
 */
export function supabaseStore(options: SupabaseStoreOptions): AttachmentStore {
	const client = createClient(options.url, options.serviceRoleKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		// Node 20 has no WebSocket of its own; the client builds its realtime part even unused.
		realtime: { transport: WebSocket as never }
	});
	const bucket = () => client.storage.from(options.bucket);
	return {
		backend: 'supabase',
		async put(key, body, contentType) {
			// The stream's own failure (the size limit, a broken upload) is what the caller must hear, not fetch's.
			let failure: unknown;
			const reader = body.getReader();
			const watched = new ReadableStream<Uint8Array>({
				async pull(controller) {
					try {
						const { done, value } = await reader.read();
						if (done) controller.close();
						else controller.enqueue(value);
					} catch (e) {
						failure = e;
						controller.error(e);
					}
				},
				cancel: (reason) => reader.cancel(reason)
			});
			const { error } = await bucket()
				.upload(key, watched, { contentType, upsert: false, duplex: 'half' })
				.catch((e: unknown) => ({ error: e }));
			if (failure || error) {
				// An upload broken off is not stored; should the other end have kept a part, it goes now.
				await bucket()
					.remove([key])
					.catch(() => {});
				throw failure ?? error;
			}
		},
		async get(key) {
			const { data, error } = await bucket().download(key).asStream();
			if (error) {
				const status = Number((error as { status?: number }).status ?? 0);
				const code = String((error as { statusCode?: string }).statusCode ?? '');
				if (status === 404 || code === '404' || /not.?found/i.test(error.message)) return null;
				throw error;
			}
			return data;
		},
		async delete(key) {
			const { error } = await bucket().remove([key]);
			if (error) throw error;
		}
	};
}

/** The store the configuration names: Supabase Storage when its URL and service role key are set, else PostgreSQL (in `tx`). */
export function attachmentStore(tx?: Transaction): AttachmentStore {
	const settings = config();
	if (settings.SUPABASE_URL && settings.SUPABASE_SERVICE_ROLE_KEY)
		return supabaseStore({ url: settings.SUPABASE_URL, serviceRoleKey: settings.SUPABASE_SERVICE_ROLE_KEY, bucket: settings.SUPABASE_STORAGE_BUCKET });
	return postgresStore(tx);
}

/** The store an attachment's bytes were written to, whatever the configuration says now. */
export function storeOf(backend: string, tx?: Transaction): AttachmentStore {
	if (backend === 'postgres') return postgresStore(tx);
	const settings = config();
	if (!settings.SUPABASE_URL || !settings.SUPABASE_SERVICE_ROLE_KEY)
		throw new Error('Attachment stored in Supabase Storage, but SUPABASE_URL or SUPABASE_SERVICE_ROLE_KEY is not set');
	return supabaseStore({ url: settings.SUPABASE_URL, serviceRoleKey: settings.SUPABASE_SERVICE_ROLE_KEY, bucket: settings.SUPABASE_STORAGE_BUCKET });
}
