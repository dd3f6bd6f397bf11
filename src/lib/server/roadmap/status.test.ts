import { describe, expect, it } from 'vitest';
import { deriveStatus, type StatusFacts } from './status';

const phases = [
	{ position: 1, name: 'Projektdirektiv', plannedStart: '2027-01-01', plannedEnd: '2027-02-28', actualEnd: '2027-03-05' },
	{ position: 2, name: 'Kartläggning', plannedStart: '2027-03-01', plannedEnd: '2027-05-31', actualEnd: null },
	{ position: 3, name: 'Upphandling', plannedStart: '2027-06-01', plannedEnd: '2027-10-31', actualEnd: null }
];
const base: StatusFacts = { today: '2027-04-01', currentPhase: 2, phases, milestones: [], gates: [], predecessors: [] };

describe('an initiative’s derived status', () => {
	const cases: [string, Partial<StatusFacts>, string, string[]][] = [
		['on track inside its current phase', {}, 'on_track', []],
		['delayed when the current phase is past its planned end', { today: '2027-06-02' }, 'delayed', ['phase_overdue']],
		['on track on the last planned day', { today: '2027-05-31', gates: [{ phase: 2, state: 'open' }] }, 'on_track', []],
		[
			'delayed when a milestone is past its date and not done',
			{ milestones: [{ title: 'Marknadsdialog', due: '2027-03-31', doneOn: null }] },
			'delayed',
			['milestone_overdue']
		],
		['on track when the milestone was done', { milestones: [{ title: 'Marknadsdialog', due: '2027-03-31', doneOn: '2027-03-30' }] }, 'on_track', []],
		[
			'at risk when a milestone is two weeks away',
			{ milestones: [{ title: 'Marknadsdialog', due: '2027-04-10', doneOn: null }] },
			'at_risk',
			['milestone_soon']
		],
		['delayed when a gate was not adopted', { gates: [{ phase: 1, state: 'failed' }] }, 'delayed', ['gate_failed']],
		['at risk when the plan moved past an undecided gate', { gates: [{ phase: 1, state: 'open' }] }, 'at_risk', ['gate_passed_over']],
		['on track past a passed gate', { gates: [{ phase: 1, state: 'passed' }] }, 'on_track', []],
		[
			'at risk when the current phase’s gate is unopened a month before its end',
			{ today: '2027-05-10', gates: [{ phase: 2, state: 'draft' }] },
			'at_risk',
			['gate_not_opened']
		],
		['on track when that gate is open for positions', { today: '2027-05-10', gates: [{ phase: 2, state: 'open' }] }, 'on_track', []],
		[
			'at risk when what it waits for ends after it starts',
			{ predecessors: [{ title: 'Nattlig tillsyn', end: '2027-06-30' }] },
			'at_risk',
			['dependency_late']
		],
		['on track when what it waits for ends before', { predecessors: [{ title: 'Nattlig tillsyn', end: '2026-12-31' }] }, 'on_track', []],
		[
			'the worst wins and only its reasons are given',
			{ today: '2027-06-02', milestones: [{ title: 'Avrop', due: '2027-06-10', doneOn: null }] },
			'delayed',
			['phase_overdue']
		]
	];
	it.each(cases)('%s', (_name, facts, status, reasons) => {
		const result = deriveStatus({ ...base, ...facts });
		expect(result.status).toBe(status);
		expect(result.reasons.map((r) => r.key)).toEqual(reasons);
	});

	it('names the phase and its date', () => {
		expect(deriveStatus({ ...base, today: '2027-06-02' }).reasons).toEqual([{ key: 'phase_overdue', phase: 'Kartläggning', date: '2027-05-31' }]);
	});
});
