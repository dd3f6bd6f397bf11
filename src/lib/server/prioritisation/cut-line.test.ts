import { describe, expect, it } from 'vitest';
import { proposeCutLine } from './cut-line';

const mix = (must: number, should = 0, could = 0, wont = 0) => ({ must, should, could, wont });
/** Five stories in the combined ranking's order, as a closed round of 13 organisations left them. */
const standings = [
	{ itemId: 'larm', place: 1, mix: mix(9, 3, 1) },
	{ itemId: 'inloggning', place: 2, mix: mix(7, 5, 1) },
	{ itemId: 'rapport', place: 3, mix: mix(0, 8, 5) },
	{ itemId: 'export', place: 4, mix: mix(2, 4, 7) },
	{ itemId: 'tema', place: 5, mix: mix(0, 1, 4, 8) }
];
const estimates = (values: Record<string, number | null>) => new Map(Object.entries(values));

describe('the proposed MVP cut line', () => {
	it('takes items in ranking order while their estimates fit, each with its reason (hand-computed)', () => {
		// 8 + 5 + 3 = 16 fits in 20; export (5) would make 21: the line falls after rapport
		const line = proposeCutLine(standings, estimates({ larm: 8, inloggning: 5, rapport: 3, export: 5, tema: 1 }), 20, 13);
		expect(line).toMatchObject({ above: 3, used: 16, left: 4 });
		expect(line.items.map((i) => [i.itemId, i.above, i.cumulative, i.reason])).toEqual([
			['larm', true, 8, { kind: 'must', count: 9, of: 13 }],
			['inloggning', true, 13, { kind: 'must', count: 7, of: 13 }],
			['rapport', true, 16, { kind: 'fits', place: 3 }],
			['export', false, 21, { kind: 'capacity', needs: 5, left: 4 }],
			// tema (1) would fit in what is left, but does not jump past export, which the members put first
			['tema', false, 22, { kind: 'after_capacity' }]
		]);
	});

	it('puts an item exactly filling the capacity above the line, and nothing above with no capacity', () => {
		expect(proposeCutLine(standings, estimates({ larm: 8, inloggning: 5, rapport: 7, export: 1, tema: 1 }), 20, 13)).toMatchObject({
			above: 3,
			used: 20,
			left: 0
		});
		const none = proposeCutLine(standings, estimates({ larm: 8, inloggning: 5, rapport: 7, export: 1, tema: 1 }), 0, 13);
		expect(none.above).toBe(0);
		expect(none.items[0]!.reason).toEqual({ kind: 'capacity', needs: 8, left: 0 });
		// an item estimated at nothing still fits in nothing
		expect(proposeCutLine([standings[0]!], estimates({ larm: 0 }), 0, 13).above).toBe(1);
	});

	it('stops the line at an item without an estimate: what it would take is unknown', () => {
		const line = proposeCutLine(standings, estimates({ larm: 8, inloggning: null, rapport: 3 }), 100, 13);
		expect(line).toMatchObject({ above: 1, used: 8, left: 92 });
		expect(line.items.map((i) => [i.itemId, i.reason.kind, i.cumulative])).toEqual([
			['larm', 'must', 8],
			['inloggning', 'no_estimate', null],
			['rapport', 'after_no_estimate', null],
			['export', 'after_no_estimate', null],
			['tema', 'after_no_estimate', null]
		]);
	});

	it('refuses a negative capacity or estimate', () => {
		expect(() => proposeCutLine(standings, estimates({}), -1, 13)).toThrow(RangeError);
		expect(() => proposeCutLine(standings, estimates({ larm: -2 }), 10, 13)).toThrow(RangeError);
	});
});
