import { eq } from 'drizzle-orm';
import { consortia } from '../../db/schema';
import { registerDocumentKind } from '../registry';

/**
 * `consortium/<id>/description`: the consortium's about-text. Admins edit it (the same right as
 * the ground rules); every internal member reads it; its plain text is kept on consortia.description.
 */
registerDocumentKind('consortium', {
	fields: ['description'],
	editAction: 'rules.manage',
	async resolve(tx, id) {
		const [row] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.id, id));
		return row ? { consortiumId: row.id, publishedToSupplier: false } : null;
	},
	async onDerived(tx, id, _field, content) {
		const [before] = await tx.select({ description: consortia.description }).from(consortia).where(eq(consortia.id, id));
		if (!before || before.description === content.text) return;
		await tx.update(consortia).set({ description: content.text }).where(eq(consortia.id, id));
	}
});
