import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { consortia, users } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation } from './factories';

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
		const [user] = await tx
			.select({ id: users.id })
			.from(users)
			.where(sql`lower(${users.email}) = ${email}`);
		if (user) await buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId, role, since: '2026-01-01' });
	}
}
