import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { collabUpdates, consortia, memberships } from '../db/schema';
import { recordChange } from '../audit/record-change';
import { invalidateSession } from '../auth/session';
import { closeAllDocuments, deriveAll, loadedDocument, settled } from './documents';
import { configureLimits, limits } from './limits';
import { CLOSE, MESSAGE_AUTH, MESSAGE_SYNC, READ_ONLY_REASON } from './protocol';
import { checkSessions } from './server';
import { loadState } from './store';
import { client, closed, eventually, personIn, rawSocket, startCollabServer, synced, upgradeStatus } from './testing';

useFreshDatabase();

let server: Awaited<ReturnType<typeof startCollabServer>>;
const defaults = { ...limits };
beforeAll(async () => {
	configureLimits({
		unloadAfterMs: 200,
		derivedDebounceMs: 50,
		derivedMaxWaitMs: 200
	});
	server = await startCollabServer();
});
afterAll(async () => {
	await closeAllDocuments();
	await server.close();
	configureLimits(defaults);
});

const headers = (cookie: string, origin = server.origin) => ({
	cookie,
	origin
});

function paragraph(doc: Y.Doc, text: string, index = doc.getXmlFragment('default').length): void {
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [new Y.XmlText(text)]);
	doc.getXmlFragment('default').insert(index, [p]);
}

const content = (doc: Y.Doc) => doc.getXmlFragment('default').toString();

function syncUpdateMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

describe('collab upgrade: refusals before any content', () => {
	it('answers 401 without a session cookie and with an unknown one', async () => {
		const admin = await personIn('admin');
		const url = `${server.url}/${admin.document}`;
		expect(await rawSocket(url, { origin: server.origin })).toEqual({
			status: 401
		});
		expect(await rawSocket(url, headers('samsyn_session=nope'))).toEqual({
			status: 401
		});
	});

	it('answers 401 to a session cookie that cannot be decoded, instead of dropping the socket', async () => {
		const admin = await personIn('admin');
		const url = `${server.url}/${admin.document}`;
		expect(await upgradeStatus(url, headers('samsyn_session=%E0%A4%A'))).toBe(401);
		expect(await upgradeStatus(url, headers(`other=%E0%A4%A; ${admin.cookie}`))).toBe(101);
	});

	it('answers 403 to a foreign or missing Origin', async () => {
		const admin = await personIn('admin');
		const url = `${server.url}/${admin.document}`;
		expect(await rawSocket(url, headers(admin.cookie, 'http://evil.example'))).toEqual({ status: 403 });
		expect(await rawSocket(url, { cookie: admin.cookie })).toEqual({
			status: 403
		});
	});

	it('answers 404 for another consortium, an unknown document and a malformed name', async () => {
		const admin = await personIn('admin');
		const stranger = await personIn('admin');
		expect(await rawSocket(`${server.url}/${admin.document}`, headers(stranger.cookie))).toEqual({ status: 404 });
		expect(await rawSocket(`${server.url}/consortium/${crypto.randomUUID()}/description`, headers(admin.cookie))).toEqual({ status: 404 });
		expect(await rawSocket(`${server.url}/consortium/${admin.consortiumId}/secret`, headers(admin.cookie))).toEqual({
			status: 404
		});
		expect(await rawSocket(`${server.url}/nothing/%E0%A4%A`, headers(admin.cookie))).toEqual({ status: 404 });
	});

	it('answers 404 to a supplier for a document not published to it', async () => {
		const admin = await personIn('admin');
		const supplier = await personIn('supplier', admin.consortiumId);
		expect(await rawSocket(`${server.url}/${admin.document}`, headers(supplier.cookie))).toEqual({ status: 404 });
	});
});

describe('collab: read-only connections', () => {
	it('gives an observer the document and presence but drops its update and tells it', async () => {
		const admin = await personIn('admin');
		const observer = await personIn('observer', admin.consortiumId);
		const writer = client(server.url, admin.document, headers(admin.cookie));
		await synced(writer.provider);
		paragraph(writer.doc, 'Written by the admin');
		writer.provider.awareness.setLocalStateField('user', { name: 'Admin' });
		await settled();

		const reader = client(server.url, admin.document, headers(observer.cookie));
		const denied: string[] = [];
		reader.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
			decoding.readVarUint(decoder);
			denied.push(decoding.readVarString(decoder));
		};
		await synced(reader.provider);
		expect(content(reader.doc)).toContain('Written by the admin');
		await eventually(() => [...reader.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Admin'));

		const before = await asSystem((tx) => tx.select().from(collabUpdates).where(eq(collabUpdates.document, admin.document)));
		paragraph(reader.doc, 'Sneaky observer edit');
		await eventually(() => denied.length > 0);
		expect(denied).toEqual([READ_ONLY_REASON]);
		await settled();
		const after = await asSystem((tx) => tx.select().from(collabUpdates).where(eq(collabUpdates.document, admin.document)));
		expect(after).toHaveLength(before.length);
		expect(content(writer.doc)).not.toContain('Sneaky');
		expect(content(loadedDocument(admin.document)!.doc)).not.toContain('Sneaky');
		writer.provider.destroy();
		reader.provider.destroy();
	});
});

describe('collab: bad input closes only that connection', () => {
	it('closes on random bytes, truncated messages, text and unknown types with 1008, and others carry on', async () => {
		const admin = await personIn('admin');
		const url = `${server.url}/${admin.document}`;
		const bystander = client(server.url, admin.document, headers(admin.cookie));
		await synced(bystander.provider);

		const valid = syncUpdateMessage(
			(() => {
				const d = new Y.Doc();
				paragraph(d, 'a perfectly fine paragraph');
				return Y.encodeStateAsUpdate(d);
			})()
		);
		const bad: Uint8Array[] = [
			new Uint8Array([]),
			new Uint8Array([0]),
			new Uint8Array([0, 2]),
			new Uint8Array([0, 2, 200]),
			valid.slice(0, valid.length - 5),
			new Uint8Array([1, 50, 1, 2]),
			new Uint8Array([9]),
			new Uint8Array([0, 7, 0]),
			new Uint8Array([...valid, 1, 2, 3])
		];
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let i = 0; i < 40; i++) bad.push(Uint8Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256)));
		for (let i = 0; i < 20; i++) bad.push(valid.slice(0, 1 + Math.floor(random() * (valid.length - 1))));

		let closedWith1008 = 0;
		for (const message of bad) {
			const opened = await rawSocket(url, headers(admin.cookie));
			if (!('ws' in opened)) throw new Error('refused');
			const done = closed(opened.ws, 3000).catch(() => null);
			opened.ws.send(message);
			// A message that happens to be valid is harmless; give the server a moment, then hang up.
			const result = await Promise.race([done, new Promise<'open'>((r) => setTimeout(() => r('open'), 150))]);
			if (result && result !== 'open' && result.code === CLOSE.policy) closedWith1008++;
			if (result === 'open') opened.ws.terminate();
		}
		expect(closedWith1008).toBeGreaterThanOrEqual(9);

		const text = await rawSocket(url, headers(admin.cookie));
		if (!('ws' in text)) throw new Error('refused');
		const textClosed = closed(text.ws);
		text.ws.send('hello');
		expect(await textClosed).toEqual({
			code: CLOSE.policy,
			reason: 'binary messages only'
		});

		paragraph(bystander.doc, 'still here');
		await settled();
		await eventually(() => content(loadedDocument(admin.document)!.doc).includes('still here'));
		expect(bystander.provider.wsconnected).toBe(true);
		bystander.provider.destroy();
	});

	it('closes an oversized message with 1009 and a too-fast client with 1008', async () => {
		const admin = await personIn('admin');
		const url = `${server.url}/${admin.document}`;
		const big = await rawSocket(url, headers(admin.cookie));
		if (!('ws' in big)) throw new Error('refused');
		const bigClosed = closed(big.ws);
		big.ws.send(new Uint8Array(limits.maxMessageBytes + 10));
		expect((await bigClosed).code).toBe(CLOSE.tooBig);

		const fast = await rawSocket(url, headers(admin.cookie));
		if (!('ws' in fast)) throw new Error('refused');
		const fastClosed = closed(fast.ws);
		const query = new Uint8Array([3]);
		for (let i = 0; i < limits.messageBurst + 50; i++) fast.ws.send(query);
		expect(await fastClosed).toEqual({
			code: CLOSE.policy,
			reason: 'rate limit exceeded'
		});
	});

	it('closes with 1009 when an update would make the document too large', async () => {
		const admin = await personIn('admin');
		configureLimits({ maxDocumentBytes: 2000 });
		try {
			const opened = await rawSocket(`${server.url}/${admin.document}`, headers(admin.cookie));
			if (!('ws' in opened)) throw new Error('refused');
			const done = closed(opened.ws);
			const d = new Y.Doc();
			paragraph(d, 'x'.repeat(5000));
			opened.ws.send(syncUpdateMessage(Y.encodeStateAsUpdate(d)));
			expect(await done).toEqual({
				code: CLOSE.tooBig,
				reason: 'document too large'
			});
		} finally {
			configureLimits({ maxDocumentBytes: defaults.maxDocumentBytes });
		}
	});
});

describe('collab: access changes close connections', () => {
	it('closes a member’s sockets with 4000 when their membership changes, and with 4001 when their session ends', async () => {
		const admin = await personIn('admin');
		const member = await personIn('admin', admin.consortiumId);
		const first = await rawSocket(`${server.url}/${admin.document}`, headers(member.cookie));
		if (!('ws' in first)) throw new Error('refused');
		const firstClosed = closed(first.ws);
		const announce = () =>
			asSystem((tx) =>
				recordChange(tx, {
					actorId: admin.user.id,
					consortiumId: admin.consortiumId,
					action: 'membership.role_changed',
					entityType: 'membership',
					entityId: member.user.id,
					userId: member.user.id
				})
			);
		// A membership event that leaves this document's access as it was keeps the socket open.
		await announce();
		await new Promise((r) => setTimeout(r, 300));
		expect(first.ws.readyState).toBe(first.ws.OPEN);
		await asSystem(async (tx) => {
			await tx.update(memberships).set({ role: 'observer' }).where(eq(memberships.userId, member.user.id));
			await recordChange(tx, {
				actorId: admin.user.id,
				consortiumId: admin.consortiumId,
				action: 'membership.role_changed',
				entityType: 'membership',
				entityId: member.user.id,
				userId: member.user.id
			});
		});
		expect(await firstClosed).toEqual({
			code: CLOSE.accessChanged,
			reason: 'access changed'
		});

		const second = await rawSocket(`${server.url}/${admin.document}`, headers(member.cookie));
		if (!('ws' in second)) throw new Error('refused');
		const secondClosed = closed(second.ws);
		await invalidateSession((await import('../auth/session')).sessionIdOf(member.token));
		await checkSessions();
		expect(await secondClosed).toEqual({
			code: CLOSE.sessionEnded,
			reason: 'session ended'
		});
		expect(await rawSocket(`${server.url}/${admin.document}`, headers(member.cookie))).toEqual({ status: 401 });
	});
});

describe('collab: convergence and persistence', () => {
	it('10 clients making random concurrent edits converge, identical to what the database holds and a fresh client loads', async () => {
		const admin = await personIn('admin');
		const clients = await Promise.all(
			Array.from({ length: 10 }, async () => {
				const c = client(server.url, admin.document, headers(admin.cookie));
				await synced(c.provider);
				return c;
			})
		);
		paragraph(clients[0]!.doc, 'start');
		await eventually(() => clients.every((c) => content(c.doc).includes('start')));

		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let round = 0; round < 20; round++) {
			for (const [i, c] of clients.entries()) {
				const fragment = c.doc.getXmlFragment('default');
				const choice = random();
				if (choice < 0.4 || fragment.length === 0) {
					paragraph(c.doc, `c${i} r${round}`, Math.floor(random() * (fragment.length + 1)));
				} else if (choice < 0.85) {
					const p = fragment.get(Math.floor(random() * fragment.length)) as Y.XmlElement;
					const text = p.get(0) as Y.XmlText | undefined;
					if (text) text.insert(Math.floor(random() * (text.length + 1)), `[${i}.${round}]`, random() < 0.3 ? { bold: {} } : undefined);
				} else {
					fragment.delete(Math.floor(random() * fragment.length), 1);
				}
			}
			await new Promise((r) => setTimeout(r, random() * 20));
		}
		await settled();
		await eventually(() => new Set(clients.map((c) => content(c.doc))).size === 1, 15_000);
		const final = content(clients[0]!.doc);
		expect(final.length).toBeGreaterThan(20);

		const stored = new Y.Doc();
		Y.applyUpdate(stored, await asSystem((tx) => loadState(tx, admin.document)));
		expect(content(stored)).toBe(final);

		for (const c of clients) c.provider.destroy();
		await eventually(() => loadedDocument(admin.document) === undefined, 5000);
		const fresh = client(server.url, admin.document, headers(admin.cookie));
		await synced(fresh.provider);
		expect(content(fresh.doc)).toBe(final);
		fresh.provider.destroy();
	});

	it('stores the derived plain text on the consortium once edits settle', async () => {
		const admin = await personIn('admin');
		const writer = client(server.url, admin.document, headers(admin.cookie));
		await synced(writer.provider);
		writer.doc.transact(() => {
			const heading = new Y.XmlElement('heading');
			heading.setAttribute('level', '2');
			heading.insert(0, [new Y.XmlText('Om oss')]);
			writer.doc.getXmlFragment('default').insert(0, [heading]);
		});
		paragraph(writer.doc, 'Vi köper välfärdsteknik tillsammans.');
		await settled();
		await deriveAll();
		const description = async () => {
			const [row] = await asSystem((tx) => tx.select({ d: consortia.description }).from(consortia).where(eq(consortia.id, admin.consortiumId)));
			return row?.d;
		};
		await eventually(async () => (await description()) !== '');
		expect(await description()).toBe('Om oss\nVi köper välfärdsteknik tillsammans.');
		writer.provider.destroy();
	});
});
