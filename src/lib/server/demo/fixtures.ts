import { eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { baselineItems, baselines, consortia, delegations, priorityRoundItems } from '../db/schema';
import { closeRoundIn, createRoundIn, openRoundIn, saveSubmissionIn } from '../prioritisation/commands';
import { SubmissionInput } from '../prioritisation/schemas';
import { endOfDayInStockholm } from '../../decisions/deadline';
import { buildConsortium, buildMembership, buildOrganisation, buildStory, organisationNamed, userIdByEmail } from './factories';
import { OSTERGOTLAND, ostergotlandMunicipalities } from './data';
import { ensurePortfolioDemo } from './portfolio';

export const TRIO_SLUG = 'e2e-trio';

/**
 * A consortium of three municipalities under majority rule (two approvals carry a requirement),
 * for the browser journeys; seeded only with SEED_E2E_FIXTURES=true. Uses the demo accounts:
 * the Linköping, Ydre and Kinda representatives speak for their municipalities, the coordinator
 * administers, the Motala participant writes.
 */
export async function ensureMajorityTrio(tx: Transaction): Promise<void> {
	const [existing] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, TRIO_SLUG));
	if (existing) return;
	const consortium = await buildConsortium(
		tx,
		{ slug: TRIO_SLUG, name: 'Trio under majoritet', description: 'Tre kommuner; två godkännanden räcker.' },
		{ decisionRule: 'majority', quorumPercent: 50, weighting: 'per_organisation' }
	);
	const org = async (name: string, kind: 'municipality' | 'convenor' = 'municipality') => (await buildOrganisation(tx, consortium.id, { name, kind })).id;
	const people: [email: string, organisation: string, role: 'admin' | 'representative' | 'member'][] = [
		['admin@samsyn.demo', await org('Kansliet', 'convenor'), 'admin'],
		['ombud.linkoping@samsyn.demo', await org('Linköping'), 'representative'],
		['ombud.ydre@samsyn.demo', await org('Ydre'), 'representative'],
		['ombud.kinda@samsyn.demo', await org('Kinda'), 'representative']
	];
	for (const [email, organisationId, role] of people) {
		const userId = await userIdByEmail(tx, email);
		if (userId) await buildMembership(tx, { consortiumId: consortium.id, userId, organisationId, role, since: '2026-01-01' });
	}
}

export const DECISIONS_SLUG = 'e2e-beslut';

/**
 * A consortium of four municipalities under majority rule for the decisions journey; seeded only
 * with SEED_E2E_FIXTURES=true. The Linköping and Kinda representatives speak for their
 * municipalities; Ydre's representative has handed the voice to Ydre's deputy (a delegation in
 * force), so the deputy speaks for Ydre; Motala has nobody; the coordinator administers; the
 * supplier's product owner reads what is communicated.
 */
export async function ensureDecisionsQuartet(tx: Transaction): Promise<void> {
	const [existing] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, DECISIONS_SLUG));
	if (existing) return;
	const consortium = await buildConsortium(
		tx,
		{ slug: DECISIONS_SLUG, name: 'Beslut under majoritet', description: 'Fyra kommuner; enkel majoritet, beslutförhet 50 %.' },
		{ decisionRule: 'majority', quorumPercent: 50, weighting: 'per_organisation' }
	);
	const org = async (name: string, kind: 'municipality' | 'convenor' | 'supplier' = 'municipality') =>
		(await buildOrganisation(tx, consortium.id, { name, kind })).id;
	const ydre = await org('Ydre');
	const people: [email: string, organisation: string, role: 'admin' | 'representative' | 'deputy' | 'supplier'][] = [
		['admin@samsyn.demo', await org('Kansliet', 'convenor'), 'admin'],
		['ombud.linkoping@samsyn.demo', await org('Linköping'), 'representative'],
		['ombud.kinda@samsyn.demo', await org('Kinda'), 'representative'],
		['ombud.ydre@samsyn.demo', ydre, 'representative'],
		['ersattare.ydre@samsyn.demo', ydre, 'deputy'],
		['leverantor@samsyn.demo', await org('Leverantören', 'supplier'), 'supplier']
	];
	await org('Motala');
	const ids = new Map<string, string>();
	for (const [email, organisationId, role] of people) {
		const userId = await userIdByEmail(tx, email);
		if (!userId) continue;
		ids.set(email, userId);
		await buildMembership(tx, { consortiumId: consortium.id, userId, organisationId, role, since: '2026-01-01' });
	}
	const from = ids.get('ombud.ydre@samsyn.demo');
	const to = ids.get('ersattare.ydre@samsyn.demo');
	if (from && to) {
		await tx
			.insert(delegations)
			.values({ consortiumId: consortium.id, organisationId: ydre, fromUserId: from, toUserId: to, reason: 'Föräldraledighet', validFrom: '2026-01-01' });
	}
}

export const PRIORITIES_SLUG = 'e2e-prio';

/**
 * A consortium of three municipalities for the priority rounds journey; seeded only with
 * SEED_E2E_FIXTURES=true. The Linköping and Kinda representatives speak for their municipalities;
 * Ydre's representative has handed the voice to Ydre's deputy (a delegation in force); the
 * coordinator administers; the supplier's product owner must see nothing of the rounds. Four user
 * stories to rank.
 */
export async function ensurePrioritiesTrio(tx: Transaction): Promise<void> {
	const [existing] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, PRIORITIES_SLUG));
	if (existing) return;
	const consortium = await buildConsortium(
		tx,
		{ slug: PRIORITIES_SLUG, name: 'Prioritering i trio', description: 'Tre kommuner prioriterar användarberättelser.' },
		{ decisionRule: 'majority', quorumPercent: 50, weighting: 'per_organisation' }
	);
	const org = async (name: string, kind: 'municipality' | 'convenor' | 'supplier' = 'municipality', population?: number) =>
		(await buildOrganisation(tx, consortium.id, { name, kind, population })).id;
	const ydre = await org('Ydre', 'municipality', 3747);
	const people: [email: string, organisation: string, role: 'admin' | 'representative' | 'deputy' | 'supplier'][] = [
		['admin@samsyn.demo', await org('Kansliet', 'convenor'), 'admin'],
		['ombud.linkoping@samsyn.demo', await org('Linköping', 'municipality', 163_051), 'representative'],
		['ombud.kinda@samsyn.demo', await org('Kinda', 'municipality', 9940), 'representative'],
		['ombud.ydre@samsyn.demo', ydre, 'representative'],
		['ersattare.ydre@samsyn.demo', ydre, 'deputy'],
		['leverantor@samsyn.demo', await org('Leverantören', 'supplier'), 'supplier']
	];
	const ids = new Map<string, string>();
	for (const [email, organisationId, role] of people) {
		const userId = await userIdByEmail(tx, email);
		if (!userId) continue;
		ids.set(email, userId);
		await buildMembership(tx, { consortiumId: consortium.id, userId, organisationId, role, since: '2026-01-01' });
	}
	const from = ids.get('ombud.ydre@samsyn.demo');
	const to = ids.get('ersattare.ydre@samsyn.demo');
	if (from && to) {
		await tx
			.insert(delegations)
			.values({ consortiumId: consortium.id, organisationId: ydre, fromUserId: from, toUserId: to, reason: 'Tjänstledighet', validFrom: '2026-01-01' });
	}
	for (const goal of ['se larm i mobilen', 'signera givna läkemedel', 'läsa omsorgsplanen', 'boka om ett besök']) {
		await buildStory(tx, consortium.id, { role: 'nattpersonal', goal, purpose: 'arbeta tryggt' });
	}
}

export const QUESTIONS_SLUG = 'e2e-fragor';

/**
 * A consortium for the supplier's questions journey; seeded only with SEED_E2E_FIXTURES=true. The
 * supplier's product owner asks; Motala's participant (a writer) triages and drafts; the coordinator
 * administers and, under the ground rules, approves and sends the answer.
 */
export async function ensureQuestionsTrio(tx: Transaction): Promise<void> {
	const [existing] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, QUESTIONS_SLUG));
	if (existing) return;
	const consortium = await buildConsortium(
		tx,
		{ slug: QUESTIONS_SLUG, name: 'Frågor i trio', description: 'Leverantören frågar, konsortiet svarar med en röst.' },
		{ decisionRule: 'majority', quorumPercent: 50, weighting: 'per_organisation', publishing: 'admins', questionResponseDays: 5 }
	);
	const org = async (name: string, kind: 'municipality' | 'convenor' | 'supplier' = 'municipality') =>
		(await buildOrganisation(tx, consortium.id, { name, kind })).id;
	const people: [email: string, organisation: string, role: 'admin' | 'member' | 'supplier'][] = [
		['admin@samsyn.demo', await org('Kansliet', 'convenor'), 'admin'],
		['deltagare.motala@samsyn.demo', await org('Motala'), 'member'],
		['leverantor@samsyn.demo', await org('Leverantören', 'supplier'), 'supplier']
	];
	for (const [email, organisationId, role] of people) {
		const userId = await userIdByEmail(tx, email);
		if (userId) await buildMembership(tx, { consortiumId: consortium.id, userId, organisationId, role, since: '2026-01-01' });
	}
}

export const MVP_SLUG = 'e2e-mvp';

/**
 * A consortium for the MVP journey; seeded only with SEED_E2E_FIXTURES=true. Linköping, Kinda and
 * Ydre ranked four stories in a round that is now closed (Linköping and Kinda agree, Ydre puts the
 * last first); the coordinator administers and speaks to the supplier; Motala's participant writes;
 * the supplier's product owner receives the releases. Built through the rounds' own commands.
 */
export async function ensureMvpTrio(tx: Transaction): Promise<void> {
	const [existing] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, MVP_SLUG));
	if (existing) return;
	const consortium = await buildConsortium(
		tx,
		{ slug: MVP_SLUG, name: 'MVP i trio', description: 'Tre kommuner enas om en MVP och lämnar den till leverantören.' },
		{ decisionRule: 'majority', quorumPercent: 50, weighting: 'per_organisation', publishing: 'admins' }
	);
	const org = async (name: string, kind: 'municipality' | 'convenor' | 'supplier' = 'municipality', population?: number) =>
		(await buildOrganisation(tx, consortium.id, { name, kind, population })).id;
	const linkoping = await org('Linköping', 'municipality', 163_051);
	const people: [email: string, organisation: string, role: 'admin' | 'representative' | 'member' | 'supplier'][] = [
		['admin@samsyn.demo', await org('Kansliet', 'convenor'), 'admin'],
		['ombud.linkoping@samsyn.demo', linkoping, 'representative'],
		['ombud.kinda@samsyn.demo', await org('Kinda', 'municipality', 9940), 'representative'],
		['ombud.ydre@samsyn.demo', await org('Ydre', 'municipality', 3747), 'representative'],
		['deltagare.motala@samsyn.demo', linkoping, 'member'],
		['leverantor@samsyn.demo', await org('Leverantören', 'supplier'), 'supplier']
	];
	const ids = new Map<string, { userId: string; organisationId: string }>();
	for (const [email, organisationId, role] of people) {
		const userId = await userIdByEmail(tx, email);
		if (!userId) continue;
		ids.set(email, { userId, organisationId });
		await buildMembership(tx, { consortiumId: consortium.id, userId, organisationId, role, since: '2026-01-01' });
	}
	const stories = [];
	for (const goal of ['se larm i mobilen', 'signera givna läkemedel', 'läsa omsorgsplanen', 'boka om ett besök'])
		stories.push(await buildStory(tx, consortium.id, { role: 'nattpersonal', goal, purpose: 'arbeta tryggt' }));
	const deadline = endOfDayInStockholm(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
	const draft = await createRoundIn(
		tx,
		consortium.id,
		ids.get('admin@samsyn.demo')?.userId ?? null,
		{ title: 'Prioritering inför MVP', instructions: '', method: 'borda', weighting: 'equal', deadline, reminderHours: 48 },
		stories.map((s) => ({ kind: 'story' as const, id: s.id }))
	);
	const round = await openRoundIn(tx, draft, null);
	const items = (await tx.select().from(priorityRoundItems).where(eq(priorityRoundItems.roundId, round.id)))
		.sort((a, b) => a.position - b.position)
		.map((i) => i.id);
	const orders: Record<string, number[]> = {
		'ombud.linkoping@samsyn.demo': [0, 1, 2, 3],
		'ombud.kinda@samsyn.demo': [0, 2, 1, 3],
		'ombud.ydre@samsyn.demo': [3, 0, 1, 2]
	};
	for (const [email, order] of Object.entries(orders)) {
		const who = ids.get(email);
		if (!who) continue;
		const form = Object.fromEntries(
			order.flatMap((position, i) => [
				[`rank.${items[position]}`, String(i + 1)],
				[`moscow.${items[position]}`, i < 2 ? 'must' : 'could']
			])
		);
		await saveSubmissionIn(tx, round, who.organisationId, who.userId, 'representative', SubmissionInput.parse({ intent: 'submit', ...form }));
	}
	await closeRoundIn(tx, round, null);
}

export const ROADMAP_SLUG = 'e2e-fardplan';

/**
 * Östergötland's portfolio (Table 4, the same seed as the demo) without any initiative, for the
 * browser journey that turns the dispenser candidate into a joint initiative and schedules it:
 * Motala's member starts it, the convenor's admin and an observer watch.
 */
export async function ensureRoadmapFixture(tx: Transaction): Promise<void> {
	const [existing] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, ROADMAP_SLUG));
	if (existing) return;
	const consortium = await buildConsortium(
		tx,
		{ slug: ROADMAP_SLUG, name: 'Färdplan i Östergötland', description: 'Kommunernas portfölj, där gemensamma initiativ föds.' },
		{ decisionRule: 'majority', quorumPercent: 50, weighting: 'per_organisation', publishing: 'admins' }
	);
	for (const m of ostergotlandMunicipalities) await buildOrganisation(tx, consortium.id, { ...m, kind: 'municipality', tier: 'active' });
	const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
	const supplier = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
	await buildOrganisation(tx, consortium.id, { name: OSTERGOTLAND.adviser, kind: 'adviser' });
	const people: [string, string, 'admin' | 'member' | 'observer' | 'supplier'][] = [
		['admin@samsyn.demo', convenor.id, 'admin'],
		['deltagare.motala@samsyn.demo', (await organisationNamed(tx, consortium.id, 'Motala')).id, 'member'],
		['observator@samsyn.demo', (await organisationNamed(tx, consortium.id, OSTERGOTLAND.adviser)).id, 'observer'],
		['leverantor@samsyn.demo', supplier.id, 'supplier']
	];
	for (const [email, organisationId, role] of people) {
		const userId = await userIdByEmail(tx, email);
		if (userId) await buildMembership(tx, { consortiumId: consortium.id, userId, organisationId, role, since: '2026-01-01' });
	}
	await ensurePortfolioDemo(tx, consortium.id);
}

export const DOCUMENTS_SLUG = 'e2e-dokument';

/**
 * A consortium for the documents journey; seeded only with SEED_E2E_FIXTURES=true. Three
 * municipalities under majority rule (two approvals carry a version), the coordinator who
 * publishes to the supplier, Motala's participant who co-writes, the supplier, and a frozen
 * baseline of three requirements for the kravspecifikation to be built on.
 */
export async function ensureDocumentsTrio(tx: Transaction): Promise<void> {
	const [existing] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, DOCUMENTS_SLUG));
	if (existing) return;
	const consortium = await buildConsortium(
		tx,
		{ slug: DOCUMENTS_SLUG, name: 'Dokument i trio', description: 'Tre kommuner skriver kravspecifikationen tillsammans.' },
		{ decisionRule: 'majority', quorumPercent: 50, weighting: 'per_organisation', publishing: 'admins' }
	);
	const org = async (name: string, kind: 'municipality' | 'region' | 'convenor' | 'supplier' | 'adviser' = 'municipality') =>
		(await buildOrganisation(tx, consortium.id, { name, kind })).id;
	const people: [email: string, organisation: string, role: 'admin' | 'representative' | 'member' | 'supplier' | 'reviewer'][] = [
		['admin@samsyn.demo', await org('Kansliet', 'convenor'), 'admin'],
		['ombud.linkoping@samsyn.demo', await org('Linköping'), 'representative'],
		['ombud.ydre@samsyn.demo', await org('Ydre'), 'representative'],
		['ombud.kinda@samsyn.demo', await org('Kinda'), 'representative'],
		['deltagare.motala@samsyn.demo', await org('Motala', 'region'), 'member'],
		['leverantor@samsyn.demo', await org('Leverantören', 'supplier'), 'supplier'],
		['remiss@samsyn.demo', await org('PRO Östergötland', 'adviser'), 'reviewer']
	];
	for (const [email, organisationId, role] of people) {
		const userId = await userIdByEmail(tx, email);
		if (userId) await buildMembership(tx, { consortiumId: consortium.id, userId, organisationId, role, since: '2026-01-01' });
	}
	const items: [identifier: string, title: string, type: 'functional' | 'non_functional', obligation: 'mandatory' | 'criterion'][] = [
		['K-001', 'Larm när brukaren lämnar sängen', 'functional', 'mandatory'],
		['K-002', 'Tillsyn på överenskomna tider', 'functional', 'mandatory'],
		['K-003', 'Tillgänglighet 99,5 % nattetid', 'non_functional', 'criterion']
	];
	const [baseline] = await tx
		.insert(baselines)
		.values({ consortiumId: consortium.id, name: 'Baslinje nattillsyn 1.0', description: 'Tre godkända krav.', requirementCount: items.length })
		.returning();
	await tx.insert(baselineItems).values(
		items.map(([identifier, title, type, obligation], i) => ({
			baselineId: baseline!.id,
			consortiumId: consortium.id,
			position: i + 1,
			number: i + 1,
			identifier,
			revision: 1,
			title,
			bodyText: `${title}.`,
			rationale: '',
			acceptanceCriteria: '',
			obligation,
			weight: obligation === 'criterion' ? 20 : null,
			type,
			verification: 'test' as const,
			scope: 'common' as const,
			status: 'approved' as const,
			approvedAt: new Date()
		}))
	);
}

export const GOVERNANCE_SLUG = 'e2e-styrning';

/**
 * A consortium for the governance journey; seeded only with SEED_E2E_FIXTURES=true. Three
 * municipalities under majority rule (two positions carry a gate's option), the convenor who
 * prepares the steering group's meeting and records its decisions, and the supplier, who sees none
 * of the governance area.
 */
export async function ensureGovernanceTrio(tx: Transaction): Promise<void> {
	const [existing] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, GOVERNANCE_SLUG));
	if (existing) return;
	const consortium = await buildConsortium(
		tx,
		{ slug: GOVERNANCE_SLUG, name: 'Styrning i trio', description: 'Tre kommuner styr sitt gemensamma arbete med risker och delleveranser.' },
		{ decisionRule: 'majority', quorumPercent: 50, weighting: 'per_organisation', publishing: 'admins' }
	);
	const org = async (name: string, kind: 'municipality' | 'convenor' | 'supplier' = 'municipality') =>
		(await buildOrganisation(tx, consortium.id, { name, kind })).id;
	const people: [email: string, organisation: string, role: 'admin' | 'representative' | 'supplier'][] = [
		['admin@samsyn.demo', await org('Kansliet', 'convenor'), 'admin'],
		['ombud.linkoping@samsyn.demo', await org('Linköping'), 'representative'],
		['ombud.kinda@samsyn.demo', await org('Kinda'), 'representative'],
		['ombud.ydre@samsyn.demo', await org('Ydre'), 'representative'],
		['leverantor@samsyn.demo', await org('Leverantören', 'supplier'), 'supplier']
	];
	for (const [email, organisationId, role] of people) {
		const userId = await userIdByEmail(tx, email);
		if (userId) await buildMembership(tx, { consortiumId: consortium.id, userId, organisationId, role, since: '2026-01-01' });
	}
}
