import { and, asc, count, desc, eq } from 'drizzle-orm';
import { asSystem } from '../db/request';
import { baselines, consortia, documentVersions, tenderPackages } from '../db/schema';
import { produceTenderPackage, type TenderPackageRow } from '../tender/commands';
import { OSTERGOTLAND } from './data';
import { userIdByEmail } from './factories';

/**
 * The tender package demo: UD-1 in Östergötland, produced by the convenor's admin through the same
 * command the page runs (`produceTenderPackage`), from the newest baseline and the newest approved
 * version of each document. A draft, without a decision: none of the demo's decisions approves a
 * package, and naming one that approved something else would mislead. Runs after the seed's
 * transaction, since the command opens its own. Idempotent: nothing when the consortium has a package.
 */
export async function ensureTenderDemo(): Promise<TenderPackageRow | null> {
	const found = await asSystem(async (tx) => {
		const [consortium] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, OSTERGOTLAND.slug));
		const adminId = await userIdByEmail(tx, 'admin@samsyn.demo');
		if (!consortium || !adminId) return null;
		const [existing] = await tx.select({ n: count() }).from(tenderPackages).where(eq(tenderPackages.consortiumId, consortium.id));
		if ((existing?.n ?? 0) > 0) return null;
		const [baseline] = await tx
			.select({ id: baselines.id })
			.from(baselines)
			.where(eq(baselines.consortiumId, consortium.id))
			.orderBy(desc(baselines.createdAt))
			.limit(1);
		if (!baseline) return null;
		const approved = await tx
			.selectDistinctOn([documentVersions.documentId], { id: documentVersions.id })
			.from(documentVersions)
			.where(and(eq(documentVersions.consortiumId, consortium.id), eq(documentVersions.status, 'approved')))
			.orderBy(asc(documentVersions.documentId), desc(documentVersions.number));
		return { consortiumId: consortium.id, adminId, baselineId: baseline.id, versionIds: approved.map((v) => v.id) };
	});
	if (!found) return null;
	return produceTenderPackage({ id: found.adminId, isOperator: false }, found.consortiumId, {
		baselineId: found.baselineId,
		versionIds: found.versionIds,
		decisionId: undefined
	});
}
