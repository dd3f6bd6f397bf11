import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { removeMember } from './commands';

useFreshDatabase();

describe('removeMember', () => {
	// The members page says "<name> är borttagen ur konsortiet." from this answer. The name was read
	// after the membership was gone, when row-level security no longer showed the person to the
	// admin, so the sentence came out without a name.
	it('answers with the name of the person removed, also when this was their only consortium', async () => {
		const { consortium, admin, leaving } = await asSystem(async (tx) => {
			const consortium = await buildConsortium(tx);
			const town = await buildOrganisation(tx, consortium.id);
			const admin = await buildUser(tx);
			await buildMembership(tx, { consortiumId: consortium.id, userId: admin.id, organisationId: town.id, role: 'admin' });
			const leaving = await buildUser(tx, { name: 'Anna Avgår' });
			const membership = await buildMembership(tx, { consortiumId: consortium.id, userId: leaving.id, organisationId: town.id, role: 'member' });
			return { consortium, admin, leaving: membership };
		});
		const answer = await removeMember({ id: admin.id, isOperator: false }, consortium.id, { membershipId: leaving.id });
		expect(answer).toEqual({ name: 'Anna Avgår' });
	});
});
