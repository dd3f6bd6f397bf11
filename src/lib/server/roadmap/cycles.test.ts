import { describe, expect, it } from 'vitest';
import { cycleThrough } from './cycles';

const edges = [
	{ initiativeId: 'b', dependsOnId: 'a' },
	{ initiativeId: 'c', dependsOnId: 'b' },
	{ initiativeId: 'd', dependsOnId: 'a' }
];

describe('dependency loops', () => {
	it.each([
		['a new edge that closes a loop through two others', 'a', 'c'],
		['an edge back to the one it waits for', 'a', 'b']
	])('finds %s', (_name, from, to) => {
		const loop = cycleThrough(edges, from, to);
		expect(loop).not.toBeNull();
		expect(loop![0]).toBe(from);
		expect(loop![loop!.length - 1]).toBe(from);
		expect(loop).toContain(to);
	});

	it('names the loop from the initiative round to itself', () => {
		expect(cycleThrough(edges, 'a', 'c')).toEqual(['a', 'c', 'b', 'a']);
	});

	it('refuses waiting for itself', () => {
		expect(cycleThrough([], 'a', 'a')).toEqual(['a']);
	});

	it.each([
		['a second edge into the same one', 'c', 'a'],
		['an edge between branches', 'd', 'c'],
		['an edge to one nobody waits for', 'a', 'e']
	])('allows %s', (_name, from, to) => {
		expect(cycleThrough(edges, from, to)).toBeNull();
	});
});
