import { and, desc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { documentPublicationReviewers, documentPublications, documents, documentVersions } from '../db/schema';
import { NotFound } from '../errors';
import { stockholmDate } from '$lib/decisions/deadline';
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

export type PublicationRow = typeof documentPublications.$inferSelect;

/** The version's publication to the supplier (a version reaches the supplier at most once). */
export async function publicationOf(tx: Transaction, versionId: string) {
	const [row] = await tx
		.select()
		.from(documentPublications)
		.where(and(eq(documentPublications.versionId, versionId), eq(documentPublications.audience, 'supplier')));
	return row ?? null;
}

/** The document's newest publication to the supplier, or null. */
export async function latestPublication(tx: Transaction, documentId: string) {
	const [row] = await tx
		.select()
		.from(documentPublications)
		.where(and(eq(documentPublications.documentId, documentId), eq(documentPublications.audience, 'supplier')))
		.orderBy(desc(documentPublications.publishedAt))
		.limit(1);
	return row ?? null;
}

/** Today's date in Sweden (YYYY-MM-DD): a round's last day lasts until midnight Swedish time. */
export function todayInSweden(now = new Date()): string {
	return stockholmDate(now);
}

/** A reviewer round with the people named in it, as row-level security lets the person see it (a reviewer sees only themselves). */
export interface Round extends PublicationRow {
	reviewerIds: string[];
}

/** The reviewer rounds of a document (or of one version of it), newest first. */
export async function roundsOf(tx: Transaction, documentId: string, versionId?: string): Promise<Round[]> {
	const rows = await tx
		.select({
			publication: documentPublications,
			reviewerIds: sql<
				string[]
			>`coalesce((select array_agg(r.user_id) from ${documentPublicationReviewers} r where r.publication_id = ${documentPublications.id}), '{}')`
		})
		.from(documentPublications)
		.where(
			and(
				eq(documentPublications.documentId, documentId),
				eq(documentPublications.audience, 'reviewers'),
				versionId ? eq(documentPublications.versionId, versionId) : undefined
			)
		)
		.orderBy(desc(documentPublications.publishedAt));
	return rows.map((r) => ({ ...r.publication, reviewerIds: r.reviewerIds }));
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
		audience: 'supplier',
		published: publication !== null,
		openForComments: publication?.allowComments ?? false,
		publishing
	};
}

/** The version as the policy decides on it for one reviewer round (null: a round not yet published, for publishing one). */
export function roundResourceOf(
	version: Pick<VersionRow, 'consortiumId' | 'status'>,
	round: Pick<Round, 'allowComments' | 'replyBy' | 'reviewerIds'> | null,
	publishing: PublishingRight,
	today = todayInSweden()
): DocumentVersionResource {
	return {
		consortiumId: version.consortiumId,
		status: version.status,
		audience: 'reviewers',
		published: round !== null,
		openForComments: round?.allowComments ?? false,
		reviewerIds: round?.reviewerIds ?? [],
		replyByPassed: round?.replyBy != null && round.replyBy < today,
		publishing
	};
}

/**
 * Every audience's view of the version the person can see: the supplier's publication and each
 * reviewer round of it (row-level security shows a reviewer only their own rounds). Reading the
 * version is allowed when any of them allows it.
 */
export async function audienceResources(tx: Transaction, version: VersionRow): Promise<DocumentVersionResource[]> {
	const publishing = await publishingRight(tx, version.consortiumId);
	const [supplier, rounds] = await Promise.all([publicationOf(tx, version.id), roundsOf(tx, version.documentId, version.id)]);
	return [versionResourceOf(version, supplier, publishing), ...rounds.map((r) => roundResourceOf(version, r, publishing))];
}
