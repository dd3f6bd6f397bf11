import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { buildConsortium, buildMembership, buildNeed, buildOrganisation, buildRequirement, buildUser } from '../demo/factories';
import { closeDecisionItem, createDecisionItem, openDecisionItem, recordDecision } from '../decisions/commands';
import { DecisionItemInput, RecordInput } from '../decisions/schemas';
import { activityFor } from './activity';

useFreshDatabase();

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, {}, { decisionRule: 'majority', quorumPercent: 0 });
		const other = await buildConsortium(tx);
		const org = await buildOrganisation(tx, consortium.id, { name: 'Linköping' });
		const person = async (role: 'admin' | 'member' | 'observer', consortiumId = consortium.id) => {
			const user = await buildUser(tx, { name: `Person ${role}` });
			const organisationId = consortiumId === consortium.id ? org.id : (await buildOrganisation(tx, consortiumId)).id;
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			return { id: user.id, isOperator: false };
		};
		const need = await buildNeed(tx, consortium.id, { title: 'Trygghet på natten', createdAt: new Date(Date.now() - 3 * 86_400_000) });
		const requirement = await buildRequirement(tx, consortium.id, {
			title: 'Larm vid utebliven dos',
			status: 'approved',
			submittedAt: new Date(Date.now() - 2 * 86_400_000),
			decidedAt: new Date(Date.now() - 86_400_000)
		});
		return { consortium, need, requirement, admin: await person('admin'), observer: await person('observer'), outsider: await person('admin', other.id) };
	});
}

describe('the front page’s recent activity', () => {
	it('lists what happened in the consortium, newest first, with who did it where that is kept; nothing of another consortium', async () => {
		const w = await world();
		const item = await createDecisionItem(
			w.admin,
			w.consortium.id,
			DecisionItemInput.parse({
				title: 'Val av larmplattform',
				proposal: 'Styrgruppen väljer plattform A.',
				level: 'steering_group',
				deadline: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
			})
		);
		await openDecisionItem(w.admin, w.consortium.id, item.id);
		await closeDecisionItem(w.admin, w.consortium.id, item.id);
		const entry = await recordDecision(w.admin, w.consortium.id, item.id, RecordInput.parse({}));

		const activity = await activityFor(w.observer, w.consortium.id);
		expect(activity.map((a) => a.kind)).toEqual([
			'decision_recorded',
			'decision_closed',
			'decision_opened',
			'requirement_approved',
			'requirement_submitted',
			'need_created'
		]);
		expect(activity[0]).toMatchObject({ id: item.id, title: `${entry.number} Val av larmplattform`, by: 'Person admin' });
		expect(activity.find((a) => a.kind === 'requirement_approved')).toMatchObject({
			id: w.requirement.id,
			title: `${w.requirement.identifier} Larm vid utebliven dos`
		});
		expect(activity.at(-1)).toMatchObject({ id: w.need.id, title: 'Trygghet på natten' });
		for (const [a, b] of activity.slice(1).map((x, i) => [activity[i]!, x] as const)) expect(a.at.getTime()).toBeGreaterThanOrEqual(b.at.getTime());
		expect(await activityFor(w.outsider, w.consortium.id)).toEqual([]);
		expect((await activityFor(w.observer, w.consortium.id, 2)).map((a) => a.kind)).toEqual(['decision_recorded', 'decision_closed']);
	});
});
