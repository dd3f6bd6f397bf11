// Production entry: serves the SvelteKit app (adapter-node) and its WebSockets on one port.
// Importing build/handler.js initialises the app, whose `init` hook migrates, seeds the embedded
// database when empty, and registers the WebSocket upgrade handler on globalThis.
import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

// Without ORIGIN, adapter-node assumes https. Tell it the protocol the request really arrived on,
// through a header of our own that a client cannot set (we overwrite it on every request).
const protocolHeader = 'x-samsyn-protocol';
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) process.env.PROTOCOL_HEADER = protocolHeader;

// Imports upload files of up to 5 MB (src/lib/server/imports/parse.ts) and attachments up to
// ATTACHMENT_MAX_BYTES (25 MB); adapter-node's default body limit (512 KB) would cut them off before
// the app could answer. The app's own limits refuse larger bodies while they stream, with a message.
process.env.BODY_SIZE_LIMIT ??= String(Math.max(6_000_000, (Number(process.env.ATTACHMENT_MAX_BYTES) || 25_000_000) + 1_000_000));

const { handler } = await import('../build/handler.js');

const server = http.createServer((req, res) => {
	if (process.env.PROTOCOL_HEADER === protocolHeader) {
		req.headers[protocolHeader] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	}
	handler(req, res);
});
server.on('upgrade', (req, socket, head) => {
	const upgrade = globalThis.__samsynUpgrade;
	if (upgrade) upgrade(req, socket, head);
	else socket.destroy();
});
server.keepAliveTimeout = 65_000;

server.listen(port, host, () => {
	const shown = process.env.ORIGIN ?? `http://localhost:${port}`;
	console.log(`\nSamsyn is running on ${shown}\n`);
});

let stopping = false;
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`\n${signal} received, shutting down`);
	server.close();
	server.closeAllConnections?.();
	const close = globalThis.__samsynShutdown;
	if (close) await close().catch(() => {});
	const cleanup = globalThis.__samsynCleanup;
	if (cleanup) await cleanup().catch(() => {});
	process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
