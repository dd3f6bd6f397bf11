import { describe, expect, it } from 'vitest';
import { combine, kendallW, quantile, ranksOf, type Submission } from './ranking';

const org = (id: string, over: Partial<Submission> = {}, population: number | null = 10_000): Submission => ({ organisationId: id, population, ...over });

describe('the combined ranking, against hand-computed cases', () => {
	it('Borda: three organisations, four items', () => {
		// O1 a b c d → a3 b2 c1 d0; O2 a c b d → a3 c2 b1 d0; O3 b a c d → b3 a2 c1 d0; sums a8 b6 c4 d0
		const r = combine(
			['a', 'b', 'c', 'd'],
			[org('1', { order: ['a', 'b', 'c', 'd'] }), org('2', { order: ['a', 'c', 'b', 'd'] }), org('3', { order: ['b', 'a', 'c', 'd'] })],
			'borda'
		);
		expect(r.items.map((i) => [i.itemId, i.score, i.place])).toEqual([
			['a', 8, 1],
			['b', 6, 2],
			['c', 4, 3],
			['d', 0, 4]
		]);
		// rank sums a4 b6 c8 d12, mean 7.5, S = 12.25 + 2.25 + 0.25 + 20.25 = 35; W = 12·35 / (3²·(4³ − 4)) = 420 / 540
		expect(r.kendallW).toBeCloseTo(7 / 9, 10);
	});

	it("Kendall's W is 1 when everyone agrees, 0 when two organisations rank exactly opposite, and corrects for ties", () => {
		const items = ['a', 'b', 'c'];
		const same = [ranksOf(org('1', { order: items }), items, 'borda'), ranksOf(org('2', { order: items }), items, 'borda')];
		expect(kendallW(same, items)).toBeCloseTo(1, 10);
		const opposite = [ranksOf(org('1', { order: ['a', 'b', 'c'] }), items, 'borda'), ranksOf(org('2', { order: ['c', 'b', 'a'] }), items, 'borda')];
		expect(kendallW(opposite, items)).toBeCloseTo(0, 10);
		// O1 ranks a and b equal (1.5, 1.5, 3; T = 2³ − 2 = 6), O2 a b c: rank sums 2.5 3.5 6, mean 4, S = 6.5;
		// W = 12·6.5 / (2²·(3³ − 3) − 2·6) = 78 / 84
		const tied = [ranksOf(org('1', { order: [['a', 'b'], 'c'] }), items, 'borda'), ranksOf(org('2', { order: items }), items, 'borda')];
		expect(kendallW(tied, items)).toBeCloseTo(78 / 84, 10);
		expect(kendallW(tied.slice(0, 1), items)).toBeNull();
	});

	it('ties and left-out items share the places they cover', () => {
		expect([...ranksOf(org('1', { order: [['a', 'b'], 'c'] }), ['a', 'b', 'c'], 'borda')]).toEqual([
			['a', 1.5],
			['b', 1.5],
			['c', 3]
		]);
		// only a ranked: b and c share places 2 and 3
		expect(Object.fromEntries(ranksOf(org('1', { order: ['a'] }), ['a', 'b', 'c'], 'borda'))).toEqual({ a: 1, b: 2.5, c: 2.5 });
		const r = combine(['a', 'b', 'c'], [org('1', { order: [['a', 'b'], 'c'] })], 'borda');
		expect(r.items.map((i) => [i.itemId, i.score, i.place])).toEqual([
			['a', 1.5, 1],
			['b', 1.5, 1],
			['c', 0, 3]
		]);
	});

	it('population weighting: Linköping outweighs Ydre and Boxholm, and the disagreement is flagged', () => {
		const r = combine(
			['x', 'y'],
			[org('Linköping', { order: ['x', 'y'] }, 163_051), org('Ydre', { order: ['y', 'x'] }, 3747), org('Boxholm', { order: ['y', 'x'] }, 5476)],
			'borda'
		);
		const x = r.items.find((i) => i.itemId === 'x')!;
		const y = r.items.find((i) => i.itemId === 'y')!;
		// equal weight: x 1, y 2; by population: x 163051/172274, y 9223/172274
		expect([x.score, y.score]).toEqual([1, 2]);
		expect(x.populationScore).toBeCloseTo(163_051 / 172_274, 10);
		expect(y.populationScore).toBeCloseTo(9223 / 172_274, 10);
		expect([x.place, x.populationPlace, y.place, y.populationPlace]).toEqual([2, 1, 1, 2]);
		expect(x.weightingsDisagree && y.weightingsDisagree).toBe(true);
	});

	it('MoSCoW score and mix; the sum of points', () => {
		const moscow = combine(
			['a', 'b', 'c'],
			[
				org('1', { moscow: { a: 'must', b: 'should', c: 'wont' } }),
				org('2', { moscow: { a: 'should', b: 'must', c: 'could' } }),
				org('3', { moscow: { a: 'must', b: 'could', c: 'wont' } })
			],
			'moscow'
		);
		// a 3+2+3, b 2+3+1, c 0+1+0
		expect(moscow.items.map((i) => [i.itemId, i.score])).toEqual([
			['a', 8],
			['b', 6],
			['c', 1]
		]);
		expect(moscow.items[0]!.mix).toEqual({ must: 2, should: 1, could: 0, wont: 0 });
		const points = combine(['a', 'b'], [org('1', { points: { a: 60, b: 40 } }), org('2', { points: { a: 10, b: 90 } })], 'points');
		expect(points.items.map((i) => [i.itemId, i.score])).toEqual([
			['b', 130],
			['a', 70]
		]);
	});

	it('spread of ranks and the items to discuss first', () => {
		// a is ranked 1, 1, 2, 4, 5 by five organisations: quartiles by linear interpolation 1 and 4, median 2
		expect([quantile([1, 1, 2, 4, 5], 0.25), quantile([1, 1, 2, 4, 5], 0.5), quantile([1, 1, 2, 4, 5], 0.75)]).toEqual([1, 2, 4]);
		const orders = [
			['a', 'b', 'c', 'd', 'e'],
			['a', 'b', 'c', 'd', 'e'],
			['b', 'a', 'c', 'd', 'e'],
			['b', 'c', 'd', 'a', 'e'],
			['b', 'c', 'd', 'e', 'a']
		];
		const r = combine(
			['a', 'b', 'c', 'd', 'e'],
			orders.map((order, i) => org(String(i), { order })),
			'borda'
		);
		const a = r.items.find((i) => i.itemId === 'a')!;
		expect(a.ranks).toEqual({ min: 1, max: 5, median: 2, q1: 1, q3: 4, iqr: 3 });
		expect(r.toDiscuss[0]).toBe('a');
	});
});
