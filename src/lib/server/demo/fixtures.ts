import { eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { consortia, delegations } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildStory, userIdByEmail } from './factories';

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
