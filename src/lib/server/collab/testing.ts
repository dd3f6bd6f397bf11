import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createSession, generateSessionToken } from '../auth/session';
import { asSystem } from '../db/request';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import type { Role } from '../policy';
import { handleUpgrade } from '../realtime/upgrade';
import { registerCollab } from './server';

/** The app's upgrade router with `/collab/` registered, on a loopback port (tests only). */
export async function startCollabServer(): Promise<{
	url: string;
	origin: string;
	close(): Promise<void>;
}> {
	registerCollab();
	const server = http.createServer((_req, res) => res.end('ok'));
	server.on('upgrade', handleUpgrade);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `ws://127.0.0.1:${port}/collab`,
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/** A person with a session and a role in a fresh consortium; returns the cookie header. */
export async function personIn(role: Role, consortiumId?: string) {
	return asSystem(async (tx) => {
		const consortium = consortiumId ? { id: consortiumId } : await buildConsortium(tx);
		const organisation = await buildOrganisation(tx, consortium.id);
		const user = await buildUser(tx);
		await buildMembership(tx, {
			consortiumId: consortium.id,
			userId: user.id,
			organisationId: organisation.id,
			role
		});
		const token = generateSessionToken();
		return {
			user,
			consortiumId: consortium.id,
			token,
			cookie: `samsyn_session=${token}`
		};
	}).then(async (p) => {
		await createSession(p.token, p.user.id);
		return { ...p, document: `consortium/${p.consortiumId}/description` };
	});
}

/** A `ws` WebSocket class that sends the given headers, for y-websocket's WebSocketPolyfill. */
export function socketWith(headers: Record<string, string>): typeof WebSocket {
	return class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}
	} as typeof WebSocket;
}

/** A real y-websocket client in Node. */
export function client(url: string, document: string, headers: Record<string, string>, doc = new Y.Doc()) {
	const provider = new WebsocketProvider(url, document, doc, {
		WebSocketPolyfill: socketWith(headers) as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 300
	});
	return { doc, provider };
}

/** Resolves when the provider has synced (or rejects after `ms`). */
export function synced(provider: WebsocketProvider, ms = 10_000): Promise<void> {
	if (provider.synced) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('not synced in time')), ms);
		provider.once('sync', (state: boolean) => {
			if (state) {
				clearTimeout(timer);
				resolve();
			}
		});
	});
}

/** Polls `check` until it is true (or throws after `ms`). */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
	const until = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > until) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 20));
	}
}

/**
 * Opens a raw socket; resolves with it when open (and every message it receives, from the first on),
 * or with the HTTP status the upgrade was refused with.
 */
export function rawSocket(url: string, headers: Record<string, string>): Promise<{ ws: WebSocket; received: Buffer[] } | { status: number }> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers });
		ws.binaryType = 'nodebuffer';
		const received: Buffer[] = [];
		ws.on('message', (data: Buffer) => received.push(data));
		ws.once('open', () => resolve({ ws, received }));
		ws.once('unexpected-response', (_req, res) => {
			resolve({ status: res.statusCode ?? 0 });
			ws.terminate();
		});
		ws.once('error', (error) => reject(error));
	});
}

/** Resolves with the close code and reason of a socket. */
export function closed(ws: WebSocket, ms = 10_000): Promise<{ code: number; reason: string }> {
	return new Promise((resolve, reject) => {
		if (ws.readyState === WebSocket.CLOSED) return resolve({ code: 1006, reason: '' });
		const timer = setTimeout(() => reject(new Error('socket not closed in time')), ms);
		ws.once('close', (code, reason) => {
			clearTimeout(timer);
			resolve({ code, reason: reason.toString() });
		});
	});
}

/**
 * Sends a raw HTTP upgrade request and resolves with the status it was answered with (101 when the
 * socket was upgraded), or `'no answer'` when the server dropped the connection without one.
 */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number | 'no answer'> {
	return new Promise((resolve) => {
		const request = http.request(url.replace(/^ws/, 'http'), {
			headers: {
				connection: 'Upgrade',
				upgrade: 'websocket',
				'sec-websocket-version': '13',
				'sec-websocket-key': Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64'),
				...headers
			}
		});
		request.once('response', (response) => {
			response.resume();
			resolve(response.statusCode ?? 0);
		});
		request.once('upgrade', (_response, socket) => {
			socket.destroy();
			resolve(101);
		});
		request.once('error', () => resolve('no answer'));
		request.end();
	});
}
