import { eq } from 'drizzle-orm';
import { decisionItems } from '../../db/schema';
import { registerDocumentKind } from '../registry';

/**
 * `decision_item/<id>/background`: a decision item's background, co-written while the item is a
 * draft (the policy's `decision_item.edit`); from the moment it is opened for positions everyone reads
 * the words the organisations take a position on, unchanged. Internal members only, never the
 * supplier. Its plain text is kept on the row for the log, exports and search.
 */
registerDocumentKind('decision_item', {
	fields: ['background'],
	accessChangedBy: ['decision_item.opened', 'decision_item.withdrawn'],
	async initialText(tx, id) {
		const [row] = await tx.select({ text: decisionItems.background }).from(decisionItems).where(eq(decisionItems.id, id));
		return row?.text ?? null;
	},
	async resolve(tx, id) {
		const [row] = await tx
			.select({ consortiumId: decisionItems.consortiumId, status: decisionItems.status })
			.from(decisionItems)
			.where(eq(decisionItems.id, id));
		if (!row) return null;
		return {
			consortiumId: row.consortiumId,
			publishedToSupplier: false,
			edit: {
				action: 'decision_item.edit',
				resource: { consortiumId: row.consortiumId, status: row.status, actorConflicted: false, representativeConflicted: false }
			}
		};
	},
	async onDerived(tx, id, _field, content) {
		const [before] = await tx
			.select({ background: decisionItems.background, status: decisionItems.status })
			.from(decisionItems)
			.where(eq(decisionItems.id, id));
		if (!before || before.status !== 'draft' || before.background === content.text) return;
		await tx.update(decisionItems).set({ background: content.text, updatedAt: new Date() }).where(eq(decisionItems.id, id));
	}
});
