import { describe, expect, it } from 'vitest';
import { barPlan, drawnPhase } from './timeline';

const phases = [
	{ plannedStart: '2026-01-01', plannedEnd: '2026-03-31' },
	{ plannedStart: '2026-04-01', plannedEnd: '2026-09-30' },
	{ plannedStart: null, plannedEnd: null },
	{ plannedStart: '2026-10-01', plannedEnd: '2027-06-30' }
];

describe("an initiative's bar on the roadmap's timeline", () => {
	it('spans its dated phases while it runs, and nothing while none is dated', () => {
		expect(barPlan({ phases })).toEqual({ start: '2026-01-01', end: '2027-06-30' });
		expect(barPlan({ phases, ended: null })).toEqual({ start: '2026-01-01', end: '2027-06-30' });
		expect(barPlan({ phases: [{ plannedStart: null, plannedEnd: null }] })).toBeNull();
	});

	it('ends on the day a gate stopped or closed it, and draws no phase after that day', () => {
		const stopped = barPlan({ phases, ended: { on: '2026-05-15' } })!;
		expect(stopped).toEqual({ start: '2026-01-01', end: '2026-05-15' });
		expect(phases.map((p) => drawnPhase(p, stopped.end))).toEqual([
			{ start: '2026-01-01', end: '2026-03-31' },
			{ start: '2026-04-01', end: '2026-05-15' },
			null,
			null
		]);
		// Stopped before its plan began: a bar of that one day. Closed after its plan ended: the plan.
		expect(barPlan({ phases, ended: { on: '2025-12-01' } })).toEqual({ start: '2025-12-01', end: '2025-12-01' });
		expect(barPlan({ phases, ended: { on: '2027-12-01' } })).toEqual({ start: '2026-01-01', end: '2027-06-30' });
	});
});
