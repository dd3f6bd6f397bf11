import { describe, expect, it } from 'vitest';
import { defaultBandLimits, escalationAfter, riskBand, riskMatrix } from './bands';

describe('risk bands', () => {
	it("puts seed 004's scores in its bands: 1–6 low, 8–12 medium, 15–25 high", () => {
		const band = (score: number) => riskBand(score, defaultBandLimits);
		expect([1, 2, 3, 4, 5, 6].map(band)).toEqual(Array(6).fill('low'));
		expect([8, 9, 10, 12].map(band)).toEqual(Array(4).fill('medium'));
		expect([15, 16, 20, 25].map(band)).toEqual(Array(4).fill('high'));
	});

	it('follows a consortium that draws its bands elsewhere', () => {
		const limits = { mediumFrom: 5, highFrom: 12 };
		expect(riskBand(4, limits)).toBe('low');
		expect(riskBand(5, limits)).toBe('medium');
		expect(riskBand(12, limits)).toBe('high');
	});

	it('escalates when a score enters the high band, and only then', () => {
		expect(escalationAfter(12, 20, defaultBandLimits)).toBe('escalate');
		expect(escalationAfter(null, 25, defaultBandLimits)).toBe('escalate');
		expect(escalationAfter(15, 20, defaultBandLimits)).toBe('keep');
		expect(escalationAfter(20, 12, defaultBandLimits)).toBe('de-escalate');
		expect(escalationAfter(6, 12, defaultBandLimits)).toBe('keep');
		expect(escalationAfter(null, 4, defaultBandLimits)).toBe('keep');
	});

	it('draws the matrix with high probability on top and places each risk in its cell', () => {
		const matrix = riskMatrix(
			[
				{ number: 1, probability: 5, impact: 5 },
				{ number: 3, probability: 5, impact: 3 },
				{ number: 2, probability: 4, impact: 3 }
			],
			defaultBandLimits
		);
		expect(matrix.map((row) => row[0]!.probability)).toEqual([5, 4, 3, 2, 1]);
		expect(matrix[0]!.map((cell) => cell.impact)).toEqual([1, 2, 3, 4, 5]);
		expect(matrix[0]![4]).toMatchObject({ score: 25, band: 'high', numbers: [1] });
		expect(matrix[0]![2]).toMatchObject({ score: 15, band: 'high', numbers: [3] });
		expect(matrix[1]![2]).toMatchObject({ score: 12, band: 'medium', numbers: [2] });
		expect(matrix[4]![0]).toMatchObject({ score: 1, band: 'low', numbers: [] });
	});
});
