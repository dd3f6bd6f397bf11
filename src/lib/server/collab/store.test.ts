import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { buildConsortium, buildUser } from '../demo/factories';
import { collabSnapshots, collabUpdates, consortia, users } from '../db/schema';
import { closeAllDocuments, openDocument, settled, submitUpdate } from './documents';
import { configureLimits, limits } from './limits';
import { appendUpdates, compactDocument, loadState, readDocument } from './store';

useFreshDatabase();

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
