import type { GateOutcome, InitiativeStatus } from '../../enums';
import { daysBetween } from '../../roadmap/dates';

/** Where a gate's decision stands: not yet open, open for positions, adopted, or not adopted (rejected, no decision, withdrawn). */
export type GateState = 'draft' | 'open' | 'passed' | 'failed';

/** A gate passes when its decision is recorded as adopted, unless the steering group sent the deliverable back. */
export const gateState = (status: string, result: string | null, outcome: GateOutcome | null): GateState =>
	status === 'recorded'
		? result === 'adopted' && outcome !== 'back'
			? 'passed'
			: 'failed'
		: status === 'withdrawn'
			? 'failed'
			: status === 'draft'
				? 'draft'
				: 'open';

export interface StatusFacts {
	today: string;
	currentPhase: number;
	phases: readonly { position: number; name: string; plannedStart: string | null; plannedEnd: string | null; actualEnd: string | null }[];
	milestones: readonly { title: string; due: string; doneOn: string | null }[];
	gates: readonly { phase: number; state: GateState }[];
	/** The initiatives it waits for, with the day their last phase ends (planned, or actual when done). */
	predecessors: readonly { title: string; end: string | null }[];
}

/** Why the status is what it is, in terms the page puts into words. */
export type StatusReason =
	| { key: 'phase_overdue'; phase: string; date: string }
	| { key: 'milestone_overdue'; title: string; date: string }
	| { key: 'gate_failed'; phase: string }
	| { key: 'gate_passed_over'; phase: string }
	| { key: 'gate_not_opened'; phase: string; date: string }
	| { key: 'milestone_soon'; title: string; date: string }
	| { key: 'dependency_late'; title: string; date: string };

/** A phase whose gate is still a draft this close to its planned end is at risk: positions take two weeks. */
const GATE_NOTICE_DAYS = 30;
/** A milestone not done this close to its date is at risk. */
const MILESTONE_NOTICE_DAYS = 14;

const severity = { on_track: 0, at_risk: 1, delayed: 2 } as const;

/**
 * An initiative's status from its dates and gates. Delayed: the current phase has passed its planned
 * end, a milestone its date, or a gate was not adopted. At risk: the plan moved past a gate whose
 * decision is not taken, a gate is still unopened a month before its phase ends, a milestone is two
 * weeks away and not done, or an initiative it waits for ends after it is to start. Else on track.
 */
export function deriveStatus(facts: StatusFacts): { status: InitiativeStatus; reasons: StatusReason[] } {
	const reasons: [InitiativeStatus, StatusReason][] = [];
	const phaseName = (position: number) => facts.phases.find((p) => p.position === position)?.name ?? String(position);
	const current = facts.phases.find((p) => p.position === facts.currentPhase);
	if (current?.plannedEnd && !current.actualEnd && daysBetween(current.plannedEnd, facts.today) > 0)
		reasons.push(['delayed', { key: 'phase_overdue', phase: current.name, date: current.plannedEnd }]);
	for (const milestone of facts.milestones) {
		if (milestone.doneOn) continue;
		const left = daysBetween(facts.today, milestone.due);
		if (left < 0) reasons.push(['delayed', { key: 'milestone_overdue', title: milestone.title, date: milestone.due }]);
		else if (left <= MILESTONE_NOTICE_DAYS) reasons.push(['at_risk', { key: 'milestone_soon', title: milestone.title, date: milestone.due }]);
	}
	for (const gate of facts.gates) {
		if (gate.state === 'failed') reasons.push(['delayed', { key: 'gate_failed', phase: phaseName(gate.phase) }]);
		else if (gate.state !== 'passed' && gate.phase < facts.currentPhase) reasons.push(['at_risk', { key: 'gate_passed_over', phase: phaseName(gate.phase) }]);
		else if (
			gate.state === 'draft' &&
			gate.phase === facts.currentPhase &&
			current?.plannedEnd &&
			daysBetween(facts.today, current.plannedEnd) <= GATE_NOTICE_DAYS
		)
			reasons.push(['at_risk', { key: 'gate_not_opened', phase: current.name, date: current.plannedEnd }]);
	}
	const start = facts.phases.find((p) => p.plannedStart)?.plannedStart;
	if (start)
		for (const before of facts.predecessors)
			if (before.end && daysBetween(before.end, start) <= 0) reasons.push(['at_risk', { key: 'dependency_late', title: before.title, date: before.end }]);
	const status = reasons.reduce<InitiativeStatus>((worst, [s]) => (severity[s] > severity[worst] ? s : worst), 'on_track');
	return { status, reasons: reasons.filter(([s]) => s === status).map(([, r]) => r) };
}
