import { eq } from 'drizzle-orm';
import { documents } from '../../db/schema';
import { registerDocumentKind } from '../registry';
import { documentResource } from '../../documents/state';

/**
 * `document/<id>/body` and `document/<id>/closing`: a procurement document's draft, co-written by
 * the consortium's writers (the policy's `document.edit`), read by its internal members. The
 * closing is a kravspecifikation's text after its generated requirements. The supplier never opens
 * the draft: it reads the published versions, which are copies. The body's plain text is kept on
 * the document's row for lists and search.
 */
registerDocumentKind('document', {
	fields: ['body', 'closing'],
	async resolve(tx, id) {
		const resource = await documentResource(tx, id);
		if (!resource) return null;
		return { consortiumId: resource.consortiumId, publishedToSupplier: false, edit: { action: 'document.edit', resource } };
	},
	async onDerived(tx, id, field, content) {
		if (field !== 'body') return;
		const [before] = await tx.select({ text: documents.text }).from(documents).where(eq(documents.id, id));
		if (!before || before.text === content.text) return;
		await tx.update(documents).set({ text: content.text }).where(eq(documents.id, id));
	}
});
