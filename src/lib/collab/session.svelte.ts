import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as authProtocol from 'y-protocols/auth';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider, messageAuth, messageSync } from 'y-websocket';

/**
 * - `connecting`: first connection under way, nothing heard from the server yet;
 * - `syncing`: connected, exchanging what each side has missed;
 * - `connected`: in sync, every local change has been sent;
 * - `offline`: no connection; the provider keeps trying (changes are kept on this device);
 * - `ended`: the server ended the session (signed out elsewhere, or expired); a reload signs in again.
 */
export type ConnectionState = 'connecting' | 'syncing' | 'connected' | 'offline' | 'ended';

/** Someone with the document open, as their awareness state says. */
export interface Participant {
	clientId: number;
	name: string;
	colour: string;
	self: boolean;
}

export interface CollabUser {
	id: string;
	name: string;
	colour: string;
}

export interface CollabSessionOptions {
	/** `<kind>/<uuid>/<field>`, as the server names documents. */
	document: string;
	user: CollabUser;
	/** Read-only as the page's abilities say; the server may also say so (then `deniedByServer`). */
	readOnly: boolean;
	/** WebSocket base URL; defaults to `/collab` on the page's own origin. */
	url?: string;
	/** The server closed the connection because this person's access changed (the provider reconnects). */
	onAccessChanged?: () => void;
}

/** Close codes of the collaboration server (docs/collab.md). */
const CLOSE_ACCESS_CHANGED = 4000;
/** The session ended (signed out, expired): retrying is pointless. */
const CLOSE_SESSION_ENDED = 4001;

/**
 * One open co-edited document in the browser: a Y.Doc synced with the server over the y-websocket
 * protocol, kept on this device in IndexedDB (so offline edits survive and merge on reconnect),
 * with reactive connection state and presence for the UI.
 */
export class CollabSession {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	state = $state<ConnectionState>('connecting');
	/** Local changes made since the server last asked for them: shown as "unsynced". */
	unsynced = $state(false);
	participants = $state<Participant[]>([]);
	/** The server dropped an update from this connection because it is read-only. */
	deniedByServer = $state(false);
	/** The document's content has arrived, from the server or from this device. */
	loaded = $state(false);

	#local: IndexeddbPersistence | undefined;
	#everConnected = false;
	#browserOffline = false;
	#cleanups: (() => void)[] = [];

	constructor(readonly options: CollabSessionOptions) {
		const url = options.url ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
		this.provider = new WebsocketProvider(url, options.document, this.doc, { connect: false, maxBackoffTime: 5000 });
		this.#watchProtocol();
		this.#watchConnection();
		this.#watchPresence();
		this.#watchLocalChanges();
		if (!options.readOnly) {
			// Scoped to the person, so a shared computer never mixes two people's unsent work.
			this.#local = new IndexeddbPersistence(`samsyn:${options.user.id}:${options.document}`, this.doc);
			void this.#local.whenSynced.then(() => {
				if (this.doc.getXmlFragment('default').length > 0) this.loaded = true;
			});
		}
		this.#browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
		this.#update();
		if (!this.#browserOffline) this.provider.connect();
	}

	/** Whether the server or the page says this person may only read. */
	get readOnly(): boolean {
		return this.options.readOnly || this.deniedByServer;
	}

	/** Closes the connection and the local store; the IndexedDB copy stays for next time. */
	destroy(): void {
		for (const cleanup of this.#cleanups) cleanup();
		this.provider.destroy();
		void this.#local?.destroy();
		this.doc.destroy();
	}

	/**
	 * The stock client already answers every protocol message; two are also observed here: the
	 * server's sync step 1 (it asks for what it is missing, so the reply carries every local
	 * change) and an auth "permission denied" (a read-only connection's update was dropped).
	 */
	#watchProtocol(): void {
		const handlers = this.provider.messageHandlers;
		const sync = handlers[messageSync]!;
		handlers[messageSync] = (encoder, decoder, provider, emitSynced, type) => {
			const asksForOurChanges = decoding.peekVarUint(decoder) === messageYjsSyncStep1;
			sync(encoder, decoder, provider, emitSynced, type);
			if (asksForOurChanges) this.unsynced = false;
			this.#update();
		};
		handlers[messageAuth] = (_encoder, decoder) => {
			authProtocol.readAuthMessage(decoder, this.doc, () => {
				this.deniedByServer = true;
			});
		};
	}

	#watchConnection(): void {
		this.provider.on('status', ({ status }) => {
			if (status === 'connected') {
				this.#everConnected = true;
				// Re-announce presence with a newer clock: the server and the others already saw this
				// client's current clock before it left, and would ignore it until it changed.
				const presence = this.provider.awareness.getLocalState();
				if (presence) this.provider.awareness.setLocalState(presence);
			}
			this.#update();
		});
		this.provider.on('sync', (synced) => {
			if (synced) this.loaded = true;
			this.#update();
		});
		this.provider.on('connection-close', (event) => {
			if (event?.code === CLOSE_SESSION_ENDED) {
				this.provider.disconnect();
				this.state = 'ended';
				return;
			}
			if (event?.code === CLOSE_ACCESS_CHANGED) this.options.onAccessChanged?.();
			this.#update();
		});
		// Browsers announce losing the network before a socket notices; reconnect once it is back.
		const offline = () => {
			this.#browserOffline = true;
			this.provider.disconnect();
			this.#update();
		};
		const online = () => {
			this.#browserOffline = false;
			if (this.state !== 'ended') this.provider.connect();
			this.#update();
		};
		window.addEventListener('offline', offline);
		window.addEventListener('online', online);
		this.#cleanups.push(() => {
			window.removeEventListener('offline', offline);
			window.removeEventListener('online', online);
		});
	}

	#watchPresence(): void {
		const awareness = this.provider.awareness;
		const refresh = () => {
			const people: Participant[] = [];
			for (const [clientId, state] of awareness.getStates()) {
				const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
				if (!user || typeof user.name !== 'string') continue;
				people.push({
					clientId,
					name: user.name,
					colour: typeof user.color === 'string' ? user.color : '#4a5462',
					self: clientId === this.doc.clientID
				});
			}
			people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'sv'));
			this.participants = people;
		};
		awareness.on('change', refresh);
		this.#cleanups.push(() => awareness.off('change', refresh));
	}

	#watchLocalChanges(): void {
		const onUpdate = (_update: Uint8Array, origin: unknown) => {
			if (origin === this.provider || origin === this.#local) return;
			// Sent at once over an open socket; otherwise it waits for the server's next sync step 1.
			if (!this.provider.wsconnected) this.unsynced = true;
			this.#update();
		};
		this.doc.on('update', onUpdate);
	}

	#update(): void {
		if (this.state === 'ended') return;
		if (this.provider.wsconnected) this.state = this.provider.synced && !this.unsynced ? 'connected' : 'syncing';
		else this.state = this.#everConnected || this.#browserOffline ? 'offline' : 'connecting';
	}
}
