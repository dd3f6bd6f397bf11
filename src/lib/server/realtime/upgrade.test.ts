import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradeStatus } from '../collab/testing';
import { handleUpgrade } from './upgrade';

let server: http.Server;
let base: string;
beforeAll(async () => {
	server = http.createServer((_req, res) => res.end('ok'));
	server.on('upgrade', handleUpgrade);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('WebSocket upgrade routes', () => {
	it('has no unauthenticated echo socket: /ws/echo and other unknown paths answer 404', async () => {
		expect(await upgradeStatus(`${base}/ws/echo`, { origin: 'http://127.0.0.1' })).toBe(404);
		expect(await upgradeStatus(`${base}/ws/anything`, {})).toBe(404);
	});
});
