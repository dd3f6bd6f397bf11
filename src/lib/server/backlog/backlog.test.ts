import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { buildConsortium, buildMembership, buildOrganisation, buildStory, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { CommandError, NotFound } from '../errors';
import { closeRound, createRound, openRound, saveSubmission } from '../prioritisation/commands';
import { roundDetail } from '../prioritisation/queries';
import { RoundInput, SubmissionInput } from '../prioritisation/schemas';
import { closeDecisionItem, openDecisionItem, recordDecision, statePosition, withdrawDecisionItem } from '../decisions/commands';
import { PositionInput, RecordInput } from '../decisions/schemas';
import { acknowledgeRelease, createBacklog, judgeDelivery, lockScope, publishRelease, reportDelivery, requestChange, savePlan, setLine } from './commands';
import { backlogDetail, backlogOverview, releaseDetail } from './queries';
import { AcceptanceInput, BacklogInput, ChangeRequestInput, DeliveryInput, LineInput, PlanInput, ReleaseInput } from './schemas';
import { releaseToJiraCsv, releaseToJson } from './exports';
import { diffReleases, type ReleaseItemContent } from './release-content';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };

/** Three municipalities, an admin, a member, the supplier and an outsider; five stories. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, {}, { decisionRule: 'majority', quorumPercent: 50 });
		const other = await buildConsortium(tx);
		const orgs = [
			await buildOrganisation(tx, consortium.id, { name: 'Linköping', population: 163_051 }),
			await buildOrganisation(tx, consortium.id, { name: 'Motala', population: 43_000 }),
			await buildOrganisation(tx, consortium.id, { name: 'Ydre', population: 3747 })
		];
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people: Record<string, Who> = {};
		const add = async (key: string, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		for (const [i, org] of orgs.entries()) await add(`rep${i}`, org.id, 'representative');
		await add('member', orgs[0]!.id, 'member');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		const stories = [];
		for (const goal of ['se larm', 'signera läkemedel', 'dela omsorgsplan', 'boka besök', 'läsa journal'])
			stories.push(await buildStory(tx, consortium.id, { goal }));
		return { consortium, people, stories };
	});
}
type World = Awaited<ReturnType<typeof world>>;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A closed round over the first four stories in which all three rank them 1–4 (the last story stays out). */
async function closedRound(w: World) {
	const round = await createRound(
		w.people.admin!,
		w.consortium.id,
		RoundInput.parse({ title: 'MVP', method: 'borda', deadline: inDays(7), storyIds: w.stories.slice(0, 4).map((s) => s.id) })
	);
	await openRound(w.people.admin!, w.consortium.id, round.id);
	const items = (await roundDetail(w.people.admin!, w.consortium.id, round.id)).items.map((i) => i.id);
	for (const rep of ['rep0', 'rep1', 'rep2'])
		await saveSubmission(
			w.people[rep]!,
			w.consortium.id,
			round.id,
			SubmissionInput.parse({
				intent: 'submit',
				...Object.fromEntries(items.map((id, i) => [`rank.${id}`, String(i + 1)])),
				...Object.fromEntries(items.map((id, i) => [`moscow.${id}`, i < 2 ? 'must' : 'could']))
			})
		);
	await closeRound(w.people.admin!, w.consortium.id, round.id);
	return round;
}

async function lockedBacklog(w: World) {
	const round = await closedRound(w);
	const backlog = await createBacklog(
		w.people.admin!,
		w.consortium.id,
		BacklogInput.parse({ roundId: round.id, name: 'MVP 1.0', capacity: '13', capacityUnit: 'story_points' })
	);
	const detail = await backlogDetail(w.people.admin!, w.consortium.id, backlog.id);
	const estimates = Object.fromEntries(detail.items.map((i, n) => [`estimates.${i.id}`, String([5, 8, 3, 2][n])]));
	const planned = await savePlan(
		w.people.admin!,
		w.consortium.id,
		backlog.id,
		PlanInput.parse({ name: 'MVP 1.0', capacity: '13', capacityUnit: 'story_points', version: String(backlog.version), ...estimates })
	);
	const withEstimates = await backlogDetail(w.people.admin!, w.consortium.id, backlog.id);
	const lined = await setLine(
		w.people.admin!,
		w.consortium.id,
		backlog.id,
		LineInput.parse({ line: String(withEstimates.proposal.above), version: String(planned.version) })
	);
	const locked = await lockScope(w.people.admin!, w.consortium.id, backlog.id, lined.version);
	return { round, backlog: locked, items: withEstimates.items };
}

/** Opens the change request's decision item, has all three representatives say `stance`, closes and records it. */
async function decide(w: World, decisionItemId: string, stance: 'for' | 'against') {
	await openDecisionItem(w.people.admin!, w.consortium.id, decisionItemId);
	for (const rep of ['rep0', 'rep1', 'rep2']) await statePosition(w.people[rep]!, w.consortium.id, decisionItemId, PositionInput.parse({ stance }));
	await closeDecisionItem(w.people.admin!, w.consortium.id, decisionItemId);
	return recordDecision(w.people.admin!, w.consortium.id, decisionItemId, RecordInput.parse({ communicated: 'on' }));
}

describe('the backlog: from a closed round to a locked MVP', () => {
	it('orders items by the combined ranking, proposes the line from the estimates, and locks the scope', async () => {
		const w = await world();
		const { backlog, items } = await lockedBacklog(w);
		expect(items.map((i) => i.label)).toEqual(['se larm', 'signera läkemedel', 'dela omsorgsplan', 'boka besök']);
		expect(items.map((i) => i.moscow)).toEqual(['must', 'must', 'could', 'could']);
		// 5 + 8 = 13 fits the capacity of 13; the third (3) does not.
		const detail = await backlogDetail(w.people.admin!, w.consortium.id, backlog.id);
		expect(detail.proposal.above).toBe(2);
		expect(detail.proposal.items[0]!.reason).toEqual({ kind: 'must', count: 3, of: 3 });
		expect(detail.proposal.items[2]!.reason).toMatchObject({ kind: 'capacity', needs: 3, left: 0 });
		expect(backlog.status).toBe('locked');
		expect(backlog.line).toBe(2);
	});

	it('refuses a direct change to a locked scope (409 with the reason), and refuses planning to everyone but admins', async () => {
		const w = await world();
		const { backlog } = await lockedBacklog(w);
		const error = await setLine(w.people.admin!, w.consortium.id, backlog.id, LineInput.parse({ line: '3', version: String(backlog.version) })).catch(
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(CommandError);
		expect(error).toMatchObject({ key: 'backlog_locked', status: 409 });
		await expect(
			savePlan(
				w.people.admin!,
				w.consortium.id,
				backlog.id,
				PlanInput.parse({ name: 'X', capacity: '1', capacityUnit: 'sek', version: String(backlog.version) })
			)
		).rejects.toMatchObject({ key: 'backlog_locked' });
		const round = await closedRound(w);
		await expect(
			createBacklog(w.people.member!, w.consortium.id, BacklogInput.parse({ roundId: round.id, name: 'B', capacity: '1', capacityUnit: 'sek' }))
		).rejects.toBeInstanceOf(Forbidden);
	});

	it('answers the supplier and an outsider 404 for the plan, and shows the supplier only releases', async () => {
		const w = await world();
		const { backlog } = await lockedBacklog(w);
		for (const who of [w.people.supplier!, w.people.outsider!]) {
			await expect(backlogDetail(who, w.consortium.id, backlog.id)).rejects.toBeInstanceOf(NotFound);
			await expect(
				requestChange(who, w.consortium.id, backlog.id, ChangeRequestInput.parse({ kind: 'remove', backlogItemId: backlog.id, motivation: 'x', impact: 'y' }))
			).rejects.toBeInstanceOf(NotFound);
		}
		const overview = await backlogOverview(w.people.supplier!, w.consortium.id);
		expect(overview).toMatchObject({ internal: false, backlogs: [], rounds: [], releases: [] });
		await expect(backlogOverview(w.people.outsider!, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
		await expect(releaseDetail(w.people.supplier!, w.consortium.id, 1)).rejects.toBeInstanceOf(NotFound);
	});
});

describe('change requests and releases', () => {
	it('publishes release 1; an adopted change request changes the backlog with the decision number; release 2 shows the difference', async () => {
		const w = await world();
		const { backlog, items } = await lockedBacklog(w);
		const first = await publishRelease(w.people.admin!, w.consortium.id, backlog.id, ReleaseInput.parse({ note: 'Första leveransen' }));
		expect(first.number).toBe(1);
		const seen = await releaseDetail(w.people.supplier!, w.consortium.id, 1);
		expect(seen.items.map((i) => i.title)).toEqual(['se larm', 'signera läkemedel']);
		expect(seen.can).toMatchObject({ acknowledge: true, report: true, judge: false });

		// Move "dela omsorgsplan" (place 3, below the line) to place 1: into the MVP.
		const change = await requestChange(
			w.people.member!,
			w.consortium.id,
			backlog.id,
			ChangeRequestInput.parse({ kind: 'move', backlogItemId: items[2]!.id, targetRank: '1', motivation: 'Lagkrav från IVO', impact: '+3 poäng' })
		);
		expect(change).toMatchObject({ number: 1, status: 'proposed' });
		// Nothing changes before the decision.
		expect((await backlogDetail(w.people.admin!, w.consortium.id, backlog.id)).items[0]!.label).toBe('se larm');
		const decision = await decide(w, change.decisionItemId, 'for');
		const after = await backlogDetail(w.people.admin!, w.consortium.id, backlog.id);
		expect(after.items.map((i) => i.label)).toEqual(['dela omsorgsplan', 'se larm', 'signera läkemedel', 'boka besök']);
		expect(after.backlog.line).toBe(3);
		expect(after.items[0]!.changedByDecision).toBe(decision.number);
		expect(after.changes[0]).toMatchObject({ number: 1, status: 'approved', decisionNumber: decision.number, requirementId: null });

		await publishRelease(w.people.admin!, w.consortium.id, backlog.id, ReleaseInput.parse({ note: 'Efter Ä-1', decisionId: decision.id }));
		const second = await releaseDetail(w.people.admin!, w.consortium.id, 2);
		expect(second.release.decisionNumber).toBe(decision.number);
		expect(second.previous).toBe(1);
		expect(second.diff!.added.map((i) => i.title)).toEqual(['dela omsorgsplan']);
		expect(second.diff!.removed).toEqual([]);
		expect(second.diff!.moved).toEqual([]);
	});

	it('leaves the backlog as it was when the change request is turned down or withdrawn', async () => {
		const w = await world();
		const { backlog, items } = await lockedBacklog(w);
		const change = await requestChange(
			w.people.admin!,
			w.consortium.id,
			backlog.id,
			ChangeRequestInput.parse({ kind: 'remove', backlogItemId: items[0]!.id, motivation: 'Dyrt', impact: '-5 poäng' })
		);
		await decide(w, change.decisionItemId, 'against');
		const after = await backlogDetail(w.people.admin!, w.consortium.id, backlog.id);
		expect(after.items.map((i) => i.label)).toEqual(['se larm', 'signera läkemedel', 'dela omsorgsplan', 'boka besök']);
		expect(after.changes[0]).toMatchObject({ status: 'rejected' });
		// A change request whose decision item is withdrawn is withdrawn with it.
		const second = await requestChange(
			w.people.admin!,
			w.consortium.id,
			backlog.id,
			ChangeRequestInput.parse({ kind: 'criteria', backlogItemId: items[0]!.id, criteria: 'Larmet syns inom 5 s', motivation: 'IVO', impact: 'Ingen' })
		);
		await withdrawDecisionItem(w.people.admin!, w.consortium.id, second.decisionItemId);
		const withdrawn = await backlogDetail(w.people.admin!, w.consortium.id, backlog.id);
		expect(withdrawn.changes[0]).toMatchObject({ number: second.number, status: 'withdrawn' });
		expect(withdrawn.items[0]!.acceptanceCriteria).toBe('');
	});

	it('refuses change requests that do not fit the backlog, each with its field', async () => {
		const w = await world();
		const { backlog, items } = await lockedBacklog(w);
		const ask = (over: Record<string, unknown>) =>
			requestChange(w.people.admin!, w.consortium.id, backlog.id, ChangeRequestInput.parse({ motivation: 'm', impact: 'i', ...over }));
		await expect(ask({ kind: 'add', addItem: `story:${w.stories[0]!.id}`, targetRank: '1' })).rejects.toMatchObject({
			key: 'backlog_item_already_in',
			field: 'addItem'
		});
		await expect(ask({ kind: 'add', addItem: `story:${w.stories[4]!.id}`, targetRank: '9' })).rejects.toMatchObject({
			key: 'backlog_rank_too_far',
			field: 'targetRank'
		});
		await expect(ask({ kind: 'move', backlogItemId: items[0]!.id, targetRank: '1' })).rejects.toMatchObject({ key: 'backlog_rank_unchanged' });
		await expect(ask({ kind: 'criteria', backlogItemId: items[0]!.id })).rejects.toMatchObject({ key: 'required', field: 'criteria' });
		await expect(ask({ kind: 'remove' })).rejects.toMatchObject({ key: 'required', field: 'backlogItemId' });
		// An added story, decided, joins the MVP at its place.
		const add = await ask({ kind: 'add', addItem: `story:${w.stories[4]!.id}`, targetRank: '2' });
		await decide(w, add.decisionItemId, 'for');
		const after = await backlogDetail(w.people.admin!, w.consortium.id, backlog.id);
		expect(after.items.map((i) => i.label).slice(0, 3)).toEqual(['se larm', 'läsa journal', 'signera läkemedel']);
		expect(after.backlog.line).toBe(3);
	});
});

describe('the supplier side of a release', () => {
	it('acknowledges once, reports delivery on released items only, and sees the verdict', async () => {
		const w = await world();
		const { backlog, items } = await lockedBacklog(w);
		await publishRelease(w.people.admin!, w.consortium.id, backlog.id, ReleaseInput.parse({}));
		await expect(acknowledgeRelease(w.people.admin!, w.consortium.id, 1)).rejects.toBeInstanceOf(Forbidden);
		await acknowledgeRelease(w.people.supplier!, w.consortium.id, 1);
		await acknowledgeRelease(w.people.supplier!, w.consortium.id, 1);
		const seen = await releaseDetail(w.people.admin!, w.consortium.id, 1);
		expect(seen.release.acknowledgedAt).not.toBeNull();

		// An item below the line was never released: as good as missing to the supplier.
		await expect(reportDelivery(w.people.supplier!, w.consortium.id, items[3]!.id, DeliveryInput.parse({ status: 'delivered' }))).rejects.toBeInstanceOf(
			NotFound
		);
		await expect(judgeDelivery(w.people.admin!, w.consortium.id, items[0]!.id, AcceptanceInput.parse({ verdict: 'accepted' }))).rejects.toMatchObject({
			key: 'delivery_not_delivered',
			status: 409
		});
		await reportDelivery(w.people.supplier!, w.consortium.id, items[0]!.id, DeliveryInput.parse({ status: 'delivered', note: 'I version 2.3' }));
		expect(() => AcceptanceInput.parse({ verdict: 'returned', reason: '' })).toThrow();
		// Judging is the consortium's: for the supplier there is nothing there.
		await expect(judgeDelivery(w.people.supplier!, w.consortium.id, items[0]!.id, AcceptanceInput.parse({ verdict: 'accepted' }))).rejects.toBeInstanceOf(
			NotFound
		);
		await judgeDelivery(w.people.admin!, w.consortium.id, items[0]!.id, AcceptanceInput.parse({ verdict: 'returned', reason: 'Larmet kvitteras inte' }));
		const supplierView = await releaseDetail(w.people.supplier!, w.consortium.id, 1);
		expect(supplierView.items[0]!.delivery.report).toMatchObject({ status: 'delivered', note: 'I version 2.3' });
		expect(supplierView.items[0]!.delivery.verdict).toMatchObject({ verdict: 'returned', reason: 'Larmet kvitteras inte' });
	});

	it('exports a Jira CSV that parses back to an epic and one story per item, and JSON with the same items', async () => {
		const w = await world();
		const { backlog } = await lockedBacklog(w);
		await publishRelease(w.people.admin!, w.consortium.id, backlog.id, ReleaseInput.parse({ note: '=SUM(1)' }));
		const { release, items } = await releaseDetail(w.people.admin!, w.consortium.id, 1);
		const csv = releaseToJiraCsv({ ...release, items }, 'sv');
		const rows = Papa.parse<string[]>(csv.trim(), { delimiter: ',' }).data;
		expect(rows[0]).toEqual(['Issue Id', 'Parent Id', 'Issue Type', 'Summary', 'Description', 'Priority', 'Labels', 'Labels', 'Story Points']);
		expect(rows[1]!.slice(0, 3)).toEqual(['1', '', 'Epic']);
		// A formula never reaches the spreadsheet as one.
		expect(rows[1]![4]).toBe("'=SUM(1)");
		expect(rows.slice(2).map((r) => [r[1], r[2], r[3], r[5], r[8]])).toEqual([
			['1', 'Story', 'S-1 se larm', 'Highest', '5'],
			['1', 'Story', 'S-2 signera läkemedel', 'Highest', '8']
		]);
		const json = releaseToJson({ ...release, items });
		expect(json.items.map((i) => [i.rank, i.title, i.moscow, i.estimate])).toEqual([
			[1, 'se larm', 'must', 5],
			[2, 'signera läkemedel', 'must', 8]
		]);
	});
});

describe('diffReleases', () => {
	const item = (id: string, rank: number, criteria = ''): ReleaseItemContent => ({
		backlogItemId: id,
		rank,
		kind: 'story',
		itemId: id,
		key: `S-${rank}`,
		title: id,
		description: '',
		moscow: 'must',
		estimate: 1,
		acceptanceCriteria: criteria,
		requirements: [],
		changedByDecision: null
	});
	it('counts one item moved up as one move, not a shift of everything it passed', () => {
		const before = [item('a', 1), item('b', 2), item('c', 3), item('d', 4)];
		const after = [item('d', 1), item('a', 2), item('b', 3), item('c', 4)];
		const diff = diffReleases(before, after);
		expect(diff.moved.map((m) => [m.item.backlogItemId, m.from])).toEqual([['d', 4]]);
		expect(diff.added).toEqual([]);
	});
	it('finds additions, removals and changed criteria, and ignores places that shift because of them', () => {
		const before = [item('a', 1), item('b', 2), item('c', 3)];
		const after = [item('a', 1), item('c', 2, 'Ny'), item('e', 3)];
		const diff = diffReleases(before, after);
		expect(diff.added.map((i) => i.backlogItemId)).toEqual(['e']);
		expect(diff.removed.map((i) => i.backlogItemId)).toEqual(['b']);
		expect(diff.moved).toEqual([]);
		expect(diff.changed.map((i) => i.backlogItemId)).toEqual(['c']);
	});
});
