import { describe, expect, it } from 'vitest';
import { goalProgress, latestOf } from './progress';

// Baseline 2026-01-01, target 2027-01-01: 365 days; 2026-07-02 is exactly half way (182.5 → 182 days ≈ 0.4986).
const higher = { baselineValue: 40, baselineOn: '2026-01-01', targetValue: 60, targetOn: '2027-01-01' };
const lower = { baselineValue: 30, baselineOn: '2026-01-01', targetValue: 10, targetOn: '2027-01-01' };

describe('goalProgress: whether an effect goal is on track', () => {
	it('is not measured without a measurement', () => {
		expect(goalProgress(higher, null)).toEqual({ standing: 'not_measured', progress: null, elapsed: null });
	});

	it('measures progress from baseline (0) to target (1) where higher is better', () => {
		const half = goalProgress(higher, { value: 50, measuredOn: '2026-07-02' });
		expect(half.progress).toBe(0.5);
		expect(half.elapsed).toBeCloseTo(182 / 365);
		expect(half.standing).toBe('on_track');
		expect(goalProgress(higher, { value: 45, measuredOn: '2026-07-02' }).standing).toBe('behind');
	});

	it('handles goals where lower is better: a fall is progress, a rise goes backwards', () => {
		expect(goalProgress(lower, { value: 20, measuredOn: '2026-07-02' })).toMatchObject({ progress: 0.5, standing: 'on_track' });
		expect(goalProgress(lower, { value: 25, measuredOn: '2026-07-02' })).toMatchObject({ progress: 0.25, standing: 'behind' });
		expect(goalProgress(lower, { value: 35, measuredOn: '2026-03-01' })).toMatchObject({ progress: -0.25, standing: 'behind' });
	});

	it('calls a goal achieved once the target is reached or passed, whenever that is', () => {
		expect(goalProgress(lower, { value: 10, measuredOn: '2026-02-01' }).standing).toBe('achieved');
		expect(goalProgress(higher, { value: 70, measuredOn: '2028-01-01' }).standing).toBe('achieved');
	});

	it('compares with the time passed at the measurement’s date, clamped to the goal’s span', () => {
		// On the baseline date nothing is expected yet: unchanged is on track.
		expect(goalProgress(higher, { value: 40, measuredOn: '2026-01-01' })).toMatchObject({ elapsed: 0, standing: 'on_track' });
		// Before the baseline date the same.
		expect(goalProgress(higher, { value: 40, measuredOn: '2025-06-01' }).elapsed).toBe(0);
		// After the target date everything is expected: short of the target is behind.
		expect(goalProgress(higher, { value: 59, measuredOn: '2027-06-01' })).toMatchObject({ elapsed: 1, standing: 'behind' });
	});
});

describe('latestOf', () => {
	it('takes the measurement of the latest date, and of equal dates the last given', () => {
		expect(latestOf([])).toBeNull();
		const a = { value: 1, measuredOn: '2026-03-01' };
		const b = { value: 2, measuredOn: '2026-05-01' };
		const c = { value: 3, measuredOn: '2026-05-01' };
		expect(latestOf([b, a])).toBe(b);
		expect(latestOf([a, b, c])).toBe(c);
	});
});
