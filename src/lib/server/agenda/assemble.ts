/**
 * "Förbered styrgruppsmöte": the steering group's agenda assembled from what needs it. The sources
 * are read elsewhere (sources.ts); this module only decides, from their prepared states, what is
 * proposed and where it goes under seed 004's standard agenda (Statusrapport, Ekonomisk rapport,
 * Aktiviteter, Riskhantering, Godkännande av delleverans), with the decision items due at the
 * steering group's level last.
 */

export const agendaSections = ['status_report', 'finance', 'activities', 'risks', 'deliverables', 'decisions'] as const;
export type AgendaSection = (typeof agendaSections)[number];

/** What an agenda item was proposed from; stored on the item so the next proposal knows it was handled. */
export type AgendaSourceKind = 'status_report' | 'budget' | 'initiative' | 'question' | 'risk' | 'gate' | 'decision_item';

export interface AgendaSources {
	/** The day the agenda is prepared (Stockholm), and the last steering-group meeting before it. */
	today: string;
	lastMeetingDate: string | null;
	/** Open risks in the high band with when they entered it, and the dates of the meetings that had them on the agenda. */
	risks: {
		id: string;
		number: number;
		title: string;
		score: number;
		high: boolean;
		closed: boolean;
		escalatedOn: string | null;
		agendaDates: string[];
		/** The undecided decision item the risk was raised as, which its agenda item then carries. */
		decisionItemId: string | null;
	}[];
	/** Status reports submitted, with when, and whether a row is red. */
	statusReports: { id: string; title: string; submittedOn: string; red: boolean }[];
	/**
	 * Budget lines whose outcome exceeds their budget, with the day the line last changed and the
	 * dates of the steering-group meetings that had it on the agenda.
	 */
	budgetOverruns: {
		id: string;
		scope: string;
		category: string;
		year: number;
		budget: number;
		outcome: number;
		changedOn: string;
		agendaDates: string[];
	}[];
	/**
	 * Initiatives as the roadmap derives them, with whether their latest submitted report has a red
	 * row, the day of that report, and the dates of the steering-group meetings that had it on the agenda.
	 */
	initiatives: {
		id: string;
		number: number;
		title: string;
		status: 'on_track' | 'at_risk' | 'delayed';
		redRows: string[];
		reportedOn: string | null;
		agendaDates: string[];
	}[];
	/** Gates of the initiatives' current phases whose decision is not recorded yet. */
	gates: { id: string; decisionItemId: string; initiativeNumber: number; initiativeTitle: string; phaseName: string; upcomingAgenda: boolean }[];
	/** Releases presented for Godkännande av delleverans whose decision is not recorded yet. */
	releaseGates: { id: string; decisionItemId: string; number: number; version: string; upcomingAgenda: boolean }[];
	/** Decision items of the steering group's level not yet decided (gates' and risks' items excluded). */
	decisionItems: { id: string; title: string; deadline: string | null; upcomingAgenda: boolean }[];
	/** The supplier's questions past their due date and unanswered, with the steering-group meetings that had each. */
	overdueQuestions: { id: string; number: number; title: string; dueOn: string; agendaDates: string[] }[];
}

export interface AgendaProposal {
	/** `<kind>:<id>`: what the convenor accepts or removes. */
	key: string;
	section: AgendaSection;
	kind: AgendaSourceKind;
	sourceId: string;
	/** The decision item the agenda item carries (a gate's or a decision item's). */
	decisionItemId: string | null;
	/** The facts the title is written from, in the content language, by the caller. */
	fact: AgendaFact;
}

export type AgendaFact =
	| { kind: 'status_report'; title: string; red: boolean }
	| { kind: 'budget'; scope: string; category: string; year: number; budget: number; outcome: number }
	| { kind: 'initiative'; number: number; title: string; status: 'at_risk' | 'delayed' | 'on_track'; redRows: string[] }
	| { kind: 'question'; number: number; title: string; dueOn: string }
	| { kind: 'risk'; number: number; title: string; score: number }
	| { kind: 'gate'; initiativeNumber: number; initiativeTitle: string; phaseName: string }
	| { kind: 'release_gate'; number: number; version: string }
	| { kind: 'decision_item'; title: string; deadline: string | null };

const proposal = (
	section: AgendaSection,
	kind: AgendaSourceKind,
	sourceId: string,
	fact: AgendaFact,
	decisionItemId: string | null = null
): AgendaProposal => ({
	key: `${kind}:${sourceId}`,
	section,
	kind,
	sourceId,
	decisionItemId,
	fact
});

/**
 * What the steering group is proposed, in the standard agenda's order:
 * - status reports submitted since the last steering-group meeting (all of them, when there was none);
 * - budget lines whose outcome exceeds the budget, unless a meeting since the line last changed had it;
 * - initiatives delayed or at risk against their plan, or whose latest report has a red row, unless a
 *   meeting since their latest status report had them (news brings an initiative back, not each meeting);
 * - the supplier's overdue questions, unless a meeting since they fell due had them;
 * - risks in the high band, not closed, that no meeting since they entered the band had on its agenda;
 * - gates (of initiatives' phases and of releases) awaiting their decision, and decision items due at the steering group's level, unless a
 *   meeting from today on already has them on its agenda.
 */
export function assembleAgenda(s: AgendaSources): AgendaProposal[] {
	const out: AgendaProposal[] = [];
	for (const r of s.statusReports)
		if (s.lastMeetingDate === null || r.submittedOn > s.lastMeetingDate)
			out.push(proposal('status_report', 'status_report', r.id, { kind: 'status_report', title: r.title, red: r.red }));
	const heardSince = (dates: readonly string[], since: string | null) => dates.some((d) => d >= (since ?? ''));
	for (const b of s.budgetOverruns)
		if (b.outcome > b.budget && !heardSince(b.agendaDates, b.changedOn))
			out.push(
				proposal('finance', 'budget', b.id, { kind: 'budget', scope: b.scope, category: b.category, year: b.year, budget: b.budget, outcome: b.outcome })
			);
	for (const i of s.initiatives)
		if ((i.status !== 'on_track' || i.redRows.length > 0) && !heardSince(i.agendaDates, i.reportedOn))
			out.push(proposal('activities', 'initiative', i.id, { kind: 'initiative', number: i.number, title: i.title, status: i.status, redRows: i.redRows }));
	for (const q of s.overdueQuestions)
		if (!heardSince(q.agendaDates, q.dueOn))
			out.push(proposal('activities', 'question', q.id, { kind: 'question', number: q.number, title: q.title, dueOn: q.dueOn }));
	for (const r of [...s.risks].sort((a, b) => b.score - a.score || a.number - b.number)) {
		if (!r.high || r.closed || r.escalatedOn === null) continue;
		if (r.agendaDates.some((d) => d >= r.escalatedOn!)) continue;
		out.push(proposal('risks', 'risk', r.id, { kind: 'risk', number: r.number, title: r.title, score: r.score }, r.decisionItemId));
	}
	for (const g of s.gates)
		if (!g.upcomingAgenda)
			out.push(
				proposal(
					'deliverables',
					'gate',
					g.id,
					{ kind: 'gate', initiativeNumber: g.initiativeNumber, initiativeTitle: g.initiativeTitle, phaseName: g.phaseName },
					g.decisionItemId
				)
			);
	for (const g of s.releaseGates)
		if (!g.upcomingAgenda) out.push(proposal('deliverables', 'gate', g.id, { kind: 'release_gate', number: g.number, version: g.version }, g.decisionItemId));
	for (const d of s.decisionItems)
		if (!d.upcomingAgenda) out.push(proposal('decisions', 'decision_item', d.id, { kind: 'decision_item', title: d.title, deadline: d.deadline }, d.id));
	return out;
}

/**
 * The agenda in order: each standard heading followed by the accepted proposals of its section;
 * the decisions section appears only when it has something.
 */
export function agendaOrder<T extends { section: AgendaSection }>(accepted: readonly T[]): ({ heading: AgendaSection } | { proposal: T })[] {
	const out: ({ heading: AgendaSection } | { proposal: T })[] = [];
	for (const section of agendaSections) {
		const own = accepted.filter((p) => p.section === section);
		if (section === 'decisions' && own.length === 0) continue;
		out.push({ heading: section });
		for (const p of own) out.push({ proposal: p });
	}
	return out;
}
