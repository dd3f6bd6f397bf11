import { and, desc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { documentPublications, documents, documentVersions } from '../db/schema';
import { NotFound } from '../errors';
import type { DocumentResource, DocumentVersionResource, PublishingRight } from '../policy';
import { questionRules } from '../questions/state';

export type DocumentRow = typeof documents.$inferSelect;
export type VersionRow = typeof documentVersions.$inferSelect;

/** The co-edited fields of a document, by name: `document/<id>/<field>`. */
export const documentFields = ['body', 'closing'] as const;
export type DocumentField = (typeof documentFields)[number];
export const fieldName = (id: string, field: DocumentField) => `document/${id}/${field}`;

/** Who may speak to the supplier under the consortium's ground rules. */
export async function publishingRight(tx: Transaction, consortiumId: string): Promise<PublishingRight> {
	return (await questionRules(tx, consortiumId)).publishing;
}

/** One document of the consortium as row-level security lets the person see it; NotFound otherwise. */
export async function loadDocument(tx: Transaction, consortiumId: string, id: string, forUpdate = false): Promise<DocumentRow> {
	const query = tx
		.select()
		.from(documents)
		.where(and(eq(documents.id, id), eq(documents.consortiumId, consortiumId)));
	const [row] = forUpdate ? await query.for('update') : await query;
	if (!row) throw new NotFound();
	return row;
}

/** One version of the document, as row-level security lets the person see it; NotFound otherwise. */
export async function loadVersion(
	tx: Transaction,
	document: Pick<DocumentRow, 'id' | 'consortiumId'>,
	versionId: string,
	forUpdate = false
): Promise<VersionRow> {
	const query = tx
		.select()
		.from(documentVersions)
		.where(and(eq(documentVersions.id, versionId), eq(documentVersions.documentId, document.id), eq(documentVersions.consortiumId, document.consortiumId)));
	const [row] = forUpdate ? await query.for('update') : await query;
	if (!row) throw new NotFound();
	return row;
}

/** The document as the policy decides on it (null when the person cannot see it). */
export async function documentResource(tx: Transaction, id: string): Promise<DocumentResource | null> {
	const [row] = await tx
		.select({
			consortiumId: documents.consortiumId,
			inApproval: sql<boolean>`exists (select 1 from ${documentVersions} v where v.document_id = documents.id and v.status = 'in_approval')`,
			everApproved: sql<boolean>`exists (select 1 from ${documentVersions} v where v.document_id = documents.id and v.status = 'approved')`
		})
		.from(documents)
		.where(eq(documents.id, id));
	if (!row) return null;
	return {
		consortiumId: row.consortiumId,
		inApproval: row.inApproval,
		everApproved: row.everApproved,
		publishing: await publishingRight(tx, row.consortiumId)
	};
}

/** The newest publication of each version (a version is published at most once). */
export async function publicationOf(tx: Transaction, versionId: string) {
	const [row] = await tx.select().from(documentPublications).where(eq(documentPublications.versionId, versionId));
	return row ?? null;
}

/** The document's newest publication, or null. */
export async function latestPublication(tx: Transaction, documentId: string) {
	const [row] = await tx
		.select()
		.from(documentPublications)
		.where(eq(documentPublications.documentId, documentId))
		.orderBy(desc(documentPublications.publishedAt))
		.limit(1);
	return row ?? null;
}

/** The version as the policy decides on it. */
export async function versionResource(tx: Transaction, version: VersionRow): Promise<DocumentVersionResource> {
	return versionResourceOf(version, await publicationOf(tx, version.id), await publishingRight(tx, version.consortiumId));
}

/** The same from what the caller has read already (a page deciding on every version of a document at once). */
export function versionResourceOf(
	version: Pick<VersionRow, 'consortiumId' | 'status'>,
	publication: { allowComments: boolean } | null,
	publishing: PublishingRight
): DocumentVersionResource {
	return {
		consortiumId: version.consortiumId,
		status: version.status,
		published: publication !== null,
		openForComments: publication?.allowComments ?? false,
		publishing
	};
}
