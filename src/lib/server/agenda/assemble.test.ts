import { describe, expect, it } from 'vitest';
import { agendaOrder, assembleAgenda, type AgendaSources } from './assemble';

const none: AgendaSources = {
	today: '2026-11-30',
	lastMeetingDate: '2026-10-15',
	risks: [],
	statusReports: [],
	budgetOverruns: [],
	initiatives: [],
	gates: [],
	releaseGates: [],
	decisionItems: [],
	overdueQuestions: []
};
const keys = (s: Partial<AgendaSources>) => assembleAgenda({ ...none, ...s }).map((p) => p.key);
const risk = {
	id: 'r1',
	number: 1,
	title: 'Samordnaruppdraget ändras',
	score: 20,
	high: true,
	closed: false,
	escalatedOn: '2026-11-20',
	agendaDates: [] as string[],
	decisionItemId: null as string | null
};

describe('the steering group agenda, assembled', () => {
	it('proposes nothing when nothing needs the steering group', () => {
		expect(assembleAgenda(none)).toEqual([]);
	});

	it('proposes a risk in the high band until a meeting since it entered the band had it', () => {
		expect(keys({ risks: [risk] })).toEqual(['risk:r1']);
		expect(keys({ risks: [{ ...risk, agendaDates: ['2026-11-25'] }] })).toEqual([]);
		// A meeting before it (re-)entered the band does not count.
		expect(keys({ risks: [{ ...risk, agendaDates: ['2026-10-15'] }] })).toEqual(['risk:r1']);
		expect(keys({ risks: [{ ...risk, high: false, score: 12 }] })).toEqual([]);
		expect(keys({ risks: [{ ...risk, closed: true }] })).toEqual([]);
	});

	it('carries the decision item a risk was raised as, so the steering group decides it under Riskhantering', () => {
		const [p] = assembleAgenda({ ...none, risks: [{ ...risk, decisionItemId: 'd9' }] });
		expect(p).toMatchObject({ key: 'risk:r1', section: 'risks', decisionItemId: 'd9' });
	});

	it('orders risks by score, highest first', () => {
		const lower = { ...risk, id: 'r3', number: 3, score: 15 };
		expect(keys({ risks: [lower, { ...risk, score: 25 }] })).toEqual(['risk:r1', 'risk:r3']);
	});

	it('proposes status reports submitted since the last meeting, all of them before the first', () => {
		const reports = [
			{ id: 'old', title: 'Nattillsyn, september', submittedOn: '2026-10-01', red: false },
			{ id: 'new', title: 'Nattillsyn, oktober', submittedOn: '2026-11-02', red: true }
		];
		expect(keys({ statusReports: reports })).toEqual(['status_report:new']);
		expect(keys({ statusReports: reports, lastMeetingDate: null })).toEqual(['status_report:old', 'status_report:new']);
	});

	it('proposes initiatives late or at risk against their plan, or with a red row, and not those on track', () => {
		const initiative = {
			id: 'i1',
			number: 1,
			title: 'Digital nattillsyn',
			status: 'on_track' as const,
			redRows: [] as string[],
			reportedOn: '2026-11-02' as string | null,
			agendaDates: [] as string[]
		};
		expect(keys({ initiatives: [initiative] })).toEqual([]);
		expect(keys({ initiatives: [{ ...initiative, status: 'delayed' }] })).toEqual(['initiative:i1']);
		expect(keys({ initiatives: [{ ...initiative, status: 'at_risk' }] })).toEqual(['initiative:i1']);
		expect(keys({ initiatives: [{ ...initiative, redRows: ['Budget'] }] })).toEqual(['initiative:i1']);
	});

	it('proposes a late initiative again only when a status report about it came after the meeting that had it', () => {
		const late = {
			id: 'i1',
			number: 1,
			title: 'Digital nattillsyn',
			status: 'delayed' as const,
			redRows: [] as string[],
			reportedOn: '2026-10-02' as string | null,
			agendaDates: ['2026-10-15']
		};
		expect(keys({ initiatives: [late] })).toEqual([]);
		expect(keys({ initiatives: [{ ...late, reportedOn: '2026-11-02' }] })).toEqual(['initiative:i1']);
		// An upcoming meeting that already has it: not twice.
		expect(keys({ initiatives: [{ ...late, reportedOn: '2026-11-02', agendaDates: ['2026-10-15', '2026-12-10'] }] })).toEqual([]);
		// Without any status report, once it has been on an agenda it waits for news.
		expect(keys({ initiatives: [{ ...late, reportedOn: null }] })).toEqual([]);
		expect(keys({ initiatives: [{ ...late, reportedOn: null, agendaDates: [] }] })).toEqual(['initiative:i1']);
	});

	it('proposes a budget line whose outcome exceeds its budget under Ekonomisk rapport, until a meeting since it changed had it', () => {
		const line = {
			id: 'b1',
			scope: 'Digital nattillsyn',
			category: 'Juridiskt stöd',
			year: 2026,
			budget: 100_000,
			outcome: 160_000,
			changedOn: '2026-11-05',
			agendaDates: [] as string[]
		};
		const [p] = assembleAgenda({ ...none, budgetOverruns: [line] });
		expect(p).toMatchObject({ key: 'budget:b1', section: 'finance', decisionItemId: null });
		expect(keys({ budgetOverruns: [{ ...line, outcome: 100_000 }] })).toEqual([]);
		expect(keys({ budgetOverruns: [{ ...line, agendaDates: ['2026-11-20'] }] })).toEqual([]);
		// The outcome changed after the meeting that discussed it: proposed again.
		expect(keys({ budgetOverruns: [{ ...line, agendaDates: ['2026-10-15'] }] })).toEqual(['budget:b1']);
	});

	it('proposes gates and decision items with the item they carry, unless an upcoming meeting already has them', () => {
		const gate = { id: 'g1', decisionItemId: 'd1', initiativeNumber: 1, initiativeTitle: 'Digital nattillsyn', phaseName: 'Pilot', upcomingAgenda: false };
		const item = { id: 'd2', title: 'Finansiering 2027', deadline: null, upcomingAgenda: false };
		const proposals = assembleAgenda({ ...none, gates: [gate], decisionItems: [item] });
		expect(proposals.map((p) => [p.key, p.decisionItemId])).toEqual([
			['gate:g1', 'd1'],
			['decision_item:d2', 'd2']
		]);
		expect(keys({ gates: [{ ...gate, upcomingAgenda: true }], decisionItems: [{ ...item, upcomingAgenda: true }] })).toEqual([]);
	});

	it('proposes a release presented for Godkännande av delleverans under its heading, with its item', () => {
		const presented = { id: 'rg1', decisionItemId: 'd3', number: 2, version: 'MVP 1.1', upcomingAgenda: false };
		const [p] = assembleAgenda({ ...none, releaseGates: [presented] });
		expect(p).toMatchObject({ key: 'gate:rg1', section: 'deliverables', decisionItemId: 'd3', fact: { kind: 'release_gate', number: 2 } });
		expect(keys({ releaseGates: [{ ...presented, upcomingAgenda: true }] })).toEqual([]);
	});

	it('proposes the supplier questions past their due date, until a meeting since then had them', () => {
		const question = { id: 'q1', number: 4, title: 'Larmkedjan', dueOn: '2026-11-20', agendaDates: [] as string[] };
		expect(keys({ overdueQuestions: [question] })).toEqual(['question:q1']);
		expect(keys({ overdueQuestions: [{ ...question, agendaDates: ['2026-11-25'] }] })).toEqual([]);
	});

	it("lays the agenda out under seed 004's standard headings, with the decisions heading only when needed", () => {
		const layout = (accepted: { section: 'risks' | 'decisions' }[]) =>
			agendaOrder(accepted).map((e) => ('heading' in e ? e.heading : `- ${e.proposal.section}`));
		expect(layout([])).toEqual(['status_report', 'finance', 'activities', 'risks', 'deliverables']);
		expect(layout([{ section: 'decisions' }, { section: 'risks' }])).toEqual([
			'status_report',
			'finance',
			'activities',
			'risks',
			'- risks',
			'deliverables',
			'decisions',
			'- decisions'
		]);
	});
});
