import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { asSystem } from '../db/request';
import { log } from '../log';
import { limits } from './limits';
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_SYNC } from './protocol';
import { documentKind, parseDocumentName, type DerivedContent, type DocumentName } from './registry';
import { renderDocument } from './render';
import { editSessionsWritten, endEditSession, endEditSessions, noteEdit } from './edit-sessions';
import { appendUpdateNow, appendUpdates, applyStored, compactDocument, readOrSeedDocument, settledDocumentOf } from './store';
import './kinds';

/** One connection to a document, as the document sees it. */
export interface Peer {
	readonly userId: string | null;
	/** The session behind the connection: a reconnecting browser may take over its own presence. */
	readonly sessionId: string | null;
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
}

/**
 * The single in-memory copy of a document in this process. Its Y.Doc only ever holds updates
 * that are already in the database: an update is appended first and applied (and so broadcast)
 * after the insert commits (in the same turn on an idle embedded database, else with the next
 * turn's batch).
 */
export class SharedDocument {
	readonly doc = new Y.Doc();
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	/** Each peer with the awareness client ids it controls. */
	readonly peers = new Map<Peer, Set<number>>();
	/** Stored bytes, roughly: snapshot plus updates since. */
	bytes = 0;
	sinceSnapshot = 0;
	/** Updates accepted but not yet saved. */
	pending = 0;
	compacting = false;
	ready: Promise<void> = Promise.resolve();
	unloadTimer: ReturnType<typeof setTimeout> | undefined;
	derivedTimer: ReturnType<typeof setTimeout> | undefined;
	derivedSince: number | null = null;
	/** The text and HTML last stored (or loaded), so an edit that changes neither writes nothing. */
	derived: DerivedContent | null = null;

	constructor(
		readonly name: DocumentName,
		readonly consortiumId: string
	) {
		this.awareness.setLocalState(null);
		this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
			const changed = added.concat(updated, removed);
			const controlled = this.peers.get(origin as Peer);
			if (controlled) {
				// `updated` too: a client that reconnects re-sends a state the server still has a clock for.
				added.concat(updated).forEach((id) => controlled.add(id));
				removed.forEach((id) => controlled.delete(id));
			}
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
			encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
			const message = encoding.toUint8Array(encoder);
			for (const peer of this.peers.keys()) peer.send(message);
		});
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === 'load') return;
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MESSAGE_SYNC);
			syncProtocol.writeUpdate(encoder, update);
			const message = encoding.toUint8Array(encoder);
			for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
		});
	}
}

type AwarenessChange = {
	added: number[];
	updated: number[];
	removed: number[];
};

interface Pending {
	shared: SharedDocument;
	update: Uint8Array;
	origin: Peer | null;
	userId: string | null;
}

const documents = new Map<string, SharedDocument>();
let batch: Pending[] = [];
const tasks: (() => Promise<void>)[] = [];
let running: Promise<void> | null = null;
let scheduled = false;

/** Starts the writer soon; it drains the batch (one insert per turn) and then the other tasks. */
function schedule(): void {
	if (scheduled || running) return;
	scheduled = true;
	setImmediate(() => {
		scheduled = false;
		running = drain().finally(() => {
			running = null;
			if (batch.length || tasks.length) schedule();
		});
	});
}

async function drain(): Promise<void> {
	while (batch.length || tasks.length) {
		if (batch.length) {
			const items = batch;
			batch = [];
			await saveAndApply(items);
		} else {
			await tasks.shift()!();
		}
	}
}

async function saveAndApply(items: Pending[]): Promise<void> {
	let saving = items;
	for (;;) {
		try {
			await appendUpdates(
				saving.map((i) => ({
					document: i.shared.name.name,
					consortiumId: i.shared.consortiumId,
					update: i.update,
					userId: i.userId
				}))
			);
			break;
		} catch (error) {
			// A text that settled while its updates waited refuses them all (nothing of the batch was
			// stored): the others go in again without them.
			const settledDocument = settledDocumentOf(error);
			const refused = saving.filter((i) => i.shared.name.name === settledDocument);
			if (refused.length > 0) {
				saving = saving.filter((i) => i.shared.name.name !== settledDocument);
				for (const item of refused) {
					item.shared.pending--;
					closeSettled(item.origin);
				}
				if (saving.length === 0) return;
				continue;
			}
			log.error({ err: error, count: saving.length }, 'could not save document updates');
			for (const item of saving) {
				item.shared.pending--;
				closeUnsaved(item.origin);
			}
			return;
		}
	}
	for (const item of saving) {
		item.shared.pending--;
		applySaved(item.shared, item.update, item.origin);
	}
}

/** An update that could not be stored was never applied: its sender reconnects and sync resends it. */
function closeUnsaved(origin: Peer | null): void {
	origin?.close(1011, 'could not save the update');
}

/**
 * An update refused because the text settled (a status change committed while it was on its way)
 * was never applied: its sender loses its edit rights now, as every editor of the text does on the
 * status change's live event, and reconnects read-only (4000, as for any change of access).
 */
function closeSettled(origin: Peer | null): void {
	origin?.close(CLOSE.accessChanged, 'access changed');
}

/**
 * Applies an update that is already in the database to the in-memory copy, which broadcasts it
 * to every peer but its origin, and schedules derived content and compaction.
 */
export function applySaved(shared: SharedDocument, update: Uint8Array, origin: Peer | null): void {
	try {
		Y.applyUpdate(shared.doc, update, origin ?? 'server');
	} catch (error) {
		log.warn({ err: error, document: shared.name.name }, 'a saved update could not be applied');
	}
	shared.bytes += update.byteLength;
	shared.sinceSnapshot++;
	noteEdit(shared, origin?.userId ?? null);
	scheduleDerived(shared);
	if (shared.sinceSnapshot >= limits.compactAfter && !shared.compacting) {
		shared.compacting = true;
		tasks.push(() => compact(shared));
		schedule();
	}
	if (shared.peers.size === 0) scheduleUnload(shared);
}

async function compact(shared: SharedDocument): Promise<void> {
	try {
		const folded = await compactDocument(shared.name.name, shared.consortiumId);
		shared.sinceSnapshot = Math.max(0, shared.sinceSnapshot - folded);
		shared.bytes = Y.encodeStateAsUpdate(shared.doc).byteLength;
	} catch (error) {
		log.error({ err: error, document: shared.name.name }, 'document compaction failed');
	} finally {
		shared.compacting = false;
	}
}

function scheduleDerived(shared: SharedDocument): void {
	const now = Date.now();
	shared.derivedSince ??= now;
	clearTimeout(shared.derivedTimer);
	const wait = Math.max(0, Math.min(limits.derivedDebounceMs, shared.derivedSince + limits.derivedMaxWaitMs - now));
	shared.derivedTimer = setTimeout(() => deriveNow(shared), wait);
	shared.derivedTimer.unref?.();
}

/** Renders the document now and queues the kind's `onDerived` write. */
function deriveNow(shared: SharedDocument): void {
	clearTimeout(shared.derivedTimer);
	shared.derivedTimer = undefined;
	if (shared.derivedSince === null) return;
	shared.derivedSince = null;
	const { kind, id, field, name } = shared.name;
	const onDerived = documentKind(kind)?.onDerived;
	if (!onDerived) return;
	const content = renderDocument(shared.doc);
	if (shared.derived && shared.derived.text === content.text && shared.derived.html === content.html) return;
	shared.derived = content;
	tasks.push(async () => {
		try {
			await asSystem((tx) => onDerived(tx, id, field, content));
		} catch (error) {
			log.error({ err: error, document: name }, 'storing derived content failed');
		}
	});
	schedule();
}

function scheduleUnload(shared: SharedDocument): void {
	clearTimeout(shared.unloadTimer);
	shared.unloadTimer = setTimeout(() => unload(shared), limits.unloadAfterMs);
	shared.unloadTimer.unref?.();
}

function unload(shared: SharedDocument): void {
	if (shared.peers.size > 0) return;
	if (shared.pending > 0 || shared.compacting) return scheduleUnload(shared);
	if (documents.get(shared.name.name) === shared) documents.delete(shared.name.name);
	endEditSessions(shared.name.name);
	deriveNow(shared);
	shared.awareness.destroy();
	shared.doc.destroy();
}

/** The document's in-memory copy, loaded from its snapshot and later updates on first use. */
export async function openDocument(name: string, consortiumId: string): Promise<SharedDocument> {
	let shared = documents.get(name);
	if (!shared) {
		const parsed = parseDocumentName(name);
		if (!parsed) throw new Error(`not a document name: ${name}`);
		const created = new SharedDocument(parsed, consortiumId);
		shared = created;
		documents.set(name, created);
		created.ready = (async () => {
			const kind = documentKind(parsed.kind);
			const initialText = kind?.initialText;
			const stored = await readOrSeedDocument(name, consortiumId, initialText && ((tx) => initialText(tx, parsed.id, parsed.field)));
			created.bytes = applyStored(created.doc, stored);
			// What the entity holds already matches this state; only a later edit writes derived content.
			if (kind?.onDerived) created.derived = renderDocument(created.doc);
			created.sinceSnapshot = stored.updates.length;
			if (created.sinceSnapshot >= limits.compactAfter && !created.compacting) {
				created.compacting = true;
				tasks.push(() => compact(created));
				schedule();
			}
		})();
		created.ready.catch(() => {
			if (documents.get(name) === created) documents.delete(name);
		});
	}
	clearTimeout(shared.unloadTimer);
	await shared.ready;
	if (shared.peers.size === 0) scheduleUnload(shared);
	return shared;
}

/** Adds a peer to a document. */
export function join(shared: SharedDocument, peer: Peer): void {
	clearTimeout(shared.unloadTimer);
	shared.peers.set(peer, new Set());
}

/**
 * The part of a peer's awareness update it may apply, or the reason to close its connection. A
 * connection sets only presence it introduced itself (a read-only one too), for at most
 * `limits.maxPresenceClients` client ids, each state at most `limits.maxPresenceBytes` of JSON.
 * Entries naming a client id that another connection holds are dropped: the stock y-websocket
 * client echoes every presence it hears back to the server, and a forged one must change nothing.
 * A client id another connection of the same session holds is taken over instead (a browser that
 * reconnected before its old socket was noticed as gone). Throws on a malformed update.
 */
export function ownPresence(shared: SharedDocument, peer: Peer, update: Uint8Array): { update: Uint8Array } | { refused: string } {
	const mine = shared.peers.get(peer);
	if (!mine) return { refused: 'presence not allowed' };
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const kept: [clientId: number, clock: number, state: string][] = [];
	const takenOver: [from: Peer, clientId: number][] = [];
	let introduced = 0;
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const state = decoding.readVarString(decoder);
		if (clientId === shared.doc.clientID) continue;
		if (!mine.has(clientId)) {
			// Not ours. An echo (same clock as known here) changes nothing and is dropped, and so is
			// whatever names another session's client id. A new client id, or a newer state of one
			// that another connection of the same session holds (that browser reconnected before its
			// old socket was noticed as gone), becomes this connection's.
			const holder = [...shared.peers].find(([other, held]) => other !== peer && held.has(clientId))?.[0];
			if (holder && (!peer.sessionId || holder.sessionId !== peer.sessionId)) continue;
			const known = shared.awareness.meta.get(clientId);
			if (known && clock <= known.clock) continue;
			if (!holder && state === 'null') continue;
			if (holder) takenOver.push([holder, clientId]);
			introduced++;
		}
		if (Buffer.byteLength(state) > limits.maxPresenceBytes) return { refused: 'presence too large' };
		kept.push([clientId, clock, state]);
	}
	if (decoding.hasContent(decoder)) throw new Error('malformed awareness update');
	if (mine.size + introduced > limits.maxPresenceClients) return { refused: 'presence not allowed' };
	for (const [from, clientId] of takenOver) {
		shared.peers.get(from)?.delete(clientId);
		mine.add(clientId);
	}
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, kept.length);
	for (const [clientId, clock, state] of kept) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, state);
	}
	return { update: encoding.toUint8Array(encoder) };
}

/** Removes a peer and its presence; the document unloads after the grace period. */
export function leave(shared: SharedDocument, peer: Peer): void {
	const controlled = shared.peers.get(peer);
	if (!controlled) return;
	shared.peers.delete(peer);
	awarenessProtocol.removeAwarenessStates(shared.awareness, Array.from(controlled), null);
	// The person's editing session on this text ends when their last connection to it closes.
	if (peer.userId && ![...shared.peers.keys()].some((other) => other.userId === peer.userId)) endEditSession(shared.name.name, peer.userId);
	if (shared.peers.size === 0) scheduleUnload(shared);
}

/**
 * Accepts an update for a document: it is saved with the next batch and then applied and
 * broadcast to every other peer.
 */
export function submitUpdate(shared: SharedDocument, update: Uint8Array, origin: Peer | null, userId: string | null): void {
	// When nothing is queued or being written and the database can take it in this very turn (the
	// embedded database when idle), the update is stored and broadcast at once, without waiting for
	// the next turn's batch. Queued updates go first, so the order of the log is kept either way.
	if (!running && !scheduled && batch.length === 0) {
		let saved: boolean;
		try {
			saved = appendUpdateNow({ document: shared.name.name, consortiumId: shared.consortiumId, update, userId });
		} catch (error) {
			if (settledDocumentOf(error) === shared.name.name) return closeSettled(origin);
			log.error({ err: error, document: shared.name.name }, 'could not save a document update');
			closeUnsaved(origin);
			return;
		}
		if (saved) {
			applySaved(shared, update, origin);
			return;
		}
	}
	shared.pending++;
	batch.push({ shared, update, origin, userId });
	schedule();
}

/** Resolves once every accepted update is saved and every queued task has run. */
export async function settled(): Promise<void> {
	while (running || scheduled || batch.length || tasks.length) {
		if (running) await running;
		else await new Promise((resolve) => setImmediate(resolve));
	}
}

/** Renders and stores derived content of every loaded document now (tests, shutdown). */
export async function deriveAll(): Promise<void> {
	for (const shared of documents.values()) deriveNow(shared);
	await settled();
}

/** The loaded document of that name, if any (tests and health). */
export function loadedDocument(name: string): SharedDocument | undefined {
	return documents.get(name);
}

export function loadedDocumentCount(): number {
	return documents.size;
}

/** Closes every peer, saves what is pending and unloads everything (shutdown, tests). */
export async function closeAllDocuments(code = 1001, reason = 'server shutting down'): Promise<void> {
	for (const shared of documents.values()) for (const peer of [...shared.peers.keys()]) peer.close(code, reason);
	await settled();
	for (const shared of [...documents.values()]) {
		clearTimeout(shared.unloadTimer);
		unload(shared);
	}
	endEditSessions();
	await settled();
	await editSessionsWritten();
}
