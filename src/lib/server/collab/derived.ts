import * as Y from 'yjs';
import type { Transaction } from '../db/client';
import { asServerIn } from '../db/request';
import { documentKind, parseDocumentName } from './registry';
import { renderDocument } from './render';
import { applyStored, readDocument } from './store';
import './kinds';

/**
 * Brings an entity's derived text and HTML up to date from its document as stored, in the caller's
 * transaction: for a command that is about to lock the text (a requirement's status change), which
 * must not wait for the co-editing server's debounced write (1 s after the last edit, in whichever
 * process holds the document). Every update is in the log before any client can see it, so the log
 * read here holds everything anyone has seen. A document that was never co-edited leaves the row's
 * own text alone. Runs on the server's own role, as the co-editing server's writes do.
 */
export async function storeDerivedText(tx: Transaction, name: string): Promise<void> {
	const document = parseDocumentName(name);
	const onDerived = document ? documentKind(document.kind)?.onDerived : undefined;
	if (!document || !onDerived) return;
	await asServerIn(tx, async (own) => {
		const stored = await readDocument(own, name);
		if (stored.snapshot === null && stored.updates.length === 0) return;
		const doc = new Y.Doc();
		try {
			applyStored(doc, stored);
			await onDerived(own, document.id, document.field, renderDocument(doc));
		} finally {
			doc.destroy();
		}
	});
}
