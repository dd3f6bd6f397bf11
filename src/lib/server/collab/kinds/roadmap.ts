import { eq } from 'drizzle-orm';
import { initiatives } from '../../db/schema';
import { organisationsOf } from '../../roadmap/state';
import { registerDocumentKind } from '../registry';

/**
 * `initiative/<id>/description`: an initiative's description, co-written by those who take part in
 * it (the policy's `initiative.edit`: its owning or a participating organisation, or an admin);
 * every internal member reads it, the supplier never. Its plain text is kept on the row.
 */
registerDocumentKind('initiative', {
	fields: ['description'],
	accessChangedBy: ['initiative.updated'],
	async initialText(tx, id) {
		const [row] = await tx.select({ text: initiatives.description }).from(initiatives).where(eq(initiatives.id, id));
		return row?.text ?? null;
	},
	async resolve(tx, id) {
		const [row] = await tx
			.select({ id: initiatives.id, consortiumId: initiatives.consortiumId, ownerOrganisationId: initiatives.ownerOrganisationId })
			.from(initiatives)
			.where(eq(initiatives.id, id));
		if (!row) return null;
		return {
			consortiumId: row.consortiumId,
			publishedToSupplier: false,
			edit: { action: 'initiative.edit', resource: { consortiumId: row.consortiumId, organisationIds: await organisationsOf(tx, row) } }
		};
	},
	async onDerived(tx, id, _field, content) {
		const [before] = await tx.select({ description: initiatives.description }).from(initiatives).where(eq(initiatives.id, id));
		if (!before || before.description === content.text) return;
		await tx.update(initiatives).set({ description: content.text }).where(eq(initiatives.id, id));
	}
});
