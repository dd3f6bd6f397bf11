import { describe, expect, it } from 'vitest';
import { isVotingKind, tally, type GroundRules, type Vote } from './decision-rule';

const three = [
	{ id: 'a', population: 100 },
	{ id: 'b', population: 100 },
	{ id: 'c', population: 1000 }
];
const rules = (over: Partial<GroundRules> = {}): GroundRules => ({
	decisionRule: 'majority',
	qualifiedMajorityPercent: 67,
	quorumPercent: 50,
	weighting: 'per_organisation',
	...over
});
const votes = (spec: Record<string, 'approve' | 'object'>): Vote[] => Object.entries(spec).map(([organisationId, verdict]) => ({ organisationId, verdict }));

describe('consensus', () => {
	const consensus = rules({ decisionRule: 'consensus' });
	it('is approved only when every member organisation approves', () => {
		expect(tally(consensus, three, votes({ a: 'approve', b: 'approve' })).outcome).toBe('pending');
		expect(tally(consensus, three, votes({ a: 'approve', b: 'approve', c: 'approve' })).outcome).toBe('approved');
	});
	it('is rejected by a single objection', () => {
		const t = tally(consensus, three, votes({ a: 'approve', b: 'approve', c: 'object' }));
		expect(t.outcome).toBe('rejected');
		expect(t.thresholdMet).toBe(false);
	});
	it('is pending with no votes and with no members', () => {
		expect(tally(consensus, three, []).outcome).toBe('pending');
		expect(tally(consensus, [], []).outcome).toBe('pending');
	});
});

describe('majority', () => {
	it('needs more than half of the votes cast and the quorum: two of three approve', () => {
		const one = tally(rules(), three, votes({ a: 'approve' }));
		expect(one).toMatchObject({ outcome: 'pending', quorumMet: false, thresholdMet: true, voted: 1 });
		const two = tally(rules(), three, votes({ a: 'approve', b: 'approve' }));
		expect(two).toMatchObject({ outcome: 'approved', quorumMet: true, approvals: 2, approvePercent: 100 });
	});
	it('is not carried by exactly half', () => {
		const four = [...three, { id: 'd', population: 1 }];
		const t = tally(rules(), four, votes({ a: 'approve', b: 'approve', c: 'object', d: 'object' }));
		expect(t.thresholdMet).toBe(false);
		expect(t.outcome).toBe('rejected');
	});
	it('stays pending while the remaining organisations could still carry it', () => {
		const t = tally(rules({ quorumPercent: 100 }), three, votes({ a: 'approve', b: 'object' }));
		expect(t.outcome).toBe('pending');
		expect(t.quorumMet).toBe(false);
	});
	it('is rejected when objections can no longer be outvoted', () => {
		expect(tally(rules(), three, votes({ a: 'object', b: 'object' })).outcome).toBe('rejected');
	});
	it('weights by population when the rules say so', () => {
		const byPopulation = rules({ weighting: 'by_population' });
		const small = tally(byPopulation, three, votes({ a: 'approve', b: 'approve', c: 'object' }));
		expect(small).toMatchObject({ outcome: 'rejected', approveWeight: 200, objectWeight: 1000, totalWeight: 1200 });
		const big = tally(byPopulation, three, votes({ a: 'object', c: 'approve' }));
		expect(big.outcome).toBe('approved');
	});
	it('counts quorum by organisations, not by weight', () => {
		const byPopulation = rules({ weighting: 'by_population', quorumPercent: 60 });
		const t = tally(byPopulation, three, votes({ c: 'approve' }));
		expect(t.turnoutPercent).toBeCloseTo(33.33, 1);
		expect(t).toMatchObject({ quorumMet: false, outcome: 'pending' });
	});
	it('treats an unknown population as no weight', () => {
		const t = tally(rules({ weighting: 'by_population' }), [{ id: 'x', population: null }, ...three], votes({ x: 'approve' }));
		expect(t.approveWeight).toBe(0);
		expect(t.outcome).not.toBe('approved');
	});
	it('ignores verdicts from organisations that are not members', () => {
		const t = tally(rules(), three, votes({ supplier: 'approve', convenor: 'approve', a: 'approve' }));
		expect(t).toMatchObject({ voted: 1, approvals: 1, outcome: 'pending' });
	});
	it('keeps only one verdict per organisation, the last one given', () => {
		const t = tally(rules(), three, [
			{ organisationId: 'a', verdict: 'object' },
			{ organisationId: 'a', verdict: 'approve' },
			{ organisationId: 'b', verdict: 'approve' }
		]);
		expect(t).toMatchObject({ approvals: 2, objections: 0, outcome: 'approved' });
	});
});

describe('qualified majority', () => {
	const qualified = rules({ decisionRule: 'qualified_majority', qualifiedMajorityPercent: 75, quorumPercent: 0 });
	it('needs at least the threshold share of the votes cast', () => {
		const orgs = ['a', 'b', 'c', 'd'].map((id) => ({ id, population: 1 }));
		expect(tally(qualified, orgs, votes({ a: 'approve', b: 'approve', c: 'approve', d: 'object' })).outcome).toBe('approved');
		const twoThirds = tally(qualified, orgs, votes({ a: 'approve', b: 'approve', c: 'object' }));
		expect(twoThirds.thresholdMet).toBe(false);
		expect(twoThirds.outcome).toBe('pending');
		expect(tally(qualified, orgs, votes({ a: 'approve', b: 'object', c: 'object' })).outcome).toBe('rejected');
	});
	it('counts exactly the threshold as met', () => {
		const orgs = ['a', 'b', 'c'].map((id) => ({ id, population: 1 }));
		const t = tally({ ...qualified, qualifiedMajorityPercent: 67 }, orgs, votes({ a: 'approve', b: 'approve', c: 'object' }));
		expect(t.approvePercent).toBeCloseTo(66.67, 1);
		expect(t.thresholdMet).toBe(false);
		const exact = tally({ ...qualified, qualifiedMajorityPercent: 66 }, orgs, votes({ a: 'approve', b: 'approve', c: 'object' }));
		expect(exact.thresholdMet).toBe(true);
	});
});

describe('who votes', () => {
	it('municipalities and regions do; convenors, suppliers and advisers do not', () => {
		expect(['municipality', 'region', 'convenor', 'supplier', 'adviser'].map(isVotingKind)).toEqual([true, true, false, false, false]);
	});
});
