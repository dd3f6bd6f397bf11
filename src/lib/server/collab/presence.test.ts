import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { useFreshDatabase } from '../testing/database';
import { closeAllDocuments, loadedDocument } from './documents';
import { limits } from './limits';
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS } from './protocol';
import { client, closed, eventually, personIn, rawSocket, startCollabServer, synced } from './testing';

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

/** An awareness message as a client sends it: (client id, clock, state) entries; null removes. */
function presenceMessage(entries: [clientId: number, clock: number, state: unknown][]): Uint8Array {
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, entries.length);
	for (const [clientId, clock, state] of entries) {
		encoding.writeVarUint(update, clientId);
		encoding.writeVarUint(update, clock);
		encoding.writeVarString(update, JSON.stringify(state));
	}
	const message = encoding.createEncoder();
	encoding.writeVarUint(message, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
	return encoding.toUint8Array(message);
}

describe('collab presence is each connection’s own, and small', () => {
	async function withEditor() {
		const admin = await personIn('admin');
		const headers = { cookie: admin.cookie, origin: server.origin };
		const editor = client(server.url, admin.document, headers);
		await synced(editor.provider);
		editor.provider.awareness.setLocalStateField('user', { name: 'Admin' });
		await eventually(() => loadedDocument(admin.document)?.awareness.getStates().get(editor.doc.clientID)?.user?.name === 'Admin');
		return { admin, editor, headers };
	}
	const presenceOf = (document: string, clientId: number) => loadedDocument(document)?.awareness.getStates().get(clientId);

	it('drops what a read-only connection sends to overwrite or remove another client’s presence', async () => {
		const { admin, editor } = await withEditor();
		const observer = await personIn('observer', admin.consortiumId);
		for (const forged of [{ user: { name: 'Förfalskad' } }, null]) {
			const opened = await rawSocket(`${server.url}/${admin.document}`, { cookie: observer.cookie, origin: server.origin });
			if (!('ws' in opened)) throw new Error('refused');
			const presenceMessages = () => opened.received.filter((m) => m[0] === MESSAGE_AWARENESS).length;
			await eventually(() => presenceMessages() === 1); // joined: the presence of those already here
			opened.ws.send(presenceMessage([[editor.doc.clientID, 1_000_000, forged]]));
			opened.ws.send(new Uint8Array([MESSAGE_QUERY_AWARENESS])); // answered after the forged message was handled
			await eventually(() => presenceMessages() >= 2);
			expect(presenceOf(admin.document, editor.doc.clientID)?.user?.name).toBe('Admin');
			expect([...editor.provider.awareness.getStates().values()].map((s) => s.user?.name)).not.toContain('Förfalskad');
			opened.ws.close();
		}
		editor.provider.destroy();
	});

	it('lets a read-only connection show its own presence', async () => {
		const { admin, editor } = await withEditor();
		const observer = await personIn('observer', admin.consortiumId);
		const reader = client(server.url, admin.document, { cookie: observer.cookie, origin: server.origin });
		await synced(reader.provider);
		reader.provider.awareness.setLocalStateField('user', { name: 'Observatör' });
		await eventually(() => [...editor.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Observatör'));
		expect(reader.provider.wsconnected).toBe(true);
		reader.provider.destroy();
		editor.provider.destroy();
	});

	it('closes a connection whose presence is larger than the limit (2 KB), and keeps it from everyone', async () => {
		const { admin, editor } = await withEditor();
		const opened = await rawSocket(`${server.url}/${admin.document}`, { cookie: admin.cookie, origin: server.origin });
		if (!('ws' in opened)) throw new Error('refused');
		const done = closed(opened.ws);
		opened.ws.send(presenceMessage([[123456, 1, { user: { name: 'y'.repeat(512 * 1024) } }]]));
		expect(await done).toEqual({ code: CLOSE.policy, reason: 'presence too large' });
		expect(presenceOf(admin.document, 123456)).toBeUndefined();
		expect(presenceOf(admin.document, editor.doc.clientID)?.user?.name).toBe('Admin');
		editor.provider.destroy();
	});

	it('closes a connection that introduces more client ids than a handful', async () => {
		const { admin, editor } = await withEditor();
		const opened = await rawSocket(`${server.url}/${admin.document}`, { cookie: admin.cookie, origin: server.origin });
		if (!('ws' in opened)) throw new Error('refused');
		const done = closed(opened.ws);
		const ids = Array.from({ length: limits.maxPresenceClients + 1 }, (_, i) => 900_000 + i);
		for (const id of ids) opened.ws.send(presenceMessage([[id, 1, { user: { name: `Klon ${id}` } }]]));
		expect(await done).toEqual({ code: CLOSE.policy, reason: 'presence not allowed' });
		const shown = ids.filter((id) => presenceOf(admin.document, id));
		expect(shown.length).toBeLessThanOrEqual(limits.maxPresenceClients);
		editor.provider.destroy();
	});
});
