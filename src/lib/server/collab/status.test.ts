import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { collabUpdates, requirements } from '../db/schema';
import { createSession, generateSessionToken } from '../auth/session';
import { buildConsortium, buildMembership, buildOrganisation, buildRequirement, buildUser } from '../demo/factories';
import { recordVerdict, withdrawRequirement } from '../requirements/workflow';
import { closeAllDocuments, loadedDocument, settled } from './documents';
import { configureLimits, limits } from './limits';
import { CLOSE, MESSAGE_AUTH, READ_ONLY_REASON } from './protocol';
import { renderDocument } from './render';
import { client, eventually, startCollabServer, synced } from './testing';

useFreshDatabase();

let server: Awaited<ReturnType<typeof startCollabServer>>;
const defaults = { ...limits };
beforeAll(async () => {
	// The debounced derived text never comes during these tests: only the status change can store it.
	configureLimits({ derivedDebounceMs: 600_000, derivedMaxWaitMs: 600_000, unloadAfterMs: 200 });
	server = await startCollabServer();
});
afterAll(async () => {
	await closeAllDocuments();
	await server.close();
	configureLimits(defaults);
});

/** A consortium with one municipality, a writer (signed in) and its representative; a requirement. */
async function world(status: 'draft' | 'in_review') {
	const w = await asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const organisation = await buildOrganisation(tx, consortium.id);
		const writer = await buildUser(tx);
		const representative = await buildUser(tx);
		await buildMembership(tx, { consortiumId: consortium.id, userId: writer.id, organisationId: organisation.id, role: 'member' });
		await buildMembership(tx, { consortiumId: consortium.id, userId: representative.id, organisationId: organisation.id, role: 'representative' });
		const requirement = await buildRequirement(tx, consortium.id, { status, bodyText: 'Texten från formuläret' });
		return { consortiumId: consortium.id, writer, representative, requirement };
	});
	const token = generateSessionToken();
	await createSession(token, w.writer.id);
	return { ...w, cookie: `samsyn_session=${token}`, document: `requirement/${w.requirement.id}/body` };
}

function paragraph(doc: Y.Doc, text: string): void {
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [new Y.XmlText(text)]);
	doc.getXmlFragment('default').push([p]);
}

/** A y-websocket client that records the close codes it gets and the server's read-only notices. */
async function editor(document: string, cookie: string) {
	const c = client(server.url, document, { cookie, origin: server.origin });
	const closes: number[] = [];
	const denied: string[] = [];
	c.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
	c.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
		decoding.readVarUint(decoder);
		denied.push(decoding.readVarString(decoder));
	};
	await synced(c.provider);
	return { ...c, closes, denied };
}

const stored = async (id: string) => (await asSystem((tx) => tx.select().from(requirements).where(eq(requirements.id, id))))[0]!;
const logLength = async (document: string) => (await asSystem((tx) => tx.select().from(collabUpdates).where(eq(collabUpdates.document, document)))).length;
const serverText = (document: string) => renderDocument(loadedDocument(document)!.doc).text;

describe('a status change of a co-edited requirement', () => {
	it('approval stores the text as co-edited up to that moment, and the open socket loses its edit rights at once', async () => {
		const w = await world('in_review');
		const writer = await editor(w.document, w.cookie);
		paragraph(writer.doc, 'Skrivet precis före beslutet');
		// stored in the log (the server applies an update only after that), but not yet derived
		await eventually(() => serverText(w.document).includes('precis före beslutet'));
		expect((await stored(w.requirement.id)).bodyText).toBe('Texten från formuläret');

		const result = await recordVerdict(w.representative, w.consortiumId, { requirementId: w.requirement.id, verdict: 'approve', reason: '' });
		expect(result.status).toBe('approved');
		const row = await stored(w.requirement.id);
		expect(row.status).toBe('approved');
		expect(row.bodyText).toBe(serverText(w.document));
		expect(row.bodyText).toBe('Texten från formuläret\nSkrivet precis före beslutet');
		expect(row.bodyHtml).toContain('<p>Skrivet precis före beslutet</p>');

		// the server closes the socket (access changed); the client reconnects read-only
		await eventually(() => writer.closes.includes(CLOSE.accessChanged), 5000);
		await synced(writer.provider);
		const before = await logLength(w.document);
		paragraph(writer.doc, 'Skrivet efter beslutet');
		await eventually(() => writer.denied.length > 0, 5000);
		expect(writer.denied).toEqual([READ_ONLY_REASON]);
		await settled();
		expect(await logLength(w.document)).toBe(before);
		expect(serverText(w.document)).not.toContain('efter beslutet');
		expect((await stored(w.requirement.id)).bodyText).toBe(row.bodyText);
		writer.provider.destroy();
	});

	it('withdrawing a draft stores its co-edited text first and closes the editors’ sockets', async () => {
		const w = await world('draft');
		const writer = await editor(w.document, w.cookie);
		paragraph(writer.doc, 'Sista ändringen');
		await eventually(() => serverText(w.document).includes('Sista ändringen'));
		await withdrawRequirement(w.writer, w.consortiumId, w.requirement.id, w.requirement.version);
		const row = await stored(w.requirement.id);
		expect(row.status).toBe('withdrawn');
		expect(row.bodyText).toBe('Texten från formuläret\nSista ändringen');
		await eventually(() => writer.closes.includes(CLOSE.accessChanged), 5000);
		writer.provider.destroy();
	});
});
