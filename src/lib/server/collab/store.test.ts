import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { useFreshDatabase } from '../testing/database';
import { openDatabase } from '../db/client';
import { firstRow } from '../db/rows';
import { asSystem } from '../db/request';
import { buildConsortium, buildUser } from '../demo/factories';
import { collabSnapshots, collabUpdates, consortia, users } from '../db/schema';
import { closeAllDocuments, openDocument, settled, submitUpdate } from './documents';
import { configureLimits, limits } from './limits';
import { appendUpdates, compactDocument, compactDocumentIn, loadState, readDocument, stateOf } from './store';

const database = useFreshDatabase();

/** A sequence of real updates from one editing client, each adding a paragraph. */
function edits(count: number, label = 'p'): Uint8Array[] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	for (let i = 0; i < count; i++) {
		const p = new Y.XmlElement('paragraph');
		p.insert(0, [new Y.XmlText(`${label}${i}`)]);
		doc.getXmlFragment('default').push([p]);
	}
	return updates;
}

const text = (state: Uint8Array) => {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return doc.getXmlFragment('default').toString();
};

async function freshDocument() {
	const consortium = await asSystem((tx) => buildConsortium(tx));
	return {
		consortiumId: consortium.id,
		document: `consortium/${consortium.id}/description`
	};
}

describe('collab store', () => {
	it('appends updates and loads them back in order', async () => {
		const { consortiumId, document } = await freshDocument();
		const updates = edits(5);
		await appendUpdates(
			updates.map((update) => ({
				document,
				consortiumId,
				update,
				userId: null
			}))
		);
		const stored = await asSystem((tx) => readDocument(tx, document));
		expect(stored.snapshot).toBeNull();
		expect(stored.updates.map((u) => [...u])).toEqual(updates.map((u) => [...u]));
		expect(text(await asSystem((tx) => loadState(tx, document)))).toBe(
			'<paragraph>p0</paragraph><paragraph>p1</paragraph><paragraph>p2</paragraph><paragraph>p3</paragraph><paragraph>p4</paragraph>'
		);
	});

	it('compacts updates into a snapshot that loads the same, and later updates stay', async () => {
		const { consortiumId, document } = await freshDocument();
		const updates = edits(12);
		await appendUpdates(updates.slice(0, 10).map((update) => ({ document, consortiumId, update, userId: null })));
		const before = text(await asSystem((tx) => loadState(tx, document)));
		expect(await compactDocument(document, consortiumId)).toBe(10);
		const remaining = await asSystem((tx) => tx.select().from(collabUpdates).where(eq(collabUpdates.document, document)));
		expect(remaining).toHaveLength(0);
		expect(text(await asSystem((tx) => loadState(tx, document)))).toBe(before);

		await appendUpdates(updates.slice(10).map((update) => ({ document, consortiumId, update, userId: null })));
		const stored = await asSystem((tx) => readDocument(tx, document));
		expect(stored.snapshot).not.toBeNull();
		expect(stored.updates).toHaveLength(2);
		expect(text(await asSystem((tx) => loadState(tx, document)))).toContain('p11');
	});

	it('loses no update appended while a compaction runs', async () => {
		const { consortiumId, document } = await freshDocument();
		const first = edits(30, 'a');
		const second = edits(30, 'b');
		await appendUpdates(first.map((update) => ({ document, consortiumId, update, userId: null })));
		await Promise.all([compactDocument(document, consortiumId), ...second.map((update) => appendUpdates([{ document, consortiumId, update, userId: null }]))]);
		await compactDocument(document, consortiumId);
		const loaded = text(await asSystem((tx) => loadState(tx, document)));
		for (let i = 0; i < 30; i++) {
			expect(loaded).toContain(`>a${i}<`);
			expect(loaded).toContain(`>b${i}<`);
		}
	});

	it('reads snapshot and updates as of one moment, even when a compaction commits in between', async () => {
		const { consortiumId, document } = await freshDocument();
		const rows = (updates: Uint8Array[]) => updates.map((update) => ({ document, consortiumId, update, userId: null }));
		await appendUpdates(rows(edits(3, 'a')));
		await compactDocument(document, consortiumId);
		await appendUpdates(rows(edits(3, 'b')));
		const everything = text(await asSystem((tx) => loadState(tx, document)));
		expect(everything).toContain('>b2<');

		const url = database.url();
		if (!url) {
			// The embedded database has one connection: nothing can commit between two statements of a
			// transaction, so a read always sees one moment. A compaction just before it changes nothing.
			await compactDocument(document, consortiumId);
			expect(text(stateOf(await asSystem((tx) => readDocument(tx, document))))).toBe(everything);
			return;
		}
		// A second process compacts: it locks the log, so the read queues behind it at the log, and its
		// compaction commits while the read waits there (after the read may have seen the old snapshot).
		const other = await openDatabase({ url });
		try {
			const { read } = await other.db.transaction(async (tx) => {
				await tx.execute(sql`lock table collab_updates in access exclusive mode`);
				const reading = asSystem((own) => readDocument(own, document));
				const waiting = async () =>
					Number(
						firstRow<{ n: number }>(
							await asSystem((own) => own.execute(sql`select count(*)::int as n from pg_locks where relation = 'collab_updates'::regclass and not granted`))
						)?.n
					) > 0;
				while (!(await waiting())) await new Promise((r) => setTimeout(r, 5));
				expect(await compactDocumentIn(tx, document, consortiumId)).toBe(3);
				return { read: reading }; // not awaited here: the read waits for this commit
			});
			expect(text(stateOf(await read))).toBe(everything);
		} finally {
			await other.close();
		}
	});

	it('skips an unreadable stored row instead of refusing to load the document', async () => {
		const { consortiumId, document } = await freshDocument();
		const [good] = edits(1, 'good');
		await appendUpdates([
			{ document, consortiumId, update: good!, userId: null },
			{
				document,
				consortiumId,
				update: new Uint8Array([255, 255, 255, 1]),
				userId: null
			}
		]);
		expect(text(await asSystem((tx) => loadState(tx, document)))).toBe('<paragraph>good0</paragraph>');
	});

	it('compacts a loaded document once it holds more than the set number of updates', async () => {
		const defaults = { ...limits };
		configureLimits({ compactAfter: 20 });
		try {
			const { consortiumId, document } = await freshDocument();
			const shared = await openDocument(document, consortiumId);
			for (const update of edits(25)) submitUpdate(shared, update, null, null);
			await settled();
			const [snapshot] = await asSystem((tx) => tx.select().from(collabSnapshots).where(eq(collabSnapshots.document, document)));
			expect(snapshot).toBeDefined();
			const remaining = await asSystem((tx) => tx.select().from(collabUpdates).where(eq(collabUpdates.document, document)));
			expect(remaining.length).toBeLessThan(20);
			expect(text(await asSystem((tx) => loadState(tx, document)))).toBe(shared.doc.getXmlFragment('default').toString());
		} finally {
			configureLimits(defaults);
			await closeAllDocuments();
		}
	});

	it("forgets a deleted consortium's log and a deleted user's authorship, as the log has no foreign keys", async () => {
		const kept = await freshDocument();
		const gone = await freshDocument();
		const author = await asSystem((tx) => buildUser(tx));
		const [update] = edits(1);
		await appendUpdates([
			{ document: kept.document, consortiumId: kept.consortiumId, update: update!, userId: author.id },
			{ document: gone.document, consortiumId: gone.consortiumId, update: update!, userId: author.id }
		]);
		await asSystem((tx) => tx.delete(consortia).where(eq(consortia.id, gone.consortiumId)));
		await asSystem((tx) => tx.delete(users).where(eq(users.id, author.id)));
		const rows = await asSystem((tx) => tx.select({ document: collabUpdates.document, userId: collabUpdates.userId }).from(collabUpdates));
		expect(rows.filter((r) => r.document === gone.document)).toEqual([]);
		expect(rows.filter((r) => r.document === kept.document)).toEqual([{ document: kept.document, userId: null }]);
	});
});
