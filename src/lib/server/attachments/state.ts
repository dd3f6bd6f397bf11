import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { attachments, decisionItems, decisions, documentPublications, documents, initiatives, meetings, requirements } from '../db/schema';
import { NotFound } from '../errors';
import { organisationsOf } from '../roadmap/state';
import type { AttachmentResource, AttachmentTargetResource } from '../policy';
import type { AttachmentTarget } from '../../enums';

export type AttachmentRow = typeof attachments.$inferSelect;

/** The topic a target's page listens to, so an attachment added or removed reloads it (and its id). */
export const topicOf: Record<AttachmentTarget, string> = {
	decision_item: 'decision_item',
	meeting: 'meeting',
	requirement: 'requirement',
	initiative: 'initiative',
	document: 'document'
};

/**
 * The target as the policy decides on it, read under row-level security: NotFound when it is not
 * the consortium's or the person may not read it.
 */
export async function targetResource(tx: Transaction, consortiumId: string, kind: AttachmentTarget, id: string): Promise<AttachmentTargetResource> {
	switch (kind) {
		case 'document': {
			const [row] = await tx
				.select({ id: documents.id })
				.from(documents)
				.where(and(eq(documents.id, id), eq(documents.consortiumId, consortiumId)));
			if (!row) throw new NotFound();
			return { consortiumId, kind };
		}
		case 'decision_item': {
			const [row] = await tx
				.select({ status: decisionItems.status })
				.from(decisionItems)
				.where(and(eq(decisionItems.id, id), eq(decisionItems.consortiumId, consortiumId)));
			if (!row) throw new NotFound();
			return { consortiumId, kind, status: row.status };
		}
		case 'meeting': {
			const [row] = await tx
				.select({ adjustedAt: meetings.adjustedAt })
				.from(meetings)
				.where(and(eq(meetings.id, id), eq(meetings.consortiumId, consortiumId)));
			if (!row) throw new NotFound();
			return { consortiumId, kind, adjusted: row.adjustedAt !== null };
		}
		case 'requirement': {
			const [row] = await tx
				.select({ status: requirements.status, isLatest: requirements.isLatest, revision: requirements.revision })
				.from(requirements)
				.where(and(eq(requirements.id, id), eq(requirements.consortiumId, consortiumId)));
			if (!row) throw new NotFound();
			return { consortiumId, kind, ...row };
		}
		case 'initiative': {
			const [row] = await tx
				.select({ id: initiatives.id, ownerOrganisationId: initiatives.ownerOrganisationId })
				.from(initiatives)
				.where(and(eq(initiatives.id, id), eq(initiatives.consortiumId, consortiumId)));
			if (!row) throw new NotFound();
			return { consortiumId, kind, organisationIds: await organisationsOf(tx, row) };
		}
	}
}

/**
 * Whether the supplier reaches the target: a meeting, a document published to it (not merely to a
 * reviewer round), or a decision item
 * whose decision was communicated and is not secret.
 */
export async function publishedToSupplier(tx: Transaction, consortiumId: string, kind: AttachmentTarget, id: string): Promise<boolean> {
	if (kind === 'meeting') return true;
	if (kind === 'document') {
		const [row] = await tx
			.select({ one: sql<number>`1` })
			.from(documentPublications)
			.where(and(eq(documentPublications.documentId, id), eq(documentPublications.consortiumId, consortiumId), eq(documentPublications.audience, 'supplier')))
			.limit(1);
		return !!row;
	}
	if (kind !== 'decision_item') return false;
	const [row] = await tx
		.select({ one: sql<number>`1` })
		.from(decisions)
		.where(and(eq(decisions.itemId, id), eq(decisions.consortiumId, consortiumId), eq(decisions.communicated, true), eq(decisions.secret, false)));
	return !!row;
}

/** One attachment of the consortium, as row-level security lets the person see it; NotFound otherwise. */
export async function loadAttachment(tx: Transaction, consortiumId: string, id: string): Promise<AttachmentRow> {
	const [row] = await tx
		.select()
		.from(attachments)
		.where(and(eq(attachments.id, id), eq(attachments.consortiumId, consortiumId)));
	if (!row) throw new NotFound();
	return row;
}

/** The attachment as the policy decides on removing it: its uploader, and its target's state now. */
export async function attachmentResource(tx: Transaction, row: AttachmentRow): Promise<AttachmentResource> {
	return { consortiumId: row.consortiumId, uploadedBy: row.uploadedBy, target: await targetResource(tx, row.consortiumId, row.targetKind, row.targetId) };
}
