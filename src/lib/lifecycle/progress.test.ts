import { describe, expect, it } from 'vitest';
import type { LifecycleActivityStatus } from '../enums';
import { isOverdue, lifecycleStanding, phaseProgress } from './progress';

describe('phase progress', () => {
	it('counts done of the applicable activities per phase, all six phases in order', () => {
		const progress = phaseProgress({
			activities: [
				{ phase: 1, status: 'done' },
				{ phase: 1, status: 'done' },
				{ phase: 1, status: 'in_progress' },
				{ phase: 1, status: 'not_applicable' },
				{ phase: 3, status: 'not_started' }
			]
		});
		expect(progress).toEqual([
			{ phase: 1, done: 2, total: 3 },
			{ phase: 2, done: 0, total: 0 },
			{ phase: 3, done: 0, total: 1 },
			{ phase: 4, done: 0, total: 0 },
			{ phase: 5, done: 0, total: 0 },
			{ phase: 6, done: 0, total: 0 }
		]);
	});

	it('calls an activity overdue once its due date has passed and it is neither done nor not applicable', () => {
		expect(isOverdue({ due: '2026-11-29', status: 'in_progress' }, '2026-11-30')).toBe(true);
		expect(isOverdue({ due: '2026-11-30', status: 'not_started' }, '2026-11-30')).toBe(false);
		expect(isOverdue({ due: '2026-11-01', status: 'done' }, '2026-11-30')).toBe(false);
		expect(isOverdue({ due: '2026-11-01', status: 'not_applicable' }, '2026-11-30')).toBe(false);
		expect(isOverdue({ due: null, status: 'not_started' }, '2026-11-30')).toBe(false);
	});
});

describe('lifecycleStanding', () => {
	const of = (activities: { phase: number; status: LifecycleActivityStatus }[]) => lifecycleStanding(phaseProgress({ activities }));
	it('names the furthest phase with something done, with its figures and the whole lifecycle’s', () => {
		// One activity left behind in phase 1 does not hold the line back.
		const standing = of([
			{ phase: 1, status: 'done' },
			{ phase: 1, status: 'in_progress' },
			{ phase: 1, status: 'not_applicable' },
			{ phase: 2, status: 'done' },
			{ phase: 2, status: 'not_started' },
			{ phase: 3, status: 'not_started' }
		]);
		expect(standing).toEqual({ phase: 2, done: 1, total: 2, allDone: 2, all: 5 });
	});
	it('moves on to the next phase once the furthest is complete, and stays on the last when all is done', () => {
		expect(
			of([
				{ phase: 1, status: 'done' },
				{ phase: 2, status: 'not_started' }
			])
		).toMatchObject({ phase: 2, done: 0, total: 1 });
		expect(of([{ phase: 6, status: 'done' }])).toEqual({ phase: 6, done: 1, total: 1, allDone: 1, all: 1 });
	});
	it('is at the first phase while nothing is done, and has nothing to say for an empty lifecycle', () => {
		expect(
			of([
				{ phase: 1, status: 'in_progress' },
				{ phase: 2, status: 'not_started' }
			])
		).toMatchObject({ phase: 1, done: 0, total: 1 });
		expect(of([])).toBeNull();
	});
});
