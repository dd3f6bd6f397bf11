import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../testing/database';
import { asSystem } from '../../db/request';
import { decisionItems } from '../../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../../demo/factories';
import { resolveAccess } from '../access';
import { documentKind } from '../registry';
import '../kinds';

useFreshDatabase();

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const org = await buildOrganisation(tx, consortium.id);
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const mk = async (role: 'member' | 'observer' | 'supplier') => {
			const u = await buildUser(tx);
			await buildMembership(tx, { consortiumId: consortium.id, userId: u.id, organisationId: role === 'supplier' ? supplierOrg.id : org.id, role });
			return { id: u.id, isOperator: false };
		};
		const people = { member: await mk('member'), observer: await mk('observer'), supplier: await mk('supplier') };
		const item = (status: 'draft' | 'open') =>
			tx
				.insert(decisionItems)
				.values({
					consortiumId: consortium.id,
					title: 'Ärende',
					background: 'Bakgrund',
					proposal: 'Förslag',
					level: 'steering_group',
					status,
					deadline: new Date(Date.now() + 86_400_000)
				})
				.returning()
				.then((rows) => rows[0]!);
		return { people, draft: await item('draft'), open: await item('open') };
	});
}

describe('the co-edited background of a decision item', () => {
	it('is written by writers while a draft, read by everyone internal once open, and never reached by the supplier', async () => {
		const w = await world();
		const doc = (id: string) => `decision_item/${id}/background`;
		expect((await resolveAccess(w.people.member, doc(w.draft.id)))?.level).toBe('edit');
		expect((await resolveAccess(w.people.observer, doc(w.draft.id)))?.level).toBe('read');
		expect((await resolveAccess(w.people.member, doc(w.open.id)))?.level).toBe('read');
		expect(await resolveAccess(w.people.supplier, doc(w.draft.id))).toBeNull();
		expect(await resolveAccess(w.people.supplier, doc(w.open.id))).toBeNull();
	});

	it('keeps the derived text on the row while a draft, and leaves an open item’s words as the organisations read them', async () => {
		const w = await world();
		const kind = documentKind('decision_item')!;
		await asSystem((tx) => kind.onDerived!(tx, w.draft.id, 'background', { text: 'Ny bakgrund', html: '<p>Ny bakgrund</p>' }));
		await asSystem((tx) => kind.onDerived!(tx, w.open.id, 'background', { text: 'Smygändring', html: '<p>Smygändring</p>' }));
		const rows = await asSystem((tx) => tx.select().from(decisionItems));
		expect(rows.find((r) => r.id === w.draft.id)!.background).toBe('Ny bakgrund');
		expect(rows.find((r) => r.id === w.open.id)!.background).toBe('Bakgrund');
	});
});
