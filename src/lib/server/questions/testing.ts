import { backlogItems, backlogReleaseItems, backlogReleases, backlogs } from '../db/schema';
import { asSystem } from '../db/request';
import { buildConsortium, buildMembership, buildOrganisation, buildStory, buildUser } from '../demo/factories';
import type { Role } from '../policy';
import type { PublishingRight } from '../policy';

type Who = { id: string; isOperator: boolean };
export type People = Record<Role | 'outsider' | 'otherSupplier', Who>;

/**
 * The questions' test world: a consortium (Kinda, the convenor with the admin and the observer, the
 * supplier) whose first release carried one story and not another, and a second consortium with its
 * own admin and supplier.
 */
export async function questionsWorld(publishing: PublishingRight = 'admins') {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, {}, { publishing });
		const other = await buildConsortium(tx);
		const kinda = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as People;
		const add = async (key: keyof People, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		await add('representative', kinda.id, 'representative');
		await add('deputy', kinda.id, 'deputy');
		await add('member', kinda.id, 'member');
		await add('observer', convenor.id, 'observer');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		await add('otherSupplier', (await buildOrganisation(tx, other.id, { kind: 'supplier' })).id, 'supplier', other.id);
		const released = await buildStory(tx, consortium.id, { goal: 'se larm i mobilen' });
		const unreleased = await buildStory(tx, consortium.id, { goal: 'exportera loggar' });
		const foreign = await buildStory(tx, other.id);
		const [backlog] = await tx.insert(backlogs).values({ consortiumId: consortium.id, name: 'MVP 1.0', status: 'locked', lockedAt: new Date() }).returning();
		const [item, notCarried] = await tx
			.insert(backlogItems)
			.values([
				{ consortiumId: consortium.id, backlogId: backlog!.id, itemKind: 'story', itemId: released.id, rank: 1 },
				{ consortiumId: consortium.id, backlogId: backlog!.id, itemKind: 'story', itemId: unreleased.id, rank: 2 }
			])
			.returning();
		void notCarried;
		const [release] = await tx
			.insert(backlogReleases)
			.values({ consortiumId: consortium.id, backlogId: backlog!.id, number: 1, version: 'MVP 1.0', capacity: 10, capacityUnit: 'story_points' })
			.returning();
		await tx.insert(backlogReleaseItems).values({
			consortiumId: consortium.id,
			releaseId: release!.id,
			backlogItemId: item!.id,
			rank: 1,
			content: { kind: 'story', itemId: released.id, key: 'B-1', title: 'se larm i mobilen' }
		});
		return { consortium, other, people, supplierOrg, stories: { released, unreleased, foreign } };
	});
}
