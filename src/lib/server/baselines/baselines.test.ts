import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, baselineItems, baselines, requirementOrganisations, requirements } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildRequirement, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { CommandError, NotFound } from '../errors';
import { specToDocx } from '../exports/docx';
import { createBaseline } from './commands';
import { compareBaselines, getBaseline, listBaselines } from './queries';
import { CreateBaselineInput } from './schemas';

useFreshDatabase();

type Person = { id: string; isOperator: boolean };

/** A new approved revision of an approved requirement, as approving a changed text makes one; the old one is replaced. */
async function revise(
	tx: Parameters<Parameters<typeof asSystem>[0]>[0],
	before: typeof requirements.$inferSelect,
	changes: Partial<typeof requirements.$inferInsert>
) {
	await tx.update(requirements).set({ status: 'replaced', isLatest: false }).where(eq(requirements.id, before.id));
	const { id: _id, identifier: _identifier, search: _search, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = before;
	await tx.insert(requirements).values({ ...fields, revision: before.revision + 1, replacesId: before.id, isLatest: true, status: 'approved', ...changes });
}

/** A consortium with one person per role, an outsider, and four requirements in different states. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, { name: 'Välfärdsteknik Testlän' });
		const other = await buildConsortium(tx);
		const ydre = await buildOrganisation(tx, consortium.id, { name: 'Ydre' });
		const kinda = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as Record<Role | 'outsider', Person>;
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer', 'supplier'] as const) {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId: role === 'supplier' ? supplierOrg.id : ydre.id, role });
			people[role] = { id: user.id, isOperator: false };
		}
		const outsider = await buildUser(tx);
		await buildMembership(tx, { consortiumId: other.id, userId: outsider.id, organisationId: (await buildOrganisation(tx, other.id)).id, role: 'admin' });
		people.outsider = { id: outsider.id, isOperator: false };

		const alarm = await buildRequirement(tx, consortium.id, {
			title: 'Larm vid uppstigning',
			bodyText: 'Sensorn ska larma inom 30 sekunder.',
			status: 'approved'
		});
		const camera = await buildRequirement(tx, consortium.id, {
			title: 'Kamera',
			status: 'approved',
			obligation: 'criterion',
			weight: 20,
			type: 'non_functional',
			subtype: 'security',
			scope: 'local'
		});
		await tx.insert(requirementOrganisations).values([
			{ consortiumId: consortium.id, requirementId: camera.id, organisationId: ydre.id },
			{ consortiumId: consortium.id, requirementId: camera.id, organisationId: kinda.id }
		]);
		const draft = await buildRequirement(tx, consortium.id, { title: 'Utkast', status: 'draft' });
		const inReview = await buildRequirement(tx, consortium.id, { title: 'Granskas', status: 'in_review' });
		return { consortium, other, people, alarm, camera, draft, inReview, ydre };
	});
}

const input = (name: string) => CreateBaselineInput.parse({ name, description: 'Till upphandlingen.' });

describe('creating a baseline', () => {
	it('is refused to outsiders, the supplier and the observer', async () => {
		const { consortium, people } = await world();
		await expect(createBaseline(people.outsider, consortium.id, input('X'))).rejects.toBeInstanceOf(NotFound);
		await expect(createBaseline(people.supplier, consortium.id, input('X'))).rejects.toBeInstanceOf(Forbidden);
		await expect(createBaseline(people.observer, consortium.id, input('X'))).rejects.toBeInstanceOf(Forbidden);
		const count = await asSystem((tx) => tx.select().from(baselines).where(eq(baselines.consortiumId, consortium.id)));
		expect(count).toHaveLength(0);
	});

	it('rejects a blank or overlong name', () => {
		expect(CreateBaselineInput.safeParse({ name: '  ' }).success).toBe(false);
		expect(CreateBaselineInput.safeParse({ name: 'x'.repeat(201) }).success).toBe(false);
	});

	it('freezes exactly the approved requirements with every field, audited', async () => {
		const { consortium, people, alarm, camera } = await world();
		const baseline = await createBaseline(people.member, consortium.id, input('Kravspecifikation 1.0'));
		expect(baseline.requirementCount).toBe(2);
		const { spec } = await getBaseline(people.observer, consortium.id, baseline.id);
		expect(spec.name).toBe('Kravspecifikation 1.0');
		expect(spec.consortiumName).toBe('Välfärdsteknik Testlän');
		expect(spec.requirements.map((r) => r.identifier)).toEqual([alarm.identifier, camera.identifier]);
		expect(spec.requirements[1]).toMatchObject({
			title: 'Kamera',
			obligation: 'criterion',
			weight: 20,
			type: 'non_functional',
			subtype: 'security',
			scope: 'local',
			localOrganisations: ['Kinda', 'Ydre'],
			status: 'approved'
		});
		const [entry] = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.action, 'baseline.created'), eq(auditLog.entityId, baseline.id)))
		);
		expect(entry?.actorId).toBe(people.member.id);
	});

	it('stays as it was when requirements change afterwards', async () => {
		const { consortium, people, alarm } = await world();
		const baseline = await createBaseline(people.admin, consortium.id, input('1.0'));
		await asSystem((tx) => revise(tx, alarm, { title: 'Ändrad titel' }));
		const { spec } = await getBaseline(people.member, consortium.id, baseline.id);
		expect(spec.requirements[0]!.title).toBe('Larm vid uppstigning');
	});

	it('refuses a taken name and a consortium with nothing approved', async () => {
		const { consortium, people, other } = await world();
		await createBaseline(people.representative, consortium.id, input('1.0'));
		await expect(createBaseline(people.deputy, consortium.id, input('1.0'))).rejects.toMatchObject({ key: 'baseline_name_taken', field: 'name' });
		const empty = await asSystem(async (tx) => {
			const user = await buildUser(tx);
			const org = await buildOrganisation(tx, other.id);
			await buildMembership(tx, { consortiumId: other.id, userId: user.id, organisationId: org.id, role: 'member' });
			return { id: user.id, isOperator: false };
		});
		await expect(createBaseline(empty, other.id, input('1.0'))).rejects.toBeInstanceOf(CommandError);
		await expect(createBaseline(empty, other.id, input('1.0'))).rejects.toMatchObject({ key: 'baseline_empty' });
	});
});

describe('reading baselines', () => {
	it('is not found for outsiders and the supplier; the observer reads', async () => {
		const { consortium, people } = await world();
		const baseline = await createBaseline(people.admin, consortium.id, input('1.0'));
		for (const who of [people.outsider, people.supplier]) {
			await expect(listBaselines(who, consortium.id)).rejects.toBeInstanceOf(NotFound);
			await expect(getBaseline(who, consortium.id, baseline.id)).rejects.toBeInstanceOf(NotFound);
		}
		const list = await listBaselines(people.observer, consortium.id);
		expect(list.items.map((b) => b.name)).toEqual(['1.0']);
		expect(list.can['content.write']).toBe(false);
	});

	it('hides baselines from the supplier and other consortia in the database itself (RLS)', async () => {
		const { consortium, people } = await world();
		await createBaseline(people.admin, consortium.id, input('1.0'));
		for (const who of [people.supplier, people.outsider]) {
			const seen = await withUser(who, async (tx) => ({ b: await tx.select().from(baselines), i: await tx.select().from(baselineItems) }));
			expect(seen.b.filter((b) => b.consortiumId === consortium.id)).toEqual([]);
			expect(seen.i.filter((i) => i.consortiumId === consortium.id)).toEqual([]);
		}
		const observerSees = await withUser(people.observer, (tx) => tx.select().from(baselines).where(eq(baselines.consortiumId, consortium.id)));
		expect(observerSees).toHaveLength(1);
	});

	it('refuses changes and deletions of a frozen baseline in the database, even by an admin', async () => {
		const { consortium, people } = await world();
		const baseline = await createBaseline(people.admin, consortium.id, input('1.0'));
		const renamed = await withUser(people.admin, (tx) => tx.update(baselines).set({ name: 'Annan' }).where(eq(baselines.id, baseline.id)).returning());
		const deleted = await withUser(people.admin, (tx) => tx.delete(baselineItems).where(eq(baselineItems.baselineId, baseline.id)).returning());
		expect(renamed).toEqual([]);
		expect(deleted).toEqual([]);
		await expect(
			withUser(people.observer, (tx) =>
				tx.insert(baselines).values({ consortiumId: consortium.id, name: 'Smyg', requirementCount: 0, createdBy: people.observer.id })
			)
		).rejects.toThrow();
	});

	it('exports a stored baseline to a Word file that holds its requirements', async () => {
		const { consortium, people } = await world();
		const baseline = await createBaseline(people.admin, consortium.id, input('Kravspecifikation 1.0'));
		const { spec } = await getBaseline(people.member, consortium.id, baseline.id);
		const xml = await (await JSZip.loadAsync(await specToDocx(spec, 'sv'))).file('word/document.xml')!.async('string');
		for (const r of spec.requirements) expect(xml).toContain(`${r.identifier} ${r.title}`);
	});
});

describe('comparing baselines', () => {
	it('lists added, removed and changed requirements with a word diff', async () => {
		const { consortium, people, alarm, camera, inReview } = await world();
		const first = await createBaseline(people.admin, consortium.id, input('1.0'));
		await asSystem(async (tx) => {
			await revise(tx, alarm, { bodyText: 'Sensorn ska larma inom 20 sekunder.' });
			await tx.update(requirements).set({ status: 'withdrawn' }).where(eq(requirements.id, camera.id));
			await tx.update(requirements).set({ status: 'approved' }).where(eq(requirements.id, inReview.id));
		});
		const second = await createBaseline(people.admin, consortium.id, input('1.1'));
		const { comparison } = await compareBaselines(people.observer, consortium.id, first.id, second.id);
		expect(comparison.added.map((r) => r.identifier)).toEqual([inReview.identifier]);
		expect(comparison.removed.map((r) => r.identifier)).toEqual([camera.identifier]);
		expect(comparison.changed).toHaveLength(1);
		const [changed] = comparison.changed;
		expect(changed!.changes.map((c) => c.field)).toEqual(['text', 'revision']);
		const text = changed!.changes[0]!;
		expect(text.parts!.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(['30']);
		expect(text.parts!.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['20']);
		expect(comparison.unchanged).toBe(0);
	});

	it('is not found for a baseline of another consortium, or for an outsider', async () => {
		const { consortium, other, people } = await world();
		const mine = await createBaseline(people.admin, consortium.id, input('1.0'));
		const foreign = await asSystem(async (tx) => {
			await buildRequirement(tx, other.id, { status: 'approved' });
			const [row] = await tx.insert(baselines).values({ consortiumId: other.id, name: '1.0', requirementCount: 1 }).returning();
			return row!;
		});
		await expect(compareBaselines(people.admin, consortium.id, mine.id, foreign.id)).rejects.toBeInstanceOf(NotFound);
		await expect(getBaseline(people.admin, consortium.id, foreign.id)).rejects.toBeInstanceOf(NotFound);
		await expect(compareBaselines(people.outsider, consortium.id, mine.id, mine.id)).rejects.toBeInstanceOf(NotFound);
	});
});
