import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../testing/database';
import { closeAllDocuments } from './documents';
import { client, eventually, personIn, startCollabServer, synced } from './testing';

useFreshDatabase();

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
	server = await startCollabServer();
});
afterAll(async () => {
	await closeAllDocuments();
	await server.close();
});

describe('collab presence across reconnects', () => {
	it('forgets a reconnected client’s presence as soon as its new connection closes', async () => {
		const admin = await personIn('admin');
		const headers = { cookie: admin.cookie, origin: server.origin };
		const watcher = client(server.url, admin.document, headers);
		const mover = client(server.url, admin.document, headers);
		await Promise.all([synced(watcher.provider), synced(mover.provider)]);
		mover.provider.awareness.setLocalStateField('user', { name: 'Mover' });
		const seesMover = () => [...watcher.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Mover');
		await eventually(seesMover);

		// offline and back, with no change to its presence meanwhile (the browser's offline case)
		mover.provider.disconnect();
		await eventually(() => !seesMover());
		mover.provider.connect();
		await synced(mover.provider);
		// the editor re-announces itself on reconnecting (its old clock would be ignored)
		mover.provider.awareness.setLocalStateField('user', { name: 'Mover' });
		await eventually(seesMover, 3000);

		// its new connection drops (a closed tab: no goodbye message): the server removes its presence
		// at once, not after Awareness's 30 s timeout
		mover.provider.shouldConnect = false;
		mover.provider.ws?.close();
		await eventually(() => !seesMover(), 3000);
		expect(seesMover()).toBe(false);
		mover.provider.destroy();
		watcher.provider.destroy();
	});
});
