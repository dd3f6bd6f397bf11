import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { useFreshDatabase } from '../testing/database';
import { asServerIn, asSystem } from '../db/request';
import { database } from '../db/client';
import { rowsOf } from '../db/rows';
import { collabUpdates, decisionItems, meetings, requirements } from '../db/schema';
import { createSession, generateSessionToken } from '../auth/session';
import { buildConsortium, buildMembership, buildOrganisation, buildRequirement, buildUser } from '../demo/factories';
import { recordVerdict, withdrawRequirement } from '../requirements/workflow';
import { lockItem } from '../decisions/state';
import { storeDerivedText } from './derived';
import { closeAllDocuments, loadedDocument, settled } from './documents';
import { restoreState } from './versions';
import { Forbidden } from '../policy';
import { configureLimits, limits } from './limits';
import { CLOSE, MESSAGE_AUTH, READ_ONLY_REASON } from './protocol';
import { renderDocument, textToUpdate } from './render';
import { appendUpdateNow, appendUpdates, settledDocumentOf } from './store';
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
/** How many lock requests are waiting on the PostgreSQL server. */
const waitingLocks = async () =>
	rowsOf<{ n: number }>(await asSystem((tx) => tx.execute(sql`select count(*)::int as n from pg_locks where not granted`)))[0]!.n;
/** On PostgreSQL, until a statement waits for a lock; the embedded database runs one transaction at a time anyway. */
const untilSomethingWaits = async () => {
	if ((await database()).kind === 'postgres') await eventually(async () => (await waitingLocks()) > 0);
};
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

	it('an edit on its way while an approval is decided is refused, so the approved text is all the document holds', async () => {
		const w = await world('in_review');
		const writer = await editor(w.document, w.cookie);
		paragraph(writer.doc, 'Skrivet före beslutet');
		await eventually(() => serverText(w.document).includes('före beslutet'));
		await settled();
		const logBefore = await logLength(w.document);
		// An approval as recordVerdict makes one (the row locked, the document's text stored, the status
		// set), held open until an edit sent after it read the document has reached the server.
		let decided!: () => void;
		let wasRead!: () => void;
		const read = new Promise<void>((resolve) => (wasRead = resolve));
		const deciding = asSystem(async (tx) => {
			await tx.select({ id: requirements.id }).from(requirements).where(eq(requirements.id, w.requirement.id)).for('update');
			await storeDerivedText(tx, w.document);
			await tx
				.update(requirements)
				.set({ status: 'approved', version: w.requirement.version + 1 })
				.where(eq(requirements.id, w.requirement.id));
			wasRead();
			await new Promise<void>((resolve) => (decided = resolve));
		});
		await read;
		paragraph(writer.doc, 'Skrivet medan beslutet fattades');
		// Queued behind the approval (the embedded database) or waiting for its lock (PostgreSQL).
		await eventually(() => loadedDocument(w.document)!.pending > 0);
		await untilSomethingWaits(); // for the revision's row, on PostgreSQL
		decided();
		await deciding;
		await settled();

		await eventually(() => writer.closes.includes(CLOSE.accessChanged), 5000);
		expect(await logLength(w.document)).toBe(logBefore);
		expect(serverText(w.document)).not.toContain('medan beslutet');
		const row = await stored(w.requirement.id);
		expect(row.status).toBe('approved');
		expect(row.bodyText).toBe('Texten från formuläret\nSkrivet före beslutet');
		expect(row.bodyText).toBe(serverText(w.document));
		writer.provider.destroy();
	});

	it('the database itself refuses a person’s edit of a settled revision’s text, and still lets the server seed it', async () => {
		const w = await world('in_review');
		await asSystem((tx) => tx.update(requirements).set({ status: 'approved' }).where(eq(requirements.id, w.requirement.id)));
		const edit = { document: w.document, consortiumId: w.consortiumId, update: textToUpdate('Efteråt'), userId: w.writer.id };
		const refused = await appendUpdates([edit]).then(
			() => null,
			(error: unknown) => error
		);
		expect(settledDocumentOf(refused)).toBe(w.document);
		let now: unknown;
		try {
			now = appendUpdateNow(edit); // false on PostgreSQL: only the embedded database runs it at once
		} catch (error) {
			now = settledDocumentOf(error);
		}
		expect([false, w.document]).toContain(now);
		// The server's own first update of a document is the row's stored text: opening it still works.
		await appendUpdates([{ ...edit, update: textToUpdate('Texten från formuläret'), userId: null }]);
		expect(await logLength(w.document)).toBe(1);
		// A draft takes edits.
		const draft = await world('draft');
		await appendUpdates([{ ...edit, document: draft.document, consortiumId: draft.consortiumId }]);
		expect(await logLength(draft.document)).toBe(1);
	});

	it('a restore that meets the approval is refused as a settled text is, with Forbidden and not a database error', async () => {
		const w = await world('draft');
		const restoring = restoreState(w.writer, w.document, async (tx) => {
			// The approval lands after the restore checked the writer's access and before it writes.
			await asServerIn(tx, (t) => t.update(requirements).set({ status: 'approved' }).where(eq(requirements.id, w.requirement.id)));
			return {
				state: Y.encodeStateAsUpdate(new Y.Doc()),
				audit: { action: 'collab.version_restored', entityType: 'requirement', entityId: w.requirement.id, after: {} }
			};
		});
		await expect(restoring).rejects.toBeInstanceOf(Forbidden);
		expect(await logLength(w.document)).toBe(1); // only the server's seed of the stored text
		expect(serverText(w.document)).toBe('Texten från formuläret');
	});

	it('the database refuses edits of a decision item’s background once it is opened, and of minutes once justerade', async () => {
		const w = await world('draft');
		const { draftItem, withdrawnItem, meeting, adjusted } = await asSystem(async (tx) => {
			const item = (status: 'draft' | 'withdrawn') =>
				tx
					.insert(decisionItems)
					.values({ consortiumId: w.consortiumId, title: 'Val av larmmottagning', proposal: 'Vi väljer leverantör A', level: 'project_group', status })
					.returning()
					.then((rows) => rows[0]!);
			const meetingOf = (adjustedAt: Date | null) =>
				tx
					.insert(meetings)
					.values({
						consortiumId: w.consortiumId,
						level: 'project_group',
						title: 'Projektgruppsmöte',
						meetingDate: '2026-12-01',
						startsAt: '09:00',
						minutesStartedAt: new Date(),
						adjustedAt
					})
					.returning()
					.then((rows) => rows[0]!);
			return { draftItem: await item('draft'), withdrawnItem: await item('withdrawn'), meeting: await meetingOf(null), adjusted: await meetingOf(new Date()) };
		});
		const edit = (document: string) => ({ document, consortiumId: w.consortiumId, update: textToUpdate('Ändrat'), userId: w.writer.id });
		const refusal = (document: string) =>
			appendUpdates([edit(document)]).then(
				() => null,
				(error: unknown) => settledDocumentOf(error)
			);
		expect(await refusal(`decision_item/${draftItem.id}/background`)).toBeNull();
		expect(await refusal(`decision_item/${withdrawnItem.id}/background`)).toBe(`decision_item/${withdrawnItem.id}/background`);
		expect(await refusal(`meeting/${meeting.id}/p1`)).toBeNull();
		expect(await refusal(`meeting/${adjusted.id}/p1`)).toBe(`meeting/${adjusted.id}/p1`);
	});

	it('an edit that meets a decision item being opened waits for it under the item’s lock, and is refused', async () => {
		const w = await world('draft');
		const [item] = await asSystem((tx) =>
			tx
				.insert(decisionItems)
				.values({ consortiumId: w.consortiumId, title: 'Val av larmmottagning', proposal: 'Vi väljer leverantör A', level: 'project_group' })
				.returning()
		);
		const document = `decision_item/${item!.id}/background`;
		let opened!: () => void;
		let wasLocked!: () => void;
		const locked = new Promise<void>((resolve) => (wasLocked = resolve));
		// Opening as moveItem does: the item's lock, its text read, the status changed; held open.
		const opening = asSystem(async (tx) => {
			await lockItem(tx, w.consortiumId, item!.id);
			await storeDerivedText(tx, document);
			await tx
				.update(decisionItems)
				.set({ status: 'open', deadline: new Date(Date.now() + 86_400_000) })
				.where(eq(decisionItems.id, item!.id));
			wasLocked();
			await new Promise<void>((resolve) => (opened = resolve));
		});
		await locked;
		let outcome: string | null | undefined;
		const appending = appendUpdates([{ document, consortiumId: w.consortiumId, update: textToUpdate('Ändrat under öppnandet'), userId: w.writer.id }]).then(
			() => (outcome = null),
			(error: unknown) => (outcome = settledDocumentOf(error))
		);
		// On PostgreSQL it waits for the item's lock (the embedded database runs it after the transaction).
		await untilSomethingWaits();
		expect(outcome).toBeUndefined();
		opened();
		await opening;
		await appending;
		// ... and then sees the item open.
		expect(outcome).toBe(document);
		expect(await logLength(document)).toBe(0);
	});
});
