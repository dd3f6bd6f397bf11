import { eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { documentApprovals, users } from '../db/schema';
import { votesUnderRules, type ApprovalState } from '../requirements/workflow';

/** Each member organisation's verdict on a document version and what the ground rules make of them. */
export async function approvalStateOf(tx: Transaction, consortiumId: string, versionId: string): Promise<ApprovalState> {
	const given = await tx
		.select({
			organisationId: documentApprovals.organisationId,
			verdict: documentApprovals.verdict,
			reason: documentApprovals.reason,
			actingAs: documentApprovals.actingAs,
			at: documentApprovals.updatedAt,
			byName: users.name
		})
		.from(documentApprovals)
		.leftJoin(users, eq(users.id, documentApprovals.userId))
		.where(eq(documentApprovals.versionId, versionId));
	return votesUnderRules(tx, consortiumId, given);
}
