import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { isSessionCurrent, SESSION_COOKIE, SESSION_ENDING_ACTIONS, validateSessionToken } from '../auth/session';
import { config } from '../config';
import type { LiveEvent } from '../events/event';
import { observe, subscribe } from '../events/hub';
import { log } from '../log';
import { addUpgradeRoute } from '../realtime/upgrade';
import { resolveAccess } from './access';
import { Connection } from './connection';
import { closeAllDocuments } from './documents';
import { limits } from './limits';
import { CLOSE } from './protocol';
import { documentKind } from './registry';

export const COLLAB_PREFIX = '/collab/';

const reasons: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	500: 'Internal Server Error'
};

function refuse(socket: Duplex, status: number): void {
	if (socket.destroyed) return;
	socket.end(`HTTP/1.1 ${status} ${reasons[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The session token from the Cookie header; null when it is missing or cannot be decoded. */
export function sessionTokenOf(cookieHeader: string | undefined): string | null {
	for (const part of (cookieHeader ?? '').split(';')) {
		const index = part.indexOf('=');
		if (index < 0) continue;
		if (part.slice(0, index).trim() === SESSION_COOKIE) {
			const value = part.slice(index + 1).trim();
			try {
				return value ? decodeURIComponent(value) : null;
			} catch {
				return null; // malformed percent-encoding: no session, answered 401 like any unknown one
			}
		}
	}
	return null;
}

/**
 * Whether a browser's Origin may open a socket here: the configured ORIGIN, or else the host the
 * request was sent to. A missing Origin is refused too (browsers always send it).
 */
export function originAllowed(request: IncomingMessage): boolean {
	const origin = request.headers.origin;
	if (!origin) return false;
	let parsed: URL;
	try {
		parsed = new URL(origin);
	} catch {
		return false;
	}
	const configured = config().ORIGIN;
	if (configured) {
		try {
			return parsed.origin === new URL(configured).origin;
		} catch {
			return false;
		}
	}
	return parsed.host === request.headers.host && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}

/** The document name in `/collab/<name>`, without query string; null when it cannot be decoded. */
export function documentNameOf(url: string | undefined): string | null {
	const path = (url ?? '').split('?')[0] ?? '';
	if (!path.startsWith(COLLAB_PREFIX)) return null;
	try {
		return decodeURIComponent(path.slice(COLLAB_PREFIX.length));
	} catch {
		return null;
	}
}

// ------------------------------------------------------------------ open connections by user

const byUser = new Map<string, { connections: Set<Connection>; unsubscribe: Promise<() => void> }>();

function track(connection: Connection): void {
	let entry = byUser.get(connection.userId);
	if (!entry) {
		const userId = connection.userId;
		// The events hub calls `refresh` when a membership change concerns this user: each of their
		// sockets whose access is no longer what it was closes, to reconnect and be decided again.
		const unsubscribe = subscribe({
			userId,
			actors: new Map(),
			send: () => {},
			refresh: () => recheckAccess(userId)
		}).catch((error) => {
			log.error({ err: error }, 'collab could not listen for membership changes');
			return () => {};
		});
		entry = { connections: new Set(), unsubscribe };
		byUser.set(userId, entry);
	}
	entry.connections.add(connection);
	ensureSessionChecks();
	ensureObserving();
}

function untrack(connection: Connection): void {
	const entry = byUser.get(connection.userId);
	if (!entry) return;
	entry.connections.delete(connection);
	if (entry.connections.size === 0) {
		byUser.delete(connection.userId);
		void entry.unsubscribe.then((stop) => stop());
	}
}

/** Decides each of a user's open connections again; closes (4000) those whose access changed. */
export async function recheckAccess(userId: string): Promise<void> {
	const entry = byUser.get(userId);
	if (!entry) return;
	await Promise.all([...entry.connections].map(recheckConnection));
}

/** Decides one connection's access again; closes it (4000) when the answer is not what it was. */
async function recheckConnection(connection: Connection): Promise<void> {
	const { document, level, isOperator } = connection.info;
	let now: string | null;
	try {
		now = (await resolveAccess({ id: connection.userId, isOperator }, document))?.level ?? null;
	} catch (error) {
		log.warn({ err: error }, 'collab access re-check failed');
		now = null;
	}
	// Closing rather than changing the level in place: the client reconnects and learns the new
	// access from the answer (docs/collab.md, 4000), and its editor follows.
	if (now !== level) connection.close(CLOSE.accessChanged, 'access changed');
}

/** Decides again every open connection to the documents of one entity (`<kind>/<id>/…`). */
async function recheckEntity(kind: string, id: string): Promise<void> {
	const prefix = `${kind}/${id}/`;
	const affected = [...byUser.values()].flatMap(({ connections }) => [...connections].filter((c) => c.info.document.startsWith(prefix)));
	await Promise.all(affected.map(recheckConnection));
}

/**
 * What a live event (from any process, through pg_notify) means for this process's sockets: an
 * ended session closes its sockets (4001) at once, rather than at the next periodic check; a status
 * change that may lock an entity's text (the kind's `accessChangedBy`) re-decides its documents'
 * connections, so an approved requirement stops taking edits from sockets opened while it was open.
 */
function onLiveEvent(event: LiveEvent): void {
	if (SESSION_ENDING_ACTIONS.has(event.action) && event.userId) {
		void checkSessions(event.userId).catch((error) => log.warn({ err: error }, 'collab session check failed'));
	}
	if (event.entityId && documentKind(event.topic)?.accessChangedBy?.includes(event.action)) {
		void recheckEntity(event.topic, event.entityId).catch((error) => log.warn({ err: error }, 'collab access re-check failed'));
	}
}

let observing: Promise<unknown> | undefined;
function ensureObserving(): void {
	observing ??= observe(onLiveEvent).catch((error) => {
		observing = undefined;
		log.error({ err: error }, 'collab could not listen for live events');
	});
}

/** Closes every open document connection of a user (access changed, signed out). */
export function closeUserConnections(userId: string, code: number = CLOSE.accessChanged, reason = 'access changed'): number {
	const entry = byUser.get(userId);
	if (!entry) return 0;
	const open = [...entry.connections];
	for (const connection of open) connection.close(code, reason);
	return open.length;
}

/**
 * Closes the connections whose session has ended (of one user, or of everyone): on a live event
 * that ends sessions, and every `limits.sessionCheckMs` as the fallback.
 */
export async function checkSessions(userId?: string): Promise<void> {
	const sessions = new Map<string, Connection[]>();
	const entries = userId ? [byUser.get(userId)].filter((e) => e !== undefined) : [...byUser.values()];
	for (const { connections } of entries) {
		for (const connection of connections) {
			const list = sessions.get(connection.info.sessionId) ?? [];
			list.push(connection);
			sessions.set(connection.info.sessionId, list);
		}
	}
	for (const [sessionId, connections] of sessions) {
		if (await isSessionCurrent(sessionId)) continue;
		for (const connection of connections) connection.close(CLOSE.sessionEnded, 'session ended');
	}
}

let sessionTimer: ReturnType<typeof setInterval> | undefined;
function ensureSessionChecks(): void {
	if (sessionTimer) return;
	sessionTimer = setInterval(() => {
		if (byUser.size === 0) {
			clearInterval(sessionTimer);
			sessionTimer = undefined;
			return;
		}
		checkSessions().catch((error) => log.warn({ err: error }, 'collab session check failed'));
	}, limits.sessionCheckMs);
	sessionTimer.unref?.();
}

/** How many document connections are open in this process. */
export function openConnectionCount(): number {
	let count = 0;
	for (const { connections } of byUser.values()) count += connections.size;
	return count;
}

// ------------------------------------------------------------------ the upgrade

let wss: WebSocketServer | undefined;

/**
 * Handles an upgrade to `/collab/<document>`: checks the Origin (403), the session (401) and the
 * policy (404 for an unknown document or no access) before anything of the document is sent.
 */
export async function handleCollabUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
	socket.on('error', () => socket.destroy());
	let handedOver = false;
	try {
		if (!originAllowed(request)) return refuse(socket, 403);
		const token = sessionTokenOf(request.headers.cookie);
		if (!token) return refuse(socket, 401);
		const { session, user } = await validateSessionToken(token);
		if (!session) return refuse(socket, 401);
		const name = documentNameOf(request.url);
		const access = name ? await resolveAccess(user, name) : null;
		if (!name || !access) return refuse(socket, 404);
		if (socket.destroyed) return;
		wss ??= new WebSocketServer({
			noServer: true,
			maxPayload: limits.maxMessageBytes,
			perMessageDeflate: false
		});
		handedOver = true;
		wss.handleUpgrade(request, socket, head, (ws) => {
			const connection = new Connection(
				ws,
				{
					document: name,
					consortiumId: access.consortiumId,
					level: access.level,
					userId: user.id,
					sessionId: session.id,
					isOperator: user.isOperator
				},
				untrack
			);
			track(connection);
		});
	} catch (error) {
		log.error({ err: error }, 'collab upgrade failed');
		// Before ws has answered, the client gets an answer rather than a dropped connection.
		if (!handedOver) refuse(socket, 500);
		else if (!socket.destroyed) socket.destroy();
	}
}

/** Registers `/collab/` with the upgrade router and a shutdown step that saves what is pending. */
export function registerCollab(): void {
	addUpgradeRoute(COLLAB_PREFIX.slice(0, -1), (request, socket, head) => void handleCollabUpgrade(request, socket, head));
	const holder = globalThis as {
		__samsynShutdown?: () => Promise<void>;
		__samsynCollabShutdown?: boolean;
	};
	if (holder.__samsynCollabShutdown) return;
	holder.__samsynCollabShutdown = true;
	const previous = holder.__samsynShutdown;
	holder.__samsynShutdown = async () => {
		await stopCollab();
		await previous?.();
	};
}

/** Closes every connection (1001), saves pending updates and derived content, unloads documents. */
export async function stopCollab(): Promise<void> {
	clearInterval(sessionTimer);
	sessionTimer = undefined;
	await closeAllDocuments(CLOSE.goingAway, 'server shutting down');
}
