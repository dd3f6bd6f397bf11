import { asc, eq, inArray, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { database, openedDatabase, type PreparedStatement, type Transaction } from '../db/client';
import { asSystem } from '../db/request';
import { collabSnapshots, collabUpdates } from '../db/schema';
import { rowsOf } from '../db/rows';
import { log } from '../log';
import { textToUpdate } from './render';

/** One update on its way to the log. */
export interface UpdateRow {
	document: string;
	consortiumId: string;
	update: Uint8Array;
	userId: string | null;
}

/**
 * Appends a batch of updates (several documents at once) in one insert statement on the server's
 * connection: one statement is atomic on its own, and skipping BEGIN/COMMIT saves two round trips
 * on the path every keystroke waits for. The statement goes straight to the driver: the query
 * builder's cost is measurable at hundreds of updates a second (docs/performance.md).
 */
export async function appendUpdates(rows: UpdateRow[]): Promise<void> {
	if (rows.length === 0) return;
	const handle = await database();
	await handle.run(`${INSERT_UPDATES} ${rows.map((_, i) => valuesRow(i * 4)).join(', ')}`, rows.flatMap(parameters));
}

/**
 * The document an append was refused for because its text has settled (a requirement revision
 * approved or withdrawn, a decision item opened, minutes justerade, perhaps while the update waited:
 * migration `*_co_edited_text_settles.sql`), or null for any other error.
 */
export function settledDocumentOf(error: unknown): string | null {
	for (let e = error as DatabaseErrorShape | undefined, depth = 0; e && depth < 3; e = e.cause, depth++) {
		if (e.code === '23514' && (e.constraint ?? e.constraint_name) === 'collab_updates_settled_text') return e.detail ?? null;
	}
	return null;
}

/** How PGlite, postgres.js and `pglite-now.ts` name an error's fields (Drizzle wraps them as `cause`). */
interface DatabaseErrorShape {
	code?: string;
	constraint?: string;
	constraint_name?: string;
	detail?: string;
	cause?: DatabaseErrorShape;
}

const INSERT_UPDATES = 'insert into collab_updates (document, consortium_id, update, user_id) values';
/** One row's placeholders, numbered from `offset + 1`. */
const valuesRow = (offset: number) => `($${offset + 1}, $${offset + 2}::uuid, $${offset + 3}::bytea, $${offset + 4}::uuid)`;
const parameters = (row: UpdateRow) => [row.document, row.consortiumId, row.update, row.userId];

const appendOne: PreparedStatement = { name: 'samsyn_collab_append', text: `${INSERT_UPDATES} ${valuesRow(0)}` };

/**
 * Appends one update synchronously, in this turn of the event loop, when the database can take it
 * right now (the embedded database, idle at this moment); false when it cannot, and then nothing was
 * written. Throws when the insert fails.
 */
export function appendUpdateNow(row: UpdateRow): boolean {
	const runNow = openedDatabase()?.runNow;
	if (!runNow) return false;
	return runNow(appendOne, parameters(row));
}

/** A document as stored: its latest snapshot and the updates after it, oldest first. */
export interface StoredDocument {
	snapshot: Uint8Array | null;
	updates: Uint8Array[];
}

/**
 * Reads the latest snapshot and the updates not yet folded into it, in one statement: one statement
 * sees the database as of one moment, so a compaction that commits meanwhile (another process, or
 * another connection of this one) cannot leave the read with the old snapshot but without the
 * updates it folded. Two statements under READ COMMITTED would see two moments.
 */
export async function readDocument(tx: Transaction, document: string): Promise<StoredDocument> {
	const parts = rowsOf<{ snapshot: boolean; part: Uint8Array }>(
		await tx.execute(sql`
			select true as snapshot, state as part, 0::bigint as seq from collab_snapshots where document = ${document}
			union all
			select false, update, seq from collab_updates where document = ${document}
			order by snapshot desc, seq`)
	);
	const bytes = (part: Uint8Array) => new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
	return {
		snapshot: parts[0]?.snapshot ? bytes(parts[0].part) : null,
		updates: parts.filter((p) => !p.snapshot).map((p) => bytes(p.part))
	};
}

const isEmpty = (stored: StoredDocument) => stored.snapshot === null && stored.updates.length === 0;

/**
 * Reads a document; when it has never been edited and `initialText` gives the entity's earlier
 * text, stores that as the document's first update and returns it. An advisory lock on the name
 * makes sure two processes opening the same empty document at once seed it only once.
 */
export async function readOrSeedDocument(
	document: string,
	consortiumId: string,
	initialText: ((tx: Transaction) => Promise<string | null>) | undefined
): Promise<StoredDocument> {
	return asSystem(async (tx) => {
		const stored = await readDocument(tx, document);
		if (!isEmpty(stored) || !initialText) return stored;
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${document}))`);
		const again = await readDocument(tx, document);
		if (!isEmpty(again)) return again;
		const text = await initialText(tx);
		if (!text?.trim()) return again;
		const update = textToUpdate(text);
		await tx.insert(collabUpdates).values({ document, consortiumId, update, userId: null });
		return { snapshot: null, updates: [update] };
	});
}

/**
 * Applies stored parts to a document one by one; a part Yjs cannot read is logged and skipped,
 * so one bad row cannot make a document unloadable.
 */
export function applyStored(doc: Y.Doc, stored: StoredDocument, origin: unknown = 'load'): number {
	let bytes = 0;
	for (const part of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
		try {
			Y.applyUpdate(doc, part, origin);
			bytes += part.byteLength;
		} catch (error) {
			log.warn({ err: error }, 'skipped an unreadable stored document update');
		}
	}
	return bytes;
}

/** The merged state of a stored document, as one update. */
export function stateOf(stored: StoredDocument): Uint8Array {
	const doc = new Y.Doc();
	try {
		applyStored(doc, stored);
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

/** The current state of a document straight from the database. */
export async function loadState(tx: Transaction, document: string): Promise<Uint8Array> {
	return stateOf(await readDocument(tx, document));
}

/**
 * Folds a document's updates into its snapshot in one transaction. Only the rows it read are
 * deleted, so an update committed meanwhile stays in the log and is loaded after the snapshot.
 * Returns how many updates were folded.
 */
export async function compactDocument(document: string, consortiumId: string): Promise<number> {
	return asSystem((tx) => compactDocumentIn(tx, document, consortiumId));
}

/** `compactDocument` in the caller's transaction (on the server's own connection). */
export async function compactDocumentIn(tx: Transaction, document: string, consortiumId: string): Promise<number> {
	const [snapshot] = await tx.select({ state: collabSnapshots.state }).from(collabSnapshots).where(eq(collabSnapshots.document, document)).for('update');
	const rows = await tx
		.select({ seq: collabUpdates.seq, update: collabUpdates.update })
		.from(collabUpdates)
		.where(eq(collabUpdates.document, document))
		.orderBy(asc(collabUpdates.seq));
	if (rows.length === 0) return 0;
	const state = stateOf({
		snapshot: snapshot?.state ?? null,
		updates: rows.map((r) => r.update)
	});
	const upToSeq = rows[rows.length - 1]!.seq;
	await tx
		.insert(collabSnapshots)
		.values({ document, consortiumId, state, upToSeq })
		.onConflictDoUpdate({
			target: collabSnapshots.document,
			set: { state, upToSeq, updatedAt: new Date() }
		});
	const seqs = rows.map((r) => r.seq);
	for (let i = 0; i < seqs.length; i += 1000) {
		await tx.delete(collabUpdates).where(inArray(collabUpdates.seq, seqs.slice(i, i + 1000)));
	}
	return rows.length;
}
