/** The collaboration server's limits and timings; tests and the benchmark may change them. */
export const limits = {
	/** Largest WebSocket message accepted; a bigger one closes the connection with 1009. */
	maxMessageBytes: 1024 * 1024,
	/** Largest document (stored bytes); an update that would pass it closes the connection with 1009. */
	maxDocumentBytes: 16 * 1024 * 1024,
	/** Token bucket per connection: sustained messages per second and the burst allowed. */
	messagesPerSecond: 100,
	messageBurst: 400,
	/** Compact a document's log into a snapshot once it holds this many updates. */
	compactAfter: 500,
	/** Unload a document this long after its last connection closed. */
	unloadAfterMs: 30_000,
	/** Render text/HTML this long after the last edit, and at least this often while edits go on. */
	derivedDebounceMs: 1_000,
	derivedMaxWaitMs: 5_000,
	/** A person's co-editing session on a text ends (and is written to the audit log) after this long without an edit. */
	editSessionIdleMs: 5 * 60_000,
	/** How often open connections' sessions are checked (a signed-out session closes its sockets). */
	sessionCheckMs: 30_000,
	/** Ping interval; a connection that does not answer within one interval is dropped. */
	pingMs: 30_000,
	/** Largest presence (awareness) state of one client, as JSON bytes; every joining client downloads all of them. */
	maxPresenceBytes: 2048,
	/** Most awareness client ids one connection may introduce (a browser tab has one). */
	maxPresenceClients: 4,
	/** A client that lets this much queue up unread is too slow and is disconnected. */
	maxBufferedBytes: 16 * 1024 * 1024
};

export type Limits = typeof limits;

/** Overrides some limits (tests, benchmark). */
export function configureLimits(overrides: Partial<Limits>): void {
	Object.assign(limits, overrides);
}
