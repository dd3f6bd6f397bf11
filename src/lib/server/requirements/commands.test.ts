import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { auditLog, requirements } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { CommandError, NotFound, StaleWrite } from '../errors';
import {
	createNeed,
	createRequirement,
	createStory,
	deleteNeed,
	deleteRequirement,
	joinNeed,
	leaveNeed,
	updateNeed,
	updateRequirement,
	updateStory
} from './commands';
import { getNeed, getRequirement, listNeeds, listRequirements, listStories, traceability } from './queries';
import { RequirementFilters, RequirementInput, StoryInput, NeedInput, UpdateRequirementInput } from './schemas';
import { recordVerdict, returnToDraft, submitForReview, withdrawRequirement } from './workflow';

useFreshDatabase();

type People = Record<Role | 'outsider' | 'rep2' | 'rep3' | 'deputy3', { id: string; isOperator: boolean }>;

/** A consortium of three municipalities (majority, two approvals) plus a convenor and a supplier. */
async function world(rules: Parameters<typeof buildConsortium>[2] = { decisionRule: 'majority', quorumPercent: 50 }) {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, {}, rules);
		const other = await buildConsortium(tx);
		const a = await buildOrganisation(tx, consortium.id, { name: 'Kinda', population: 9940 });
		const b = await buildOrganisation(tx, consortium.id, { name: 'Ydre', population: 3747 });
		const c = await buildOrganisation(tx, consortium.id, { name: 'Vadstena', population: 7428 });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as People;
		const add = async (key: keyof People, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		await add('representative', a.id, 'representative');
		await add('rep2', b.id, 'representative');
		await add('rep3', c.id, 'representative');
		await add('deputy', a.id, 'deputy');
		await add('deputy3', c.id, 'deputy');
		await add('member', a.id, 'member');
		await add('observer', convenor.id, 'observer');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		return { consortium, people, orgs: { a, b, c, convenor } };
	});
}

const requirementInput = (over: Record<string, unknown> = {}) =>
	RequirementInput.parse({ title: 'Larm vid uteblivet uttag', body: 'Automaten ska larma.', ...over });

describe('who may write', () => {
	it('refuses someone from another consortium, the supplier and the observer', async () => {
		const { consortium, people } = await world();
		const input = NeedInput.parse({ title: 'Nattillsyn' });
		await expect(createNeed(people.outsider, consortium.id, input)).rejects.toBeInstanceOf(NotFound);
		await expect(createRequirement(people.outsider, consortium.id, requirementInput())).rejects.toBeInstanceOf(NotFound);
		for (const who of [people.supplier, people.observer]) {
			await expect(createNeed(who, consortium.id, input)).rejects.toBeInstanceOf(Forbidden);
			await expect(createRequirement(who, consortium.id, requirementInput())).rejects.toBeInstanceOf(Forbidden);
		}
	});

	it('answers 404 to readers from outside and to the supplier', async () => {
		const { consortium, people } = await world();
		const need = await createNeed(people.member, consortium.id, NeedInput.parse({ title: 'Nattillsyn' }));
		await expect(getNeed(people.outsider, consortium.id, need.id)).rejects.toBeInstanceOf(NotFound);
		await expect(getNeed(people.supplier, consortium.id, need.id)).rejects.toBeInstanceOf(NotFound);
		await expect(listRequirements(people.supplier, consortium.id, RequirementFilters.parse({}))).rejects.toBeInstanceOf(NotFound);
		expect((await getNeed(people.observer, consortium.id, need.id)).need.title).toBe('Nattillsyn');
	});
});

describe('input', () => {
	it('refuses a criterion without weight, a subtype on a functional requirement and a local one without places', () => {
		const r = RequirementInput.safeParse({ title: 'X', obligation: 'criterion', type: 'functional', subtype: 'security', scope: 'local' });
		expect(r.success).toBe(false);
		const paths = r.error!.issues.map((i) => i.path.join('.'));
		expect(paths).toEqual(expect.arrayContaining(['weight', 'subtype', 'localOrganisationIds']));
	});
	it('refuses an empty story template field and an unknown status filter', () => {
		expect(StoryInput.safeParse({ role: ' ', goal: 'g', purpose: 'p' }).success).toBe(false);
		expect(RequirementFilters.safeParse({ status: 'nope' }).success).toBe(false);
		expect(RequirementFilters.safeParse({ limit: '0' }).success).toBe(false);
	});
	it('refuses links to another consortium’s need', async () => {
		const { consortium, people } = await world();
		const foreign = await world();
		const need = await createNeed(foreign.people.member, foreign.consortium.id, NeedInput.parse({ title: 'Annan' }));
		await expect(createStory(people.member, consortium.id, StoryInput.parse({ role: 'r', goal: 'g', purpose: 'p', needIds: [need.id] }))).rejects.toMatchObject(
			{ key: 'unknown_link', field: 'needIds' }
		);
	});
});

describe('needs and stories', () => {
	it('captures, edits, joins and deletes a need, auditing each step', async () => {
		const { consortium, people, orgs } = await world();
		const need = await createNeed(
			people.member,
			consortium.id,
			NeedInput.parse({ title: 'Digitala lås för medicinskåp', source: 'workshop', capturedByOrganisationId: orgs.a.id, description: 'Rad 1\n\nRad <2>' })
		);
		expect(need.descriptionHtml).toBe('<p>Rad 1</p><p>Rad &lt;2&gt;</p>');
		await expect(joinNeed(people.representative, consortium.id, { needId: need.id, comment: '' })).rejects.toMatchObject({ key: 'need_own_organisation' });
		await joinNeed(people.rep2, consortium.id, { needId: need.id, comment: 'Vi också' });
		await joinNeed(people.rep3, consortium.id, { needId: need.id, comment: '' });
		const list = await listNeeds(people.observer, consortium.id, { limit: 10, offset: 0 });
		expect(list.items[0]).toMatchObject({ title: 'Digitala lås för medicinskåp', shareCount: 2, capturedBy: 'Kinda' });
		await leaveNeed(people.rep3, consortium.id, need.id);
		const edited = await updateNeed(people.member, consortium.id, { ...NeedInput.parse({ title: 'Digitala lås' }), id: need.id, version: 1 });
		expect(edited.version).toBe(2);
		await expect(updateNeed(people.member, consortium.id, { ...NeedInput.parse({ title: 'Sent' }), id: need.id, version: 1 })).rejects.toBeInstanceOf(
			StaleWrite
		);
		await deleteNeed(people.member, consortium.id, need.id);
		const actions = await asSystem((tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, need.id)));
		expect(actions.map((a) => a.action)).toEqual(['need.created', 'need.joined', 'need.joined', 'need.left', 'need.updated', 'need.deleted']);
	});

	it('writes a story linked to needs and finds it by Swedish search', async () => {
		const { consortium, people } = await world();
		const need = await createNeed(people.member, consortium.id, NeedInput.parse({ title: 'Nattillsyn' }));
		const story = await createStory(
			people.member,
			consortium.id,
			StoryInput.parse({ role: 'nattsjuksköterska', goal: 'se vilka brukare som sover', purpose: 'slippa väcka dem', needIds: [need.id] })
		);
		const hits = await listStories(people.observer, consortium.id, { q: 'nattsjuksköterska', limit: 10, offset: 0 });
		expect(hits.items.map((s) => s.id)).toEqual([story.id]);
		const stale = updateStory(people.member, consortium.id, { ...StoryInput.parse({ role: 'x', goal: 'y', purpose: 'z' }), id: story.id, version: 9 });
		await expect(stale).rejects.toMatchObject({ status: 409, current: expect.objectContaining({ role: 'nattsjuksköterska', needIds: [need.id] }) });
	});
});

describe('requirements', () => {
	it('numbers requirements K-001, K-002 per consortium, also when created at the same time', async () => {
		const { consortium, people } = await world();
		const made = await Promise.all([1, 2, 3, 4].map((i) => createRequirement(people.member, consortium.id, requirementInput({ title: `Krav ${i}` }))));
		expect(made.map((r) => r.identifier).sort()).toEqual(['K-001', 'K-002', 'K-003', 'K-004']);
		const other = await world();
		expect((await createRequirement(other.people.member, other.consortium.id, requirementInput())).identifier).toBe('K-001');
	});

	it('does not overwrite silently: the later save of the same version gets the current values', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, requirementInput());
		const base = UpdateRequirementInput.parse({ ...requirementInput(), id: r.id, version: r.version });
		await updateRequirement(people.member, consortium.id, { ...base, title: 'Först' });
		const late = updateRequirement(people.representative, consortium.id, { ...base, title: 'Sist' });
		await expect(late).rejects.toBeInstanceOf(StaleWrite);
		await expect(late).rejects.toMatchObject({ current: expect.objectContaining({ title: 'Först', version: 2 }) });
		const after = await getRequirement(people.member, consortium.id, r.id);
		expect(after.requirement.title).toBe('Först');
	});

	it('lets two concurrent saves of one version through exactly once', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, requirementInput());
		const base = UpdateRequirementInput.parse({ ...requirementInput(), id: r.id, version: r.version });
		const results = await Promise.allSettled([
			updateRequirement(people.member, consortium.id, { ...base, title: 'A' }),
			updateRequirement(people.rep2, consortium.id, { ...base, title: 'B' })
		]);
		expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
		expect(results.filter((x) => x.status === 'rejected' && x.reason instanceof StaleWrite)).toHaveLength(1);
	});

	it('deletes only an unreviewed draft', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, requirementInput());
		await submitForReview(people.member, consortium.id, r.id, 1);
		await expect(deleteRequirement(people.member, consortium.id, r.id)).rejects.toMatchObject({ key: 'requirement_not_deletable' });
		const d = await createRequirement(people.member, consortium.id, requirementInput());
		await deleteRequirement(people.member, consortium.id, d.id);
		expect(await asSystem((tx) => tx.select().from(requirements).where(eq(requirements.id, d.id)))).toEqual([]);
	});

	it('filters by status, type, obligation, municipality and story; searches in Swedish', async () => {
		const { consortium, people, orgs } = await world();
		const story = await createStory(people.member, consortium.id, StoryInput.parse({ role: 'r', goal: 'g', purpose: 'p' }));
		await createRequirement(people.member, consortium.id, requirementInput({ title: 'Kameran ska ha mörkerseende', storyIds: [story.id] }));
		await createRequirement(
			people.member,
			consortium.id,
			requirementInput({ title: 'Lokal rutin', scope: 'local', localOrganisationIds: [orgs.b.id], type: 'non_functional', subtype: 'training' })
		);
		await createRequirement(
			people.member,
			consortium.id,
			requirementInput({ title: 'Bra gränssnitt', obligation: 'criterion', weight: '20', type: 'general' })
		);
		const f = (over: Record<string, unknown>) => listRequirements(people.observer, consortium.id, RequirementFilters.parse(over));
		expect((await f({})).total).toBe(3);
		expect((await f({ type: 'non_functional' })).items.map((r) => r.title)).toEqual(['Lokal rutin']);
		expect((await f({ obligation: 'criterion' })).items.map((r) => r.weight)).toEqual([20]);
		expect((await f({ organisationId: orgs.a.id })).total).toBe(2);
		expect((await f({ organisationId: orgs.b.id })).total).toBe(3);
		expect((await f({ storyId: story.id })).items.map((r) => r.identifier)).toEqual(['K-001']);
		expect((await f({ q: 'mörkerseende' })).items.map((r) => r.identifier)).toEqual(['K-001']);
		expect((await f({ q: 'K-002' })).items.map((r) => r.title)).toEqual(['Lokal rutin']);
		expect((await f({ status: 'approved' })).total).toBe(0);
		expect((await f({ sort: 'title', limit: '2', offset: '1' })).items.map((r) => r.title)).toEqual(['Kameran ska ha mörkerseende', 'Lokal rutin']);
	});
});

describe('review and approval under the ground rules', () => {
	it('approves under majority after two of three member organisations approve', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, requirementInput());
		await expect(recordVerdict(people.representative, consortium.id, { requirementId: r.id, verdict: 'approve', reason: '' })).rejects.toMatchObject({
			key: 'requirement_not_in_review'
		});
		await submitForReview(people.member, consortium.id, r.id, 1);
		const first = await recordVerdict(people.representative, consortium.id, { requirementId: r.id, verdict: 'approve', reason: '' });
		expect(first).toMatchObject({ status: 'in_review', tally: { outcome: 'pending', approvals: 1 } });
		const second = await recordVerdict(people.rep2, consortium.id, { requirementId: r.id, verdict: 'approve', reason: '' });
		expect(second).toMatchObject({ status: 'approved', tally: { outcome: 'approved', approvals: 2, quorumMet: true } });
		const shown = await getRequirement(people.observer, consortium.id, r.id);
		expect(shown.requirement.status).toBe('approved');
		expect(shown.approval.votes.map((v) => [v.name, v.verdict, v.actingAs])).toEqual([
			['Kinda', 'approve', 'representative'],
			['Vadstena', null, null],
			['Ydre', 'approve', 'representative']
		]);
	});

	it('lets only those who speak for a member organisation give its verdict', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, requirementInput());
		await submitForReview(people.member, consortium.id, r.id, 1);
		const verdict = { requirementId: r.id, verdict: 'approve' as const, reason: '' };
		for (const [name, who] of Object.entries({ member: people.member, observer: people.observer, supplier: people.supplier, admin: people.admin })) {
			await expect(recordVerdict(who, consortium.id, verdict), name).rejects.toBeInstanceOf(Forbidden);
		}
		await expect(recordVerdict(people.outsider, consortium.id, verdict)).rejects.toBeInstanceOf(NotFound);
		// Kinda has a representative in office, so its deputy does not speak for it.
		await expect(recordVerdict(people.deputy, consortium.id, verdict)).rejects.toBeInstanceOf(Forbidden);
	});

	it('takes a deputy’s verdict when the representative has delegated, marked as the deputy’s', async () => {
		const { consortium, people, orgs } = await world();
		const { delegations } = await import('../db/schema');
		await asSystem((tx) =>
			tx
				.insert(delegations)
				.values({ consortiumId: consortium.id, organisationId: orgs.c.id, fromUserId: people.rep3.id, toUserId: people.deputy3.id, validFrom: '2020-01-01' })
		);
		const r = await createRequirement(people.member, consortium.id, requirementInput());
		await submitForReview(people.member, consortium.id, r.id, 1);
		const state = await recordVerdict(people.deputy3, consortium.id, { requirementId: r.id, verdict: 'object', reason: 'Otydligt' });
		expect(state.votes.find((v) => v.name === 'Vadstena')).toMatchObject({ verdict: 'object', actingAs: 'deputy', reason: 'Otydligt' });
	});

	it('needs every organisation under consensus, and one objection blocks it', async () => {
		const { consortium, people } = await world({ decisionRule: 'consensus' });
		const r = await createRequirement(people.member, consortium.id, requirementInput());
		await submitForReview(people.member, consortium.id, r.id, 1);
		await recordVerdict(people.representative, consortium.id, { requirementId: r.id, verdict: 'approve', reason: '' });
		const two = await recordVerdict(people.rep2, consortium.id, { requirementId: r.id, verdict: 'approve', reason: '' });
		expect(two.status).toBe('in_review');
		const three = await recordVerdict(people.rep3, consortium.id, { requirementId: r.id, verdict: 'object', reason: 'Nej' });
		expect(three).toMatchObject({ status: 'in_review', tally: { outcome: 'rejected' } });
		// back to draft clears the verdicts for a new round
		await returnToDraft(people.member, consortium.id, r.id, 2);
		expect((await getRequirement(people.member, consortium.id, r.id)).approval.tally.voted).toBe(0);
	});

	it("leaves a draft's co-edited text alone when its form is saved, and refuses a text sent with it", async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, requirementInput({ body: 'Rad ett\n\nRad två' }));
		const { body: _body, ...withoutBody } = requirementInput({ title: 'Nytt namn' });
		const saved = await updateRequirement(people.member, consortium.id, UpdateRequirementInput.parse({ ...withoutBody, id: r.id, version: 1 }));
		expect(saved).toMatchObject({ title: 'Nytt namn', bodyText: 'Rad ett\n\nRad två', bodyHtml: r.bodyHtml, version: 2 });
		await expect(
			updateRequirement(
				people.member,
				consortium.id,
				UpdateRequirementInput.parse({ ...requirementInput({ body: 'Skrivet förbi editorn' }), id: r.id, version: 2 })
			)
		).rejects.toMatchObject({ key: 'requirement_body_coedited', field: 'body', status: 409 });
	});

	it('revises an approved requirement into a new revision in review; the old stays readable until it is replaced', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, requirementInput());
		await submitForReview(people.member, consortium.id, r.id, 1);
		await recordVerdict(people.representative, consortium.id, { requirementId: r.id, verdict: 'approve', reason: '' });
		await recordVerdict(people.rep2, consortium.id, { requirementId: r.id, verdict: 'approve', reason: '' });
		const approved = await getRequirement(people.member, consortium.id, r.id);
		const revised = await updateRequirement(people.member, consortium.id, {
			...UpdateRequirementInput.parse({ ...requirementInput({ body: 'Automaten ska larma inom 5 minuter.' }), id: r.id, version: approved.requirement.version })
		});
		expect(revised).toMatchObject({ identifier: 'K-001', revision: 2, status: 'in_review', replacesId: r.id });
		const old = await getRequirement(people.member, consortium.id, r.id);
		expect(old.requirement).toMatchObject({ status: 'approved', isLatest: false, bodyText: 'Automaten ska larma.' });
		expect(old.revisions.map((v) => v.revision)).toEqual([2, 1]);
		// the old revision can no longer be edited
		await expect(
			updateRequirement(people.member, consortium.id, UpdateRequirementInput.parse({ ...requirementInput(), id: r.id, version: old.requirement.version }))
		).rejects.toMatchObject({ key: 'requirement_closed' });
		await recordVerdict(people.representative, consortium.id, { requirementId: revised.id, verdict: 'approve', reason: '' });
		await recordVerdict(people.rep3, consortium.id, { requirementId: revised.id, verdict: 'approve', reason: '' });
		expect((await getRequirement(people.member, consortium.id, r.id)).requirement.status).toBe('replaced');
		expect((await listRequirements(people.member, consortium.id, RequirementFilters.parse({}))).items.map((x) => [x.identifier, x.revision, x.status])).toEqual(
			[['K-001', 2, 'approved']]
		);
	});

	it('withdraws a requirement, which then cannot change', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, requirementInput());
		await expect(withdrawRequirement(people.observer, consortium.id, r.id, 1)).rejects.toBeInstanceOf(Forbidden);
		await withdrawRequirement(people.member, consortium.id, r.id, 1);
		await expect(submitForReview(people.member, consortium.id, r.id, 2)).rejects.toBeInstanceOf(CommandError);
	});
});

describe('traceability', () => {
	it('points out needs with no requirement and requirements with no need', async () => {
		const { consortium, people } = await world();
		const covered = await createNeed(people.member, consortium.id, NeedInput.parse({ title: 'Täckt' }));
		const viaStory = await createNeed(people.member, consortium.id, NeedInput.parse({ title: 'Via berättelse' }));
		await createNeed(people.member, consortium.id, NeedInput.parse({ title: 'Ensam' }));
		const story = await createStory(people.member, consortium.id, StoryInput.parse({ role: 'r', goal: 'g', purpose: 'p', needIds: [viaStory.id] }));
		const direct = await createRequirement(people.member, consortium.id, requirementInput({ needIds: [covered.id] }));
		const fromStory = await createRequirement(people.member, consortium.id, requirementInput({ storyIds: [story.id] }));
		const orphan = await createRequirement(people.member, consortium.id, requirementInput());
		const t = await traceability(people.observer, consortium.id);
		expect(t.needs.map((n) => [n.title, n.covered])).toEqual([
			['Täckt', true],
			['Via berättelse', true],
			['Ensam', false]
		]);
		expect(t.requirements.find((r) => r.id === orphan.id)?.traced).toBe(false);
		expect(t.cells[covered.id]).toEqual({ [direct.id]: 'direct' });
		expect(t.cells[viaStory.id]).toEqual({ [fromStory.id]: 'story' });
		expect(t.tree.find((n) => n.id === viaStory.id)?.stories[0]?.requirements.map((r) => r.id)).toEqual([fromStory.id]);
	});
});
