import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { auditLog, delegations, mailOutbox, notifications, priorityRounds, prioritySubmissionHistory, prioritySubmissions, users } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildRequirement, buildStory, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { CommandError, NotFound } from '../errors';
import { closeRound, createRound, openRound, saveSubmission, updateRound } from './commands';
import { createBaseline } from '../baselines/commands';
import { CreateBaselineInput } from '../baselines/schemas';
import { closeDueRounds, remindDueRounds } from './clock';
import { listRounds, roundDetail, submissionForm } from './queries';
import { RoundInput, SubmissionInput, UpdateRoundInput } from './schemas';
import { attentionFor } from '../home/attention';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };
type People = Record<Role | 'outsider' | 'rep2' | 'rep3' | 'deputy2' | 'deputy4', Who>;

/**
 * Four municipalities: Linköping (representative, and a deputy without delegation), Ydre (its
 * representative delegated the voice to its deputy), Vadstena (representative), Kinda (only a
 * deputy: no representative in office, so the deputy speaks); a convenor with the admin and the
 * observer, a supplier, someone of another consortium; four stories and two approved requirements.
 */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, {}, { decisionRule: 'majority', quorumPercent: 50 });
		const other = await buildConsortium(tx);
		const a = await buildOrganisation(tx, consortium.id, { name: 'Linköping', population: 163_051 });
		const b = await buildOrganisation(tx, consortium.id, { name: 'Ydre', population: 3747 });
		const c = await buildOrganisation(tx, consortium.id, { name: 'Vadstena', population: 7428 });
		const d = await buildOrganisation(tx, consortium.id, { name: 'Kinda', population: 9940 });
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
		await add('deputy', a.id, 'deputy');
		await add('rep2', b.id, 'representative');
		await add('deputy2', b.id, 'deputy');
		await add('rep3', c.id, 'representative');
		await add('deputy4', d.id, 'deputy');
		await add('member', a.id, 'member');
		await add('observer', convenor.id, 'observer');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		await tx.insert(delegations).values({
			consortiumId: consortium.id,
			organisationId: b.id,
			fromUserId: people.rep2.id,
			toUserId: people.deputy2.id,
			reason: 'Föräldraledighet',
			validFrom: '2026-01-01'
		});
		const stories = [];
		for (const goal of ['se larm', 'signera läkemedel', 'dela omsorgsplan', 'boka besök']) stories.push(await buildStory(tx, consortium.id, { goal }));
		const approved = [await buildRequirement(tx, consortium.id, { status: 'approved' }), await buildRequirement(tx, consortium.id, { status: 'approved' })];
		const draftRequirement = await buildRequirement(tx, consortium.id, { status: 'draft' });
		const foreignStory = await buildStory(tx, other.id);
		return { consortium, people, orgs: { a, b, c, d }, stories, approved, draftRequirement, foreignStory };
	});
}
type World = Awaited<ReturnType<typeof world>>;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const roundInput = (w: World, over: Record<string, unknown> = {}) =>
	RoundInput.parse({ title: 'Prioritering inför MVP', method: 'borda', deadline: inDays(7), storyIds: w.stories.map((s) => s.id), ...over });

async function openedRound(w: World, over: Record<string, unknown> = {}) {
	const round = await createRound(w.people.admin, w.consortium.id, roundInput(w, over));
	await openRound(w.people.admin, w.consortium.id, round.id);
	const detail = await roundDetail(w.people.admin, w.consortium.id, round.id);
	return { round, items: detail.items.map((i) => i.id) };
}

/** A form as the submission page posts it: ranks in the order given, MoSCoW per item. */
function ranked(order: string[], moscow: string[] = order.map(() => 'should'), intent = 'submit') {
	return SubmissionInput.parse({
		intent,
		...Object.fromEntries(order.map((id, i) => [`rank.${id}`, String(i + 1)])),
		...Object.fromEntries(order.map((id, i) => [`moscow.${id}`, moscow[i]]))
	});
}

async function refusal(promise: Promise<unknown>): Promise<CommandError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(CommandError);
	return error as CommandError;
}

describe('priority rounds: who may do what (security first)', () => {
	it('answers the supplier and someone of another consortium 404 for every round command and page', async () => {
		const w = await world();
		const { round, items } = await openedRound(w);
		for (const who of [w.people.supplier, w.people.outsider]) {
			await expect(createRound(who, w.consortium.id, roundInput(w))).rejects.toBeInstanceOf(NotFound);
			await expect(openRound(who, w.consortium.id, round.id)).rejects.toBeInstanceOf(NotFound);
			await expect(closeRound(who, w.consortium.id, round.id)).rejects.toBeInstanceOf(NotFound);
			await expect(saveSubmission(who, w.consortium.id, round.id, ranked(items))).rejects.toBeInstanceOf(NotFound);
			await expect(listRounds(who, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
			await expect(roundDetail(who, w.consortium.id, round.id)).rejects.toBeInstanceOf(NotFound);
			await expect(submissionForm(who, w.consortium.id, round.id)).rejects.toBeInstanceOf(NotFound);
		}
	});

	it('lets only admins prepare, open and close a round', async () => {
		const w = await world();
		for (const who of [w.people.member, w.people.representative, w.people.observer])
			await expect(createRound(who, w.consortium.id, roundInput(w))).rejects.toBeInstanceOf(Forbidden);
		const round = await createRound(w.people.admin, w.consortium.id, roundInput(w));
		expect(round.status).toBe('draft');
		await expect(openRound(w.people.representative, w.consortium.id, round.id)).rejects.toBeInstanceOf(Forbidden);
		await openRound(w.people.admin, w.consortium.id, round.id);
		await expect(openRound(w.people.admin, w.consortium.id, round.id)).rejects.toMatchObject({ key: 'priority_round_not_draft', status: 409 });
		await expect(updateRound(w.people.admin, w.consortium.id, round.id, UpdateRoundInput.parse({ ...roundInput(w), version: 2 }))).rejects.toMatchObject({
			key: 'priority_round_not_draft'
		});
		await expect(closeRound(w.people.member, w.consortium.id, round.id)).rejects.toBeInstanceOf(Forbidden);
		const closed = await closeRound(w.people.admin, w.consortium.id, round.id);
		expect(closed.status).toBe('closed');
		await expect(closeRound(w.people.admin, w.consortium.id, round.id)).rejects.toMatchObject({ key: 'priority_round_not_open' });
	});

	it('takes priorities only from whoever speaks for a voting organisation by mandate', async () => {
		const w = await world();
		const { round, items } = await openedRound(w);
		// A member, an admin, an observer, and a deputy without delegation while the representative is in office.
		for (const who of [w.people.member, w.people.admin, w.people.observer, w.people.deputy]) {
			const error = await saveSubmission(who, w.consortium.id, round.id, ranked(items)).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(Forbidden);
			expect((error as Forbidden).key).toBe('priority_not_speaker');
		}
		// The representative in office; the deputy under delegation; the deputy of an organisation with no representative.
		const submitted = await Promise.all([
			saveSubmission(w.people.representative, w.consortium.id, round.id, ranked(items)),
			saveSubmission(w.people.deputy2, w.consortium.id, round.id, ranked(items)),
			saveSubmission(w.people.deputy4, w.consortium.id, round.id, ranked(items))
		]);
		expect(submitted.map((s) => s.actingAs)).toEqual(['representative', 'deputy', 'deputy']);
		expect(submitted.map((s) => s.organisationId)).toEqual([w.orgs.a.id, w.orgs.b.id, w.orgs.d.id]);
	});
});

describe('preparing a round', () => {
	it('takes stories, approved requirements and a baseline’s requirements, and refuses what is not the consortium’s or not approved', async () => {
		const w = await world();
		await expect(createRound(w.people.admin, w.consortium.id, roundInput(w, { storyIds: [w.foreignStory.id, w.stories[0]!.id] }))).rejects.toMatchObject({
			key: 'unknown_link'
		});
		await expect(
			createRound(w.people.admin, w.consortium.id, roundInput(w, { storyIds: [], requirementIds: [w.approved[0]!.id, w.draftRequirement.id] }))
		).rejects.toMatchObject({ key: 'priority_requirement_not_approved' });
		await expect(createRound(w.people.admin, w.consortium.id, roundInput(w, { storyIds: [w.stories[0]!.id] }))).rejects.toMatchObject({
			key: 'priority_round_too_few_items'
		});
		await expect(createRound(w.people.admin, w.consortium.id, roundInput(w, { deadline: '2020-01-01' }))).rejects.toMatchObject({
			key: 'priority_deadline_past'
		});
		const round = await createRound(
			w.people.admin,
			w.consortium.id,
			roundInput(w, { storyIds: [w.stories[0]!.id], requirementIds: w.approved.map((r) => r.id), method: 'points', weighting: 'population' })
		);
		const detail = await roundDetail(w.people.member, w.consortium.id, round.id);
		expect(detail.items.map((i) => i.kind)).toEqual(['story', 'requirement', 'requirement']);
		expect(detail.round).toMatchObject({ method: 'points', weighting: 'population', status: 'draft' });
		const updated = await updateRound(
			w.people.admin,
			w.consortium.id,
			round.id,
			UpdateRoundInput.parse({ ...roundInput(w, { title: 'Ny rubrik' }), version: round.version })
		);
		expect(updated.title).toBe('Ny rubrik');
		expect((await roundDetail(w.people.member, w.consortium.id, round.id)).items).toHaveLength(4);
		// a baseline chosen while editing the draft brings every requirement it froze
		const baseline = await createBaseline(w.people.admin, w.consortium.id, CreateBaselineInput.parse({ name: 'Kravbaslinje 1' }));
		await updateRound(
			w.people.admin,
			w.consortium.id,
			round.id,
			UpdateRoundInput.parse({ ...roundInput(w, { storyIds: [w.stories[0]!.id], baselineId: baseline.id }), version: updated.version })
		);
		const withBaseline = await roundDetail(w.people.member, w.consortium.id, round.id);
		expect(withBaseline.items.map((i) => i.kind)).toEqual(['story', 'requirement', 'requirement']);
	});
});

describe('submitting priorities: clear messages for bad input, nothing half-written', () => {
	it('refuses items outside the round, ranks with gaps or duplicates, missing MoSCoW, naming the field', async () => {
		const w = await world();
		const { round, items } = await openedRound(w);
		const other = await openedRound(w, { title: 'En annan omgång' });
		const rep = w.people.representative;
		const save = (input: SubmissionInput) => refusal(saveSubmission(rep, w.consortium.id, round.id, input));
		expect((await save(ranked([...items, other.items[0]!]))).key).toBe('priority_item_not_in_round');
		const [i1, i2, i3, i4] = items as [string, string, string, string];
		const duplicate = SubmissionInput.parse({ ...flat(ranked(items)), [`rank.${i3}`]: '2' });
		expect(await save(duplicate)).toMatchObject({ key: 'priority_rank_duplicate', params: { rank: 2 }, status: 422 });
		const gap = SubmissionInput.parse({ ...flat(ranked(items)), [`rank.${i4}`]: '6' });
		expect(await save(gap)).toMatchObject({ key: 'priority_rank_gap', field: `rank.${i4}`, params: { max: 4 } });
		const missingRank = SubmissionInput.parse({ ...flat(ranked(items)), [`rank.${i2}`]: '' });
		expect(await save(missingRank)).toMatchObject({ key: 'priority_rank_missing', field: `rank.${i2}` });
		const missingMoscow = SubmissionInput.parse({ ...flat(ranked(items)), [`moscow.${i1}`]: '' });
		expect(await save(missingMoscow)).toMatchObject({ key: 'priority_moscow_missing', field: `moscow.${i1}` });
		// Out-of-range and non-numbers are refused by the schema, beside their field.
		const parsed = SubmissionInput.safeParse({ ...flat(ranked(items)), [`rank.${i1}`]: 'först' });
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues[0]!.path).toEqual(['rank', i1]);
		const rows = await asSystem((tx) => tx.select().from(prioritySubmissions).where(eq(prioritySubmissions.roundId, round.id)));
		expect(rows).toEqual([]);
		// A draft may be incomplete; it is not counted.
		const draft = await saveSubmission(rep, w.consortium.id, round.id, SubmissionInput.parse({ intent: 'draft', [`moscow.${i1}`]: 'must' }));
		expect(draft.status).toBe('draft');
		expect((await roundDetail(w.people.member, w.consortium.id, round.id)).ranking).toBeNull();
	});

	it('in a points round, takes 100 points and says the sum when they are not 100', async () => {
		const w = await world();
		const { round, items } = await openedRound(w, { method: 'points' });
		const form = (points: number[]) =>
			SubmissionInput.parse({
				...Object.fromEntries(items.map((id, i) => [`points.${id}`, String(points[i])])),
				...Object.fromEntries(items.map((id) => [`moscow.${id}`, 'could']))
			});
		expect(await refusal(saveSubmission(w.people.representative, w.consortium.id, round.id, form([50, 30, 10, 5])))).toMatchObject({
			key: 'priority_points_sum',
			params: { sum: 95 }
		});
		const saved = await saveSubmission(w.people.representative, w.consortium.id, round.id, form([50, 30, 15, 5]));
		expect(saved.status).toBe('submitted');
		const detail = await roundDetail(w.people.member, w.consortium.id, round.id);
		expect(detail.ranking!.items[0]).toMatchObject({ itemId: items[0], score: 50 });
	});

	it('keeps every submission in the history, refuses a draft over a submission, and refuses after the round closed or its deadline passed', async () => {
		const w = await world();
		const { round, items } = await openedRound(w);
		const rep = w.people.representative;
		await saveSubmission(rep, w.consortium.id, round.id, ranked(items, undefined, 'draft'));
		await saveSubmission(rep, w.consortium.id, round.id, ranked(items));
		const again = await saveSubmission(rep, w.consortium.id, round.id, ranked([...items].reverse()));
		expect(again).toMatchObject({ status: 'submitted', version: 2 });
		expect(await refusal(saveSubmission(rep, w.consortium.id, round.id, ranked(items, undefined, 'draft')))).toMatchObject({
			key: 'priority_already_submitted'
		});
		const history = await asSystem((tx) => tx.select().from(prioritySubmissionHistory).where(eq(prioritySubmissionHistory.roundId, round.id)));
		expect(history.map((h) => h.version).sort()).toEqual([1, 2]);
		const actions = await asSystem((tx) =>
			tx
				.select({ action: auditLog.action })
				.from(auditLog)
				.where(and(eq(auditLog.entityId, round.id), sql`${auditLog.action} like 'priority_round.%'`))
		);
		expect(actions.map((a) => a.action)).toEqual(
			expect.arrayContaining([
				'priority_round.created',
				'priority_round.opened',
				'priority_round.draft_saved',
				'priority_round.submitted',
				'priority_round.resubmitted'
			])
		);
		const form = await submissionForm(rep, w.consortium.id, round.id);
		expect(form.items.map((i) => i.rank)).toEqual([4, 3, 2, 1]);

		await asSystem((tx) =>
			tx
				.update(priorityRounds)
				.set({ deadline: new Date(Date.now() - 60_000) })
				.where(eq(priorityRounds.id, round.id))
		);
		expect(await refusal(saveSubmission(w.people.rep3, w.consortium.id, round.id, ranked(items)))).toMatchObject({
			key: 'priority_deadline_past',
			status: 409
		});
		const { round: second, items: secondItems } = await openedRound(w, { title: 'Andra' });
		await closeRound(w.people.admin, w.consortium.id, second.id);
		expect(await refusal(saveSubmission(w.people.rep3, w.consortium.id, second.id, ranked(secondItems)))).toMatchObject({ key: 'priority_round_not_open' });
	});

	it('never makes two rows when two tabs submit for one organisation at once', async () => {
		const w = await world();
		const { round, items } = await openedRound(w);
		const rep = w.people.representative;
		const results = await Promise.all([
			saveSubmission(rep, w.consortium.id, round.id, ranked(items)),
			saveSubmission(rep, w.consortium.id, round.id, ranked([...items].reverse())),
			saveSubmission(w.people.deputy4, w.consortium.id, round.id, ranked(items))
		]);
		expect(results).toHaveLength(3);
		const rows = await asSystem((tx) =>
			tx
				.select()
				.from(prioritySubmissions)
				.where(and(eq(prioritySubmissions.roundId, round.id), eq(prioritySubmissions.organisationId, w.orgs.a.id)))
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.version).toBe(2);
		const history = await asSystem((tx) =>
			tx
				.select()
				.from(prioritySubmissionHistory)
				.where(and(eq(prioritySubmissionHistory.roundId, round.id), eq(prioritySubmissionHistory.organisationId, w.orgs.a.id)))
		);
		expect(history.map((h) => h.version).sort()).toEqual([1, 2]);
	});
});

describe('the combined ranking on the round page', () => {
	it('combines the submitted priorities by Borda with both weightings, the spread, the MoSCoW mix, what to discuss and Kendall’s W', async () => {
		const w = await world();
		const { round, items } = await openedRound(w);
		const [s1, s2, s3, s4] = items as [string, string, string, string];
		// Linköping (large) and Ydre agree on s1 first; Kinda puts s1 last: s1 is the one to discuss.
		await saveSubmission(w.people.representative, w.consortium.id, round.id, ranked([s1, s2, s3, s4], ['must', 'must', 'should', 'wont']));
		await saveSubmission(w.people.deputy2, w.consortium.id, round.id, ranked([s1, s3, s2, s4], ['must', 'should', 'should', 'could']));
		await saveSubmission(w.people.deputy4, w.consortium.id, round.id, ranked([s2, s3, s4, s1], ['must', 'should', 'could', 'wont']));
		const detail = await roundDetail(w.people.observer, w.consortium.id, round.id);
		expect(detail.organisations.filter((o) => o.submitted).map((o) => o.name)).toEqual(['Kinda', 'Linköping', 'Ydre']);
		expect(detail.organisations.find((o) => o.name === 'Ydre')).toMatchObject({ actingAs: 'deputy', version: 1 });
		const ranking = detail.ranking!;
		expect(ranking.method).toBe('borda');
		// Borda, equal weight: s1 3+3+0 = 6, s2 2+1+3 = 6, s3 1+2+2 = 5, s4 0+0+1 = 1
		const byId = new Map(ranking.items.map((i) => [i.itemId, i]));
		expect([s1, s2, s3, s4].map((id) => byId.get(id)!.score)).toEqual([6, 6, 5, 1]);
		expect(byId.get(s1)!.place).toBe(1);
		expect(byId.get(s2)!.place).toBe(1);
		// Population: Linköping weighs most, so s1 leads alone.
		expect(byId.get(s1)!.populationPlace).toBe(1);
		expect(byId.get(s2)!.populationPlace).toBe(2);
		expect(byId.get(s2)!.weightingsDisagree).toBe(true);
		expect(byId.get(s1)!.ranks).toMatchObject({ min: 1, max: 4 });
		expect(byId.get(s1)!.mix).toEqual({ must: 2, should: 0, could: 0, wont: 1 });
		expect(ranking.toDiscuss[0]).toBe(s1);
		expect(ranking.kendallW).toBeGreaterThan(0);
		expect(ranking.kendallW).toBeLessThan(1);
		// The heatmap's cells: each organisation's own entry per item.
		expect(detail.organisations.find((o) => o.name === 'Kinda')!.entries[s1]).toEqual({ moscow: 'wont', rank: 4, points: null });
		// A draft is the organisation's own business until submitted.
		await saveSubmission(w.people.rep3, w.consortium.id, round.id, ranked(items, undefined, 'draft'));
		expect((await roundDetail(w.people.member, w.consortium.id, round.id)).ranking!.organisations).toBe(3);
		const list = await listRounds(w.people.deputy2, w.consortium.id);
		expect(list.rounds.find((r) => r.id === round.id)).toMatchObject({ submitted: 3, mine: 'submitted', items: 4 });
		expect(list.members).toBe(4);
	});
});

describe('the front page', () => {
	it('lists the open rounds awaiting the organisation’s priorities for whoever speaks for it, until it has submitted', async () => {
		const w = await world();
		const { round, items } = await openedRound(w);
		await createRound(w.people.admin, w.consortium.id, roundInput(w, { title: 'Utkast' }));
		const awaiting = async (who: Who) => {
			const attention = await attentionFor(who, w.consortium.id);
			return attention?.kind === 'internal' ? attention.awaitingPriorities.map((r) => r.id) : null;
		};
		expect(await awaiting(w.people.representative)).toEqual([round.id]);
		expect(await awaiting(w.people.member)).toEqual([]);
		await saveSubmission(w.people.representative, w.consortium.id, round.id, ranked(items, undefined, 'draft'));
		expect(await awaiting(w.people.representative)).toEqual([round.id]);
		await saveSubmission(w.people.representative, w.consortium.id, round.id, ranked(items));
		expect(await awaiting(w.people.representative)).toEqual([]);
		expect(await awaiting(w.people.deputy4)).toEqual([round.id]);
	});
});

describe('the deadline: reminders once, then the automatic close', () => {
	it('reminds each silent organisation’s speakers once (in the app and by mail), and closes each due round exactly once', async () => {
		const w = await world();
		const { round, items } = await openedRound(w, { deadline: inDays(1), reminderHours: 72 });
		const later = await openedRound(w, { title: 'Senare', deadline: inDays(20) });
		await saveSubmission(w.people.representative, w.consortium.id, round.id, ranked(items));
		const [one, two] = await Promise.all([remindDueRounds(), remindDueRounds()]);
		expect([...one!, ...two!].filter((id) => id === round.id)).toHaveLength(1);
		expect([...one!, ...two!]).not.toContain(later.round.id);
		expect(await remindDueRounds()).not.toContain(round.id);
		const reminded = await asSystem((tx) => tx.select().from(notifications).where(eq(notifications.targetId, round.id)));
		const who = new Set(reminded.map((n) => n.userId));
		expect(who.has(w.people.representative.id)).toBe(false);
		expect(who.has(w.people.deputy.id)).toBe(false);
		for (const p of [w.people.rep2, w.people.deputy2, w.people.rep3, w.people.deputy4]) expect(reminded.filter((n) => n.userId === p.id)).toHaveLength(1);
		expect(reminded.every((n) => n.kind === 'priority_reminder' && n.targetKind === 'priority_round')).toBe(true);
		const mail = await asSystem(async (tx) => {
			const [rep3] = await tx.select({ email: users.email }).from(users).where(eq(users.id, w.people.rep3.id));
			return tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, rep3!.email));
		});
		expect(mail).toHaveLength(1);
		expect(mail[0]!.bodyText).toContain(`/prioritisation/${round.id}/submission`);

		await asSystem((tx) =>
			tx
				.update(priorityRounds)
				.set({ deadline: new Date(Date.now() - 60_000) })
				.where(eq(priorityRounds.id, round.id))
		);
		const [a, b] = await Promise.all([closeDueRounds(), closeDueRounds()]);
		expect([...a!, ...b!].filter((id) => id === round.id)).toHaveLength(1);
		expect([...a!, ...b!]).not.toContain(later.round.id);
		const closings = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(sql`${auditLog.entityId} = ${round.id} and ${auditLog.action} = 'priority_round.closed_at_deadline'`)
		);
		expect(closings).toHaveLength(1);
		const detail = await roundDetail(w.people.member, w.consortium.id, round.id);
		expect(detail.round.status).toBe('closed');
		expect(detail.ranking!.organisations).toBe(1);
		// A closed round stays closed, for every role, the server's own included.
		await expect(asSystem((tx) => tx.update(priorityRounds).set({ status: 'open' }).where(eq(priorityRounds.id, round.id)))).rejects.toThrow();
	});
});

/** The parsed input back as the flat form it came from, to change one field. */
function flat(input: SubmissionInput): Record<string, string> {
	const out: Record<string, string> = { intent: input.intent };
	for (const kind of ['moscow', 'rank', 'points'] as const) for (const [id, v] of Object.entries(input[kind])) out[`${kind}.${id}`] = String(v);
	return out;
}
