import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { log } from '../log';

type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
type Route = { prefix: string; handle: UpgradeHandler };

const routes: Route[] = [];

/** Adds a WebSocket route; the collaboration server registers `/collab/` here. */
export function addUpgradeRoute(prefix: string, handle: UpgradeHandler): void {
	const existing = routes.findIndex((r) => r.prefix === prefix);
	if (existing >= 0) routes.splice(existing, 1);
	routes.push({ prefix, handle });
}

/** Routes an HTTP upgrade to the WebSocket endpoint for its path, or refuses it with 404. */
export function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
	const path = (request.url ?? '').split('?')[0] ?? '';
	const route = routes.find((r) => path === r.prefix || path.startsWith(r.prefix.endsWith('/') ? r.prefix : `${r.prefix}/`));
	if (!route) {
		socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
		return;
	}
	try {
		route.handle(request, socket, head);
	} catch (error) {
		log.error({ err: error, path }, 'websocket upgrade failed');
		socket.destroy();
	}
}

/** Makes `handleUpgrade` reachable by the production launcher (server/index.js). */
export function registerUpgradeHandler(): void {
	(globalThis as { __samsynUpgrade?: UpgradeHandler }).__samsynUpgrade = handleUpgrade;
}
