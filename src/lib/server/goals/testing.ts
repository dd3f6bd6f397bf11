import type { Transaction } from '../db/client';
import { asSystem } from '../db/request';
import { initiatives } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildRequirement, buildStory, buildUser } from '../demo/factories';
import type { Role } from '../policy';

export type Person = { id: string; isOperator: boolean };

/**
 * A consortium for the effect-goal tests: two municipalities (Kinda, Ydre), a convenor, the supplier,
 * one person per role in Kinda (the admin in the convenor), Ydre's representative, someone of another
 * consortium; an initiative, a user story and a requirement to link.
 */
export async function goalsWorld() {
	return asSystem(async (tx: Transaction) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const kinda = await buildOrganisation(tx, consortium.id, { name: 'Kinda', kind: 'municipality' });
		const ydre = await buildOrganisation(tx, consortium.id, { name: 'Ydre', kind: 'municipality' });
		const convenor = await buildOrganisation(tx, consortium.id, { kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const people = {} as Record<Role | 'outsider' | 'ydre', Person>;
		const add = async (key: keyof typeof people, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		for (const role of ['representative', 'deputy', 'member', 'observer'] as const) await add(role, kinda.id, role);
		await add('ydre', ydre.id, 'representative');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		const [initiative] = await tx
			.insert(initiatives)
			.values({ consortiumId: consortium.id, number: 1, title: 'Nattlig tillsyn', ownerOrganisationId: kinda.id, phaseModel: 'procurement' })
			.returning();
		const story = await buildStory(tx, consortium.id);
		const requirement = await buildRequirement(tx, consortium.id, { title: 'Digital tillsyn nattetid' });
		const [foreignInitiative] = await tx
			.insert(initiatives)
			.values({ consortiumId: other.id, number: 1, title: 'Annan', ownerOrganisationId: (await buildOrganisation(tx, other.id)).id, phaseModel: 'procurement' })
			.returning();
		return { consortium, other, kinda, ydre, convenor, people, initiative: initiative!, story, requirement, foreignInitiative: foreignInitiative! };
	});
}

/** A goal's form as typed (strings), with overrides. */
export function goalForm(overrides: Record<string, unknown> = {}) {
	return {
		category: 'Invånarupplevelse',
		title: `Kortare tid från ansökan till beslut ${Math.random().toString(36).slice(2, 7)}`,
		indicator: 'Median antal dagar från ansökan till beslut',
		unit: 'dagar',
		baselineValue: '42',
		baselineOn: '2026-01-01',
		targetValue: '28',
		targetOn: '2027-12-31',
		...overrides
	};
}
