import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { asSystem } from '../db/request';
import {
	backlogItems,
	backlogs,
	baselineItems,
	consortia,
	documents,
	questions,
	requirementNeeds,
	requirementOrganisations,
	requirements,
	requirementStories
} from '../db/schema';
import { freezeApproved } from '../baselines/commands';
import { requirementValues, updateRequirement } from '../requirements/commands';
import { UpdateRequirementInput } from '../requirements/schemas';
import { buildConsortium, buildMembership, buildOrganisation, buildRequirement, buildStory, userIdByEmail } from './factories';
import { OSTERGOTLAND } from './data';

/** The sentence the demo's change adds to a baselined requirement's text. */
export const DEMO_IMPACT_CHANGE = 'Larmet ska även nå den som har beredskap, via sms, inom två minuter.';

/**
 * The change impact demo: one baselined Östergötland requirement gets a newer revision, saved by the
 * convenor's admin through the same command a person's save runs (`updateRequirement`), so what
 * depends on it (the kravspecifikation on the baseline, the backlog items and stories it traces to,
 * …) is flagged for review. Runs after the seed's transaction, since the command opens its own.
 * Idempotent: nothing when a baselined requirement of the consortium already has a newer revision.
 */
export async function ensureImpactDemo(): Promise<void> {
	const found = await asSystem(async (tx) => {
		const [consortium] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, OSTERGOTLAND.slug));
		const adminId = await userIdByEmail(tx, 'admin@samsyn.demo');
		if (!consortium || !adminId) return null;
		const [revised] = await tx
			.select({ id: requirements.id })
			.from(requirements)
			.innerJoin(baselineItems, eq(baselineItems.number, requirements.number))
			.where(
				and(
					eq(requirements.consortiumId, consortium.id),
					eq(baselineItems.consortiumId, consortium.id),
					sql`${requirements.revision} > ${baselineItems.revision}`
				)
			)
			.limit(1);
		if (revised) return null;
		// The baselined requirement whose stories the backlog carries most, else the first one.
		const [chosen] = await tx
			.select()
			.from(requirements)
			.where(
				and(
					eq(requirements.consortiumId, consortium.id),
					eq(requirements.isLatest, true),
					eq(requirements.status, 'approved'),
					sql`exists (select 1 from ${baselineItems} b where b.requirement_id = ${requirements.id})`
				)
			)
			.orderBy(
				desc(
					sql`(select count(*) from ${requirementStories} rs join ${backlogItems} bi on bi.item_kind = 'story' and bi.item_id = rs.story_id where rs.requirement_id = ${requirements.id})`
				),
				asc(requirements.number)
			)
			.limit(1);
		if (!chosen) return null;
		const id = chosen.id;
		const [stories, linkedNeeds, local] = await Promise.all([
			tx.select({ id: requirementStories.storyId }).from(requirementStories).where(eq(requirementStories.requirementId, id)),
			tx.select({ id: requirementNeeds.needId }).from(requirementNeeds).where(eq(requirementNeeds.requirementId, id)),
			tx.select({ id: requirementOrganisations.organisationId }).from(requirementOrganisations).where(eq(requirementOrganisations.requirementId, id))
		]);
		const values = requirementValues(chosen, {
			storyIds: stories.map((s) => s.id),
			needIds: linkedNeeds.map((n) => n.id),
			localOrganisationIds: local.map((o) => o.id)
		});
		return { consortiumId: consortium.id, adminId, values: { ...values, id, body: `${chosen.bodyText.trim()} ${DEMO_IMPACT_CHANGE}` } };
	});
	if (!found) return;
	await updateRequirement({ id: found.adminId, isOperator: false }, found.consortiumId, UpdateRequirementInput.parse(found.values));
}

export const IMPACT_SLUG = 'e2e-paverkan';

/** The baselined requirements of the change impact fixture, one per attempt of its browser journey. */
export const impactFixtureRequirements = [
	{ title: 'Larmet når nattpersonalen', body: 'Lösningen ska visa larm i personalens mobil inom fem sekunder.' },
	{ title: 'Tillsynen loggas', body: 'Lösningen ska logga varje tillsyn med tid och utförare.' },
	{ title: 'Kameran kan stängas av', body: 'Lösningen ska låta den enskilde stänga av kameran.' },
	{ title: 'Larmet kvitteras', body: 'Lösningen ska låta personalen kvittera ett larm i mobilen.' }
] as const;

/**
 * A consortium for the change impact journey (SEED_E2E_FIXTURES only): approved requirements frozen
 * in "Kravspecifikation 1.0", each carried by the locked MVP backlog and asked about by the supplier
 * in an answered question, and a kravspecifikation on the baseline. The convenor's admin changes one
 * of them per attempt.
 */
export async function ensureImpactTrio(tx: Transaction): Promise<void> {
	const [existing] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, IMPACT_SLUG));
	if (existing) return;
	const consortium = await buildConsortium(
		tx,
		{ slug: IMPACT_SLUG, name: 'Påverkan i trio', description: 'Tre kommuner vars kravspecifikation har gått ut till leverantören.' },
		{ decisionRule: 'majority', quorumPercent: 50, weighting: 'per_organisation', publishing: 'admins' }
	);
	const org = async (name: string, kind: 'municipality' | 'convenor' | 'supplier' = 'municipality') =>
		(await buildOrganisation(tx, consortium.id, { name, kind })).id;
	const supplierOrg = await org('Leverantören', 'supplier');
	const people: [email: string, organisation: string, role: 'admin' | 'representative' | 'supplier'][] = [
		['admin@samsyn.demo', await org('Kansliet', 'convenor'), 'admin'],
		['ombud.linkoping@samsyn.demo', await org('Linköping'), 'representative'],
		['ombud.kinda@samsyn.demo', await org('Kinda'), 'representative'],
		['leverantor@samsyn.demo', supplierOrg, 'supplier']
	];
	for (const [email, organisationId, role] of people) {
		const userId = await userIdByEmail(tx, email);
		if (userId) await buildMembership(tx, { consortiumId: consortium.id, userId, organisationId, role, since: '2026-01-01' });
	}
	const adminId = await userIdByEmail(tx, 'admin@samsyn.demo');
	const supplierId = await userIdByEmail(tx, 'leverantor@samsyn.demo');
	const story = await buildStory(tx, consortium.id, { role: 'nattpersonal', goal: 'se larm i mobilen', purpose: 'jag hinner fram i tid' });
	const rows = [];
	for (const r of impactFixtureRequirements) {
		rows.push(
			await buildRequirement(tx, consortium.id, {
				title: r.title,
				bodyText: r.body,
				bodyHtml: `<p>${r.body}</p>`,
				acceptanceCriteria: 'Verifieras vid leveranstest.',
				status: 'approved',
				decidedAt: new Date(),
				storyIds: [story.id]
			})
		);
	}
	const { baseline } = await freezeApproved(tx, consortium.id, { name: 'Kravspecifikation 1.0', description: '' }, adminId);
	const [backlog] = await tx
		.insert(backlogs)
		.values({ consortiumId: consortium.id, name: 'MVP 1.0', status: 'locked', lockedAt: new Date(), lockedBy: adminId, line: rows.length })
		.returning();
	await tx
		.insert(backlogItems)
		.values(rows.map((r, i) => ({ consortiumId: consortium.id, backlogId: backlog!.id, itemKind: 'requirement' as const, itemId: r.id, rank: i + 1 })));
	await tx.insert(questions).values(
		rows.map((r, i) => ({
			consortiumId: consortium.id,
			number: i + 1,
			itemKind: 'requirement' as const,
			itemId: r.id,
			title: `Hur verifieras ${r.identifier}?`,
			body: 'Räcker ett leveranstest i en kommun?',
			organisationId: supplierOrg,
			askedBy: supplierId,
			dueAt: new Date(Date.now() + 7 * 86_400_000),
			status: 'answered' as const,
			answer: 'Ja, i en av kommunerna.',
			answeredAt: new Date(),
			answeredBy: adminId
		}))
	);
	await tx.insert(documents).values({
		consortiumId: consortium.id,
		kind: 'requirement_specification',
		title: 'Kravspecifikation nattillsyn',
		baselineId: baseline.id,
		createdBy: adminId
	});
}
