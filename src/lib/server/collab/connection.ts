import type { WebSocket, RawData } from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { log } from '../log';
import type { AccessLevel } from './access';
import { join, leave, openDocument, ownPresence, submitUpdate, type Peer, type SharedDocument } from './documents';
import { limits } from './limits';
import { CLOSE, MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, READ_ONLY_REASON } from './protocol';

export interface ConnectionInfo {
	document: string;
	consortiumId: string;
	level: AccessLevel;
	userId: string;
	sessionId: string;
	isOperator: boolean;
}

/** A malformed message: the connection closes with 1008 and this reason. */
class ProtocolError extends Error {}

function bytesOf(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function expectEnd(decoder: decoding.Decoder): void {
	if (decoding.hasContent(decoder)) throw new ProtocolError('malformed message: trailing bytes');
}

/** Whether an update carries nothing (no structs, no deletions): the usual first sync step 2 of an empty client. */
function isEmptyUpdate(update: Uint8Array): boolean {
	const decoded = Y.decodeUpdate(update);
	return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
}

/** One client's socket on one document: the y-websocket protocol, its limits and its access level. */
export class Connection implements Peer {
	readonly userId: string;
	readonly sessionId: string;
	private shared: SharedDocument | null = null;
	private queue: Uint8Array[] = [];
	private closed = false;
	private disposed = false;
	private tokens = limits.messageBurst;
	private refilledAt = Date.now();
	private noticeAt = 0;
	private alive = true;
	private readonly ping: ReturnType<typeof setInterval>;

	constructor(
		private readonly ws: WebSocket,
		readonly info: ConnectionInfo,
		private readonly onClose: (connection: Connection) => void
	) {
		this.userId = info.userId;
		this.sessionId = info.sessionId;
		ws.on('message', (data, isBinary) => {
			if (!isBinary) return this.close(CLOSE.policy, 'binary messages only');
			this.receive(bytesOf(data));
		});
		ws.on('close', () => this.dispose());
		ws.on('error', (error) => {
			log.debug({ err: error }, 'collab socket error');
			this.dispose();
		});
		ws.on('pong', () => (this.alive = true));
		this.ping = setInterval(() => {
			if (!this.alive) return this.close(CLOSE.goingAway, 'no answer to ping');
			this.alive = false;
			ws.ping();
		}, limits.pingMs);
		this.ping.unref?.();
		openDocument(info.document, info.consortiumId).then(
			(shared) => this.start(shared),
			(error) => {
				log.error({ err: error, document: info.document }, 'could not load a document');
				this.close(CLOSE.internal, 'could not load the document');
			}
		);
	}

	get level(): AccessLevel {
		return this.info.level;
	}

	private start(shared: SharedDocument): void {
		if (this.closed) return;
		this.shared = shared;
		join(shared, this);
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		syncProtocol.writeSyncStep1(encoder, shared.doc);
		this.send(encoding.toUint8Array(encoder));
		this.sendAwareness(shared);
		const queued = this.queue;
		this.queue = [];
		for (const message of queued) this.handle(message);
	}

	private sendAwareness(shared: SharedDocument): void {
		const states = shared.awareness.getStates();
		if (states.size === 0) return;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(shared.awareness, [...states.keys()]));
		this.send(encoding.toUint8Array(encoder));
	}

	send(message: Uint8Array): void {
		if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
		if (this.ws.bufferedAmount > limits.maxBufferedBytes) return this.close(CLOSE.policy, 'client too slow');
		this.ws.send(message, (error) => {
			if (error) this.dispose();
		});
	}

	close(code: number, reason: string): void {
		if (this.closed) return;
		try {
			this.ws.close(code, reason);
		} catch {
			this.ws.terminate();
		}
		this.dispose();
	}

	private dispose(): void {
		if (this.disposed) return;
		this.disposed = true;
		this.closed = true;
		this.queue = [];
		clearInterval(this.ping);
		if (this.shared) leave(this.shared, this);
		this.shared = null;
		this.onClose(this);
	}

	private receive(message: Uint8Array): void {
		if (this.closed) return;
		const now = Date.now();
		this.tokens = Math.min(limits.messageBurst, this.tokens + ((now - this.refilledAt) / 1000) * limits.messagesPerSecond);
		this.refilledAt = now;
		if (this.tokens < 1) return this.close(CLOSE.policy, 'rate limit exceeded');
		this.tokens -= 1;
		if (!this.shared) {
			this.queue.push(message);
			return;
		}
		this.handle(message);
	}

	private handle(message: Uint8Array): void {
		const shared = this.shared;
		if (!shared || this.closed) return;
		try {
			this.interpret(shared, message);
		} catch (error) {
			const reason = error instanceof ProtocolError ? error.message : 'malformed message';
			this.close(CLOSE.policy, reason);
		}
	}

	private interpret(shared: SharedDocument, message: Uint8Array): void {
		const decoder = decoding.createDecoder(message);
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MESSAGE_SYNC: {
				const step = decoding.readVarUint(decoder);
				if (step === syncProtocol.messageYjsSyncStep1) {
					const stateVector = decoding.readVarUint8Array(decoder);
					expectEnd(decoder);
					const encoder = encoding.createEncoder();
					encoding.writeVarUint(encoder, MESSAGE_SYNC);
					syncProtocol.writeSyncStep2(encoder, shared.doc, stateVector);
					this.send(encoding.toUint8Array(encoder));
				} else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
					const update = decoding.readVarUint8Array(decoder);
					expectEnd(decoder);
					this.receiveUpdate(shared, update);
				} else {
					throw new ProtocolError('malformed message: unknown sync step');
				}
				return;
			}
			case MESSAGE_AWARENESS: {
				const update = decoding.readVarUint8Array(decoder);
				expectEnd(decoder);
				const own = ownPresence(shared, this, update);
				if ('refused' in own) throw new ProtocolError(own.refused);
				awarenessProtocol.applyAwarenessUpdate(shared.awareness, own.update, this);
				return;
			}
			case MESSAGE_QUERY_AWARENESS:
				expectEnd(decoder);
				this.sendAwareness(shared);
				return;
			default:
				throw new ProtocolError('malformed message: unknown type');
		}
	}

	private receiveUpdate(shared: SharedDocument, update: Uint8Array): void {
		if (isEmptyUpdate(update)) return; // also checks that Yjs can read it
		if (this.info.level !== 'edit') {
			this.noticeReadOnly();
			return;
		}
		if (shared.bytes + update.byteLength > limits.maxDocumentBytes) {
			this.close(CLOSE.tooBig, 'document too large');
			return;
		}
		submitUpdate(shared, update.slice(), this, this.userId);
	}

	/** Tells a read-only client its update was dropped (at most once a second). */
	private noticeReadOnly(): void {
		const now = Date.now();
		if (now - this.noticeAt < 1000) return;
		this.noticeAt = now;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_AUTH);
		encoding.writeVarUint(encoder, 0); // permission denied
		encoding.writeVarString(encoder, READ_ONLY_REASON);
		this.send(encoding.toUint8Array(encoder));
	}
}
