import { describe, expect, it } from 'vitest';
import { pageWithin, pagesByWeight, spanLabel } from './paging';

describe('pagesByWeight', () => {
	it('fills each page up to the budget, in order', () => {
		expect(pagesByWeight([3, 3, 3, 3, 3], (n) => n, 7)).toEqual([[3, 3], [3, 3], [3]]);
	});
	it('gives an item heavier than the budget a page of its own rather than leaving it out', () => {
		expect(pagesByWeight([2, 50, 2, 2], (n) => n, 10)).toEqual([[2], [50], [2, 2]]);
	});
	it('counts weightless items as one, so a page never grows without bound', () => {
		expect(pagesByWeight([0, 0, 0, 0, 0], (n) => n, 2)).toEqual([[0, 0], [0, 0], [0]]);
	});
	it('has no pages for nothing', () => {
		expect(pagesByWeight([], () => 1, 10)).toEqual([]);
	});
});

describe('pageWithin', () => {
	it('keeps an asked page within the pages there are', () => {
		expect(pageWithin(undefined, 4)).toBe(1);
		expect(pageWithin(3, 4)).toBe(3);
		expect(pageWithin(9, 4)).toBe(4);
		expect(pageWithin(0, 4)).toBe(1);
		expect(pageWithin(2, 0)).toBe(1);
	});
});

describe('spanLabel', () => {
	it('names a page by its first and last entries', () => {
		expect(spanLabel('Larm', 'Trygghet')).toBe('Larm – Trygghet');
		expect(spanLabel('Larm', 'Larm')).toBe('Larm');
	});
});
