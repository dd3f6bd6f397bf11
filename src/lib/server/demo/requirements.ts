import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { comments, mandates, needShares, needs, organisations, requirementApprovals, requirementOrganisations } from '../db/schema';
import { plainTextToHtml } from '../requirements/text';
import { buildNeed, buildRequirement, buildStory } from './factories';
import { demoNeeds, demoRequirements, demoStories } from './requirements-data';

/**
 * Östergötland's needs, user stories and requirements, with verdicts from the representatives on
 * the approved ones. Does nothing when the consortium already has needs (idempotent).
 */
export async function ensureRequirementsDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ id: needs.id }).from(needs).where(eq(needs.consortiumId, consortiumId)).limit(1);
	if (existing) return;
	const orgRows = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.consortiumId, consortiumId));
	const org = (name: string) => {
		const found = orgRows.find((o) => o.name === name);
		if (!found) throw new Error(`no organisation ${name}`);
		return found.id;
	};

	const needIds = new Map<string, string>();
	for (const n of demoNeeds) {
		const need = await buildNeed(tx, consortiumId, {
			title: n.title,
			descriptionText: n.description,
			descriptionHtml: plainTextToHtml(n.description),
			source: n.source,
			capturedByOrganisationId: org(n.capturedBy),
			capturedOn: n.capturedOn
		});
		needIds.set(n.key, need.id);
		for (const [organisation, comment] of n.sharedBy ?? []) {
			await tx.insert(needShares).values({ consortiumId, needId: need.id, organisationId: org(organisation), comment });
		}
	}

	const storyIds = new Map<string, string>();
	for (const s of demoStories) {
		const story = await buildStory(tx, consortiumId, {
			role: s.role,
			goal: s.goal,
			purpose: s.purpose,
			kind: s.kind,
			detailsText: s.details,
			detailsHtml: plainTextToHtml(s.details),
			needIds: s.needs.map((k) => needIds.get(k)!)
		});
		storyIds.set(s.key, story.id);
	}

	// Whoever holds a representative mandate in the consortium gives the demo verdicts.
	const representatives = await tx
		.select({ userId: mandates.userId, organisationId: mandates.organisationId, name: organisations.name })
		.from(mandates)
		.innerJoin(organisations, eq(organisations.id, mandates.organisationId))
		.where(and(eq(mandates.consortiumId, consortiumId), eq(mandates.kind, 'representative'), inArray(organisations.kind, ['municipality', 'region'])));
	const verdict = (requirementId: string, rep: (typeof representatives)[number], v: 'approve' | 'object', reason = '') =>
		tx
			.insert(requirementApprovals)
			.values({ consortiumId, requirementId, organisationId: rep.organisationId, userId: rep.userId, verdict: v, reason, actingAs: 'representative' });

	for (const r of demoRequirements) {
		const status = r.state === 'review' || r.state === 'review_objected' ? ('in_review' as const) : r.state;
		const requirement = await buildRequirement(tx, consortiumId, {
			title: r.title,
			bodyText: r.body,
			bodyHtml: plainTextToHtml(r.body),
			rationale: r.rationale ?? '',
			acceptanceCriteria: r.acceptance ?? '',
			type: r.type,
			subtype: r.subtype ?? null,
			obligation: r.obligation ?? 'mandatory',
			weight: r.weight ?? null,
			verification: r.verification,
			scope: r.local ? 'local' : 'common',
			status,
			submittedAt: status === 'draft' ? null : new Date('2026-03-02T09:00:00Z'),
			decidedAt: status === 'approved' || status === 'withdrawn' ? new Date('2026-03-16T15:00:00Z') : null,
			storyIds: (r.stories ?? []).map((k) => storyIds.get(k)!),
			needIds: (r.needs ?? []).map((k) => needIds.get(k)!)
		});
		for (const name of r.local ?? [])
			await tx.insert(requirementOrganisations).values({ consortiumId, requirementId: requirement.id, organisationId: org(name) });
		if (r.state === 'approved') for (const rep of representatives) await verdict(requirement.id, rep, 'approve');
		if (r.state === 'review') for (const rep of representatives.slice(0, 3)) await verdict(requirement.id, rep, 'approve');
		if (r.state === 'review_objected' && representatives.length >= 2) {
			await verdict(requirement.id, representatives[0]!, 'approve');
			await verdict(requirement.id, representatives[1]!, 'object', 'En timme är för långt för lås; åtkomsten måste upphöra direkt.');
			await tx.insert(comments).values({
				consortiumId,
				targetKind: 'requirement',
				targetId: requirement.id,
				authorId: representatives[1]!.userId,
				body: 'Vi invänder: för digitala lås måste behörigheten upphöra direkt, inte inom en timme.'
			});
		}
	}
}
