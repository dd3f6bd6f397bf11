import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import {
	auditLog,
	backlogItems,
	backlogReleaseItems,
	backlogReleases,
	backlogs,
	decisionItems,
	decisionLinks,
	documents,
	effectGoalLinks,
	effectGoals,
	impactFlags,
	priorityRoundItems,
	priorityRounds,
	questions
} from '../db/schema';
import { buildConsortium, buildMembership, buildNeed, buildOrganisation, buildRequirement, buildStory, buildUser } from '../demo/factories';
import { freezeApproved } from '../baselines/commands';
import { updateRequirement } from '../requirements/commands';
import { UpdateRequirementInput } from '../requirements/schemas';
import { Forbidden, type Role } from '../policy';
import { CommandError, NotFound } from '../errors';
import { clearImpactFlag } from './commands';
import { impactAttentionIn, impactFlagsOn, impactOf, impactSummary, listOpenImpactFlags } from './queries';
import { ClearImpactFlagInput } from './schemas';
import { actorOf } from '../consortia/actor';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };

/**
 * A consortium whose K-001 (approved, tracing to a story and a need) went out in a baseline, and
 * everything that depends on it: a backlog item, a release, an answered question, a decision item, a
 * kravspecifikation on the baseline, a document that names it, a priority round and an effect goal.
 * K-002 was approved after the baseline and never went out.
 */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const kinda = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as Record<Role | 'outsider', Who>;
		const add = async (key: keyof typeof people, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		for (const role of ['representative', 'member', 'observer'] as const) await add(role, kinda.id, role);
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);

		const story = await buildStory(tx, consortium.id, { goal: 'se larm i mobilen' });
		const need = await buildNeed(tx, consortium.id, { title: 'Larm når personalen' });
		const requirement = await buildRequirement(tx, consortium.id, {
			title: 'Larm visas i mobilen',
			bodyText: 'Lösningen ska visa larm inom fem sekunder.',
			acceptanceCriteria: 'Larmet syns inom fem sekunder.',
			status: 'approved',
			storyIds: [story.id],
			needIds: [need.id]
		});
		const { baseline } = await freezeApproved(tx, consortium.id, { name: 'Kravspecifikation 1.0', description: '' }, people.admin.id);
		const later = await buildRequirement(tx, consortium.id, { title: 'Export av loggar', status: 'approved' });

		const [backlog] = await tx.insert(backlogs).values({ consortiumId: consortium.id, name: 'MVP 1.0', status: 'locked', lockedAt: new Date() }).returning();
		const [item] = await tx
			.insert(backlogItems)
			.values({ consortiumId: consortium.id, backlogId: backlog!.id, itemKind: 'requirement', itemId: requirement.id, rank: 1 })
			.returning();
		const [release] = await tx
			.insert(backlogReleases)
			.values({ consortiumId: consortium.id, backlogId: backlog!.id, number: 1, version: 'MVP 1.0', capacity: 10, capacityUnit: 'story_points' })
			.returning();
		await tx.insert(backlogReleaseItems).values({
			consortiumId: consortium.id,
			releaseId: release!.id,
			backlogItemId: item!.id,
			rank: 1,
			content: {
				kind: 'requirement',
				itemId: requirement.id,
				key: 'K-001',
				title: requirement.title,
				requirements: [{ identifier: 'K-001', title: requirement.title }]
			}
		});
		const [question] = await tx
			.insert(questions)
			.values({
				consortiumId: consortium.id,
				number: 1,
				itemKind: 'requirement',
				itemId: requirement.id,
				title: 'Hur snabbt ska larmet synas?',
				body: 'Gäller fem sekunder även utan täckning?',
				organisationId: supplierOrg.id,
				askedBy: people.supplier.id,
				dueAt: new Date(Date.now() + 86_400_000),
				status: 'answered',
				answer: 'Ja.',
				answeredAt: new Date(),
				answeredBy: people.admin.id
			})
			.returning();
		const [decision] = await tx
			.insert(decisionItems)
			.values({ consortiumId: consortium.id, title: 'Larmkrav till styrgruppen', proposal: 'Bifall', level: 'steering_group', createdBy: people.admin.id })
			.returning();
		await tx.insert(decisionLinks).values({ consortiumId: consortium.id, itemId: decision!.id, targetKind: 'requirement', targetId: requirement.id });
		const [specification, directive, unrelated] = await tx
			.insert(documents)
			.values([
				{ consortiumId: consortium.id, kind: 'requirement_specification', title: 'Kravspecifikation larm', baselineId: baseline.id },
				{ consortiumId: consortium.id, kind: 'evaluation_model', title: 'Utvärderingsmodell', text: 'Kravet K-001 viktas högt.' },
				{ consortiumId: consortium.id, kind: 'project_directive', title: 'Projektdirektiv', text: 'Se K-0010 och XK-001.' }
			])
			.returning();
		const [round] = await tx
			.insert(priorityRounds)
			.values({ consortiumId: consortium.id, title: 'Prioritering våren', deadline: new Date(Date.now() + 7 * 86_400_000), createdBy: people.admin.id })
			.returning();
		await tx
			.insert(priorityRoundItems)
			.values({ consortiumId: consortium.id, roundId: round!.id, itemKind: 'requirement', itemId: requirement.id, position: 1 });
		const [goal] = await tx
			.insert(effectGoals)
			.values({
				consortiumId: consortium.id,
				category: 'Invånarupplevelse',
				title: 'Snabbare larm',
				indicator: 'Sekunder till larm',
				baselineValue: 30,
				baselineOn: '2026-01-01',
				targetValue: 5,
				targetOn: '2027-01-01'
			})
			.returning();
		await tx.insert(effectGoalLinks).values({ consortiumId: consortium.id, goalId: goal!.id, requirementId: requirement.id });
		return {
			consortium,
			other,
			people,
			requirement,
			later,
			baseline,
			targets: {
				backlog_item: item!.id,
				release: release!.id,
				question: question!.id,
				decision_item: decision!.id,
				document: [specification!.id, directive!.id],
				priority_round: round!.id,
				story: story.id,
				need: need.id,
				effect_goal: goal!.id
			},
			unrelatedDocument: unrelated!.id
		};
	});
}

type World = Awaited<ReturnType<typeof world>>;

/** Saves changed words of an approved revision the way the requirement page does: the next revision, in review. */
function revise(w: World, who: Who, revision: { id: string; version: number }, changes: Record<string, unknown> = {}, links = { story: true, need: true }) {
	return updateRequirement(
		who,
		w.consortium.id,
		UpdateRequirementInput.parse({
			id: revision.id,
			version: String(revision.version),
			title: 'Larm visas i mobilen',
			body: 'Lösningen ska visa larm inom tre sekunder.',
			acceptanceCriteria: 'Larmet syns inom tre sekunder.',
			storyIds: links.story ? [w.targets.story] : [],
			needIds: links.need ? [w.targets.need] : [],
			...changes
		})
	);
}

const flagsOf = (consortiumId: string) => asSystem((tx) => tx.select().from(impactFlags).where(eq(impactFlags.consortiumId, consortiumId)));

describe('change impact: reading and clearing is refused as the policy says', () => {
	it('answers someone of another consortium and the supplier 404, an observer 403 on clearing', async () => {
		const w = await world();
		await revise(w, w.people.member, w.requirement);
		const [flag] = await flagsOf(w.consortium.id);
		for (const who of [w.people.outsider, w.people.supplier]) {
			await expect(impactOf(who, w.consortium.id, w.requirement.id)).rejects.toBeInstanceOf(NotFound);
			await expect(listOpenImpactFlags(who, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
			await expect(clearImpactFlag(who, w.consortium.id, { flagId: flag!.id, note: 'Granskad' })).rejects.toBeInstanceOf(NotFound);
		}
		// The supplier reads the question's page, never the flags on it.
		expect((await impactFlagsOn(w.people.supplier, w.consortium.id, 'question', w.targets.question)).flags).toEqual([]);
		expect(await impactSummary(w.people.supplier, w.consortium.id, w.requirement.id)).toBeNull();
		await expect(clearImpactFlag(w.people.observer, w.consortium.id, { flagId: flag!.id, note: 'Granskad' })).rejects.toBeInstanceOf(Forbidden);
		expect((await listOpenImpactFlags(w.people.observer, w.consortium.id)).canClear).toBe(false);
	});

	it('refuses a missing note and a malformed id as field errors, and an unknown flag as a missing thing', async () => {
		const w = await world();
		const parsed = ClearImpactFlagInput.safeParse({ flagId: 'nej', note: '   ' });
		expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message]).sort()).toEqual([
			['flagId', 'invalid'],
			['note', 'required']
		]);
		await expect(
			clearImpactFlag(w.people.member, w.consortium.id, { flagId: '00000000-0000-4000-8000-000000000000', note: 'Granskad' })
		).rejects.toBeInstanceOf(NotFound);
		await expect(impactOf(w.people.member, w.consortium.id, '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFound);
	});
});

describe('change impact: flags raised with a new revision of a baselined requirement', () => {
	it('flags every dependent kind in the revision’s transaction, with what changed', async () => {
		const w = await world();
		const next = await revise(w, w.people.member, w.requirement);
		expect(next.revision).toBe(2);
		const flags = await flagsOf(w.consortium.id);
		const byKind = (kind: string) =>
			flags
				.filter((f) => f.targetKind === kind)
				.map((f) => f.targetId)
				.sort();
		for (const [kind, ids] of Object.entries(w.targets)) expect(byKind(kind), kind).toEqual([ids].flat().sort());
		expect(flags.map((f) => f.targetId)).not.toContain(w.unrelatedDocument);
		const question = flags.find((f) => f.targetKind === 'question')!;
		expect(question).toMatchObject({ identifier: 'K-001', fromRevision: 1, toRevision: 2, fromRevisionId: w.requirement.id, toRevisionId: next.id });
		expect(question.targetLabel).toBe('F-1 Hur snabbt ska larmet synas?');
		expect(question.diff.changes.map((c) => c.field)).toEqual(['text', 'acceptanceCriteria']);
		const text = question.diff.changes[0]!;
		expect(text).toMatchObject({ before: 'Lösningen ska visa larm inom fem sekunder.', after: 'Lösningen ska visa larm inom tre sekunder.' });
		expect(text.parts!.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(['fem']);
		expect(text.parts!.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['tre']);
		const audit = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.consortiumId, w.consortium.id), eq(auditLog.action, 'impact_flag.raised')))
		);
		expect(audit).toHaveLength(1);
		// The writers' home page lists them.
		const attention = await withUser(w.people.member, async (tx) =>
			impactAttentionIn(tx, await actorOf(tx, w.people.member, w.consortium.id), w.consortium.id)
		);
		expect(attention.openImpactFlagCount).toBe(flags.length);
		const observerAttention = await withUser(w.people.observer, async (tx) =>
			impactAttentionIn(tx, await actorOf(tx, w.people.observer, w.consortium.id), w.consortium.id)
		);
		expect(observerAttention.openImpactFlagCount).toBe(0);
	});

	it('raises nothing for a requirement no baseline froze', async () => {
		const w = await world();
		const next = await revise(w, w.people.member, w.later, { title: 'Export av loggar' }, { story: false, need: false });
		expect(next.revision).toBe(2);
		expect(await flagsOf(w.consortium.id)).toEqual([]);
		expect(await impactSummary(w.people.member, w.consortium.id, next.id)).toBeNull();
		expect((await impactOf(w.people.member, w.consortium.id, next.id)).baseline).toBeNull();
	});

	it('shows, for a requirement no baseline froze, what depends on it now (a change request links here), without a diff or flags', async () => {
		const w = await world();
		// K-001 itself, read at its baselined revision: no predecessor went out, so no diff; its dependants are listed.
		const view = await impactOf(w.people.observer, w.consortium.id, w.requirement.id);
		expect(view).toMatchObject({ baseline: null, diff: null, canClear: false });
		expect(new Set(view.targets.map((t) => t.kind))).toEqual(
			new Set(['backlog_item', 'release', 'question', 'decision_item', 'document', 'priority_round', 'story', 'need', 'effect_goal'])
		);
		expect(view.targets.every((t) => t.flag === null)).toBe(true);
		expect(await flagsOf(w.consortium.id)).toEqual([]);
	});

	it('keeps one open flag per thing and requirement, moved on to the newest revision', async () => {
		const w = await world();
		const second = await revise(w, w.people.member, w.requirement);
		const count = (await flagsOf(w.consortium.id)).length;
		// The second revision is approved, then changed again: revision 3.
		await asSystem(async (tx) => {
			const { requirements } = await import('../db/schema');
			await tx.update(requirements).set({ status: 'replaced' }).where(eq(requirements.id, w.requirement.id));
			await tx.update(requirements).set({ status: 'approved' }).where(eq(requirements.id, second.id));
		});
		const third = await revise(w, w.people.representative, second, { body: 'Lösningen ska visa larm inom två sekunder.' });
		const flags = await flagsOf(w.consortium.id);
		expect(flags).toHaveLength(count);
		expect(new Set(flags.map((f) => [f.fromRevision, f.toRevision, f.toRevisionId].join()))).toEqual(new Set([[1, 3, third.id].join()]));
	});
});

describe('change impact: the view without writing, and clearing', () => {
	it('shows a revision’s whole impact and its diff before anything is flagged, and writes nothing', async () => {
		const w = await world();
		// A revision 2 written straight into the table (a draft no command flagged yet).
		const draft = await asSystem((tx) =>
			buildRequirement(tx, w.consortium.id, {
				number: w.requirement.number,
				revision: 2,
				replacesId: w.requirement.id,
				isLatest: false,
				title: 'Larm visas i mobilen och på klockan',
				bodyText: w.requirement.bodyText,
				acceptanceCriteria: w.requirement.acceptanceCriteria,
				status: 'draft'
			})
		);
		const view = await impactOf(w.people.observer, w.consortium.id, draft.id);
		expect(view.baseline).toEqual({ id: w.requirement.id, revision: 1 });
		expect(view.diff!.changes.map((c) => c.field)).toEqual(['title']);
		// Stories and needs are those the baselined or the new revision traces to; this draft traces to none.
		expect(view.targets.map((t) => t.kind).sort()).toEqual(
			['backlog_item', 'decision_item', 'document', 'document', 'effect_goal', 'need', 'priority_round', 'question', 'release', 'story'].sort()
		);
		expect(view.targets.every((t) => t.flag === null)).toBe(true);
		expect(view.canClear).toBe(false);
		expect(await impactSummary(w.people.member, w.consortium.id, draft.id)).toEqual({ count: 10, open: 0 });
		expect(await flagsOf(w.consortium.id)).toEqual([]);
	});

	it('clears a flag with a note, once, audited, and it leaves the open lists', async () => {
		const w = await world();
		await revise(w, w.people.member, w.requirement);
		const { flags } = await impactFlagsOn(w.people.member, w.consortium.id, 'question', w.targets.question);
		expect(flags).toHaveLength(1);
		expect(flags[0]!.path).toBe(`questions/${w.targets.question}`);
		const cleared = await clearImpactFlag(w.people.member, w.consortium.id, { flagId: flags[0]!.id, note: 'Svaret gäller fortfarande.' });
		expect(cleared).toMatchObject({ clearedBy: w.people.member.id, clearNote: 'Svaret gäller fortfarande.' });
		expect(cleared.clearedAt).not.toBeNull();
		const again = clearImpactFlag(w.people.admin, w.consortium.id, { flagId: flags[0]!.id, note: 'Igen' });
		await expect(again).rejects.toBeInstanceOf(CommandError);
		await expect(again).rejects.toMatchObject({ key: 'impact_flag_cleared', status: 409 });
		expect((await impactFlagsOn(w.people.member, w.consortium.id, 'question', w.targets.question)).flags).toEqual([]);
		const open = await listOpenImpactFlags(w.people.member, w.consortium.id);
		expect(open.flags.map((f) => f.targetId)).not.toContain(w.targets.question);
		expect(open.flags.find((f) => f.targetKind === 'backlog_item')!.path).toMatch(/^backlog\//);
		expect(open.flags.find((f) => f.targetKind === 'release')!.path).toBe('backlog/releases/1');
		const view = await impactOf(w.people.member, w.consortium.id, (await flagsOf(w.consortium.id))[0]!.toRevisionId);
		expect(view.targets.find((t) => t.id === w.targets.question)!.flag).toMatchObject({ cleared: true, clearNote: 'Svaret gäller fortfarande.' });
		const [entry] = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.entityId, cleared.id), eq(auditLog.action, 'impact_flag.cleared')))
		);
		expect(entry!.actorId).toBe(w.people.member.id);
		expect((entry!.after as { clearNote: string }).clearNote).toBe('Svaret gäller fortfarande.');
	});
});

describe('row-level security on impact flags: what each role can reach with SQL of its own', () => {
	it('shows the supplier and someone of another consortium no flag; an observer every flag', async () => {
		const w = await world();
		await revise(w, w.people.member, w.requirement);
		const total = (await flagsOf(w.consortium.id)).length;
		for (const who of [w.people.supplier, w.people.outsider]) expect(await withUser(who, (tx) => tx.select().from(impactFlags))).toEqual([]);
		expect(await withUser(w.people.observer, (tx) => tx.select().from(impactFlags))).toHaveLength(total);
	});

	it('refuses the supplier and an observer every write, a clear in someone else’s name, a change to a cleared flag and any delete', async () => {
		const w = await world();
		await revise(w, w.people.member, w.requirement);
		const [flag, other] = await flagsOf(w.consortium.id);
		for (const who of [w.people.supplier, w.people.observer]) {
			const forged = { ...flag!, id: undefined, targetId: w.unrelatedDocument, targetKind: 'document' as const, createdBy: who.id };
			await expect(withUser(who, (tx) => tx.insert(impactFlags).values(forged))).rejects.toThrow();
			expect(
				await withUser(who, (tx) =>
					tx.update(impactFlags).set({ clearedAt: new Date(), clearedBy: who.id, clearNote: 'x' }).where(eq(impactFlags.id, flag!.id)).returning()
				)
			).toEqual([]);
		}
		await expect(
			withUser(w.people.member, (tx) =>
				tx.update(impactFlags).set({ clearedAt: new Date(), clearedBy: w.people.admin.id, clearNote: 'x' }).where(eq(impactFlags.id, flag!.id))
			)
		).rejects.toThrow();
		await clearImpactFlag(w.people.member, w.consortium.id, { flagId: flag!.id, note: 'Granskad' });
		expect(await withUser(w.people.admin, (tx) => tx.update(impactFlags).set({ clearNote: 'Ändrad' }).where(eq(impactFlags.id, flag!.id)).returning())).toEqual(
			[]
		);
		await expect(withUser(w.people.admin, (tx) => tx.delete(impactFlags).where(eq(impactFlags.id, other!.id)))).rejects.toThrow();
	});
});
