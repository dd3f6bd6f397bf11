import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { qualityDismissals, requirementQuality, requirements, users } from '../db/schema';
import { NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { can, type Actor } from '../policy';
import { ruleIds } from '$lib/quality';
import { settingsValues } from './commands';
import type { StoredFinding } from './refresh';
import { qualitySettingsIn } from './settings';

/**
 * What a requirement's page needs to check its words as people type: the consortium's rules and the
 * findings dismissed for the requirement (by number, with the reason, who and when), and the score
 * as last stored.
 */
export async function qualityOf(person: Who, consortiumId: string, requirementId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		return qualityIn(tx, consortiumId, requirementId);
	});
}

async function qualityIn(tx: Transaction, consortiumId: string, requirementId: string) {
	const [row] = await tx
		.select({
			number: requirements.number,
			score: requirementQuality.score,
			openFindings: requirementQuality.openFindings,
			findings: requirementQuality.findings
		})
		.from(requirements)
		.leftJoin(requirementQuality, eq(requirementQuality.requirementId, requirements.id))
		.where(and(eq(requirements.id, requirementId), eq(requirements.consortiumId, consortiumId)));
	if (!row) throw new NotFound();
	const [{ settings }, dismissals] = await Promise.all([
		qualitySettingsIn(tx, consortiumId),
		tx
			.select({ key: qualityDismissals.key, reason: qualityDismissals.reason, dismissedAt: qualityDismissals.dismissedAt, by: users.name })
			.from(qualityDismissals)
			.leftJoin(users, eq(users.id, qualityDismissals.dismissedBy))
			.where(and(eq(qualityDismissals.consortiumId, consortiumId), eq(qualityDismissals.number, row.number)))
			.orderBy(desc(qualityDismissals.dismissedAt))
	]);
	return { settings, dismissals, score: row.score, openFindings: row.openFindings, findings: (row.findings ?? []) as StoredFinding[] };
}

/** The settings page: the consortium's rules as form values, and all rules there are. */
export async function qualitySettingsPage(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId, 'rules.manage');
		return { values: settingsValues(await qualitySettingsIn(tx, consortiumId)), rules: ruleIds };
	});
}

/**
 * For the home page of a writer: the requirements they wrote that are still being written (a draft
 * or in review) and have findings nobody dismissed, fewest points first.
 */
export async function qualityAttentionIn(tx: Transaction, actor: Actor, consortiumId: string) {
	if (!can(actor, 'content.write', { consortiumId })) return { requirementsToReview: [] };
	const requirementsToReview = await tx
		.select({
			id: requirements.id,
			identifier: requirements.identifier,
			title: requirements.title,
			openFindings: requirementQuality.openFindings,
			score: requirementQuality.score
		})
		.from(requirements)
		.innerJoin(requirementQuality, eq(requirementQuality.requirementId, requirements.id))
		.where(
			and(
				eq(requirements.consortiumId, consortiumId),
				eq(requirements.isLatest, true),
				inArray(requirements.status, ['draft', 'in_review']),
				eq(requirements.createdBy, actor.id),
				gt(requirementQuality.openFindings, 0)
			)
		)
		.orderBy(asc(requirementQuality.score), asc(requirements.number))
		.limit(10);
	return { requirementsToReview };
}
