/**
 * The y-websocket wire protocol as this server speaks it, and the codes the editor must handle.
 *
 * Message types (first varUint of every binary message):
 * - 0 sync: step 1 (state vector), step 2 and update (y-protocols/sync);
 * - 1 awareness (y-protocols/awareness);
 * - 2 auth (y-protocols/auth): the server sends `[2, 0, "read-only"]` (permission denied) when
 *   a read-only connection's update was dropped; the stock client logs it, the editor shows it;
 * - 3 query awareness: answered with every known awareness state.
 *
 * Close codes sent by the server:
 * - 1001 going away: the server shuts down (the client reconnects);
 * - 1008 policy violation: malformed, truncated or unknown message, a text message, or the rate
 *   limit exceeded; the reason says which;
 * - 1009 message too big: a message over the size limit, or the document would grow over its limit;
 * - 1011 internal error: the document could not be loaded or an update could not be saved;
 * - 4000 access changed: the user's membership changed; the client reconnects and gets the new access;
 * - 4001 session ended: the session was signed out or expired; reconnecting answers 401.
 *
 * Refusals before the upgrade (no content sent): 401 without a valid session, 403 from a foreign
 * Origin, 404 for an unknown document or one the user may not read.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const READ_ONLY_REASON = 'read-only';

export const CLOSE = {
	goingAway: 1001,
	policy: 1008,
	tooBig: 1009,
	internal: 1011,
	accessChanged: 4000,
	sessionEnded: 4001
} as const;
