import { describe, expect, it } from 'vitest';
import { decisionOutcome, type DecisionTally, type Position, type WeightedCount } from './decision-outcome';
import type { GroundRules, VotingOrganisation } from './decision-rule';

/** Östergötland's thirteen municipalities (domain brief, 002 Table 1): the two large ones first, then the eleven smaller (159 273 together). */
const ostergotland: VotingOrganisation[] = [
	{ id: 'linkoping', population: 163_051 },
	{ id: 'norrkoping', population: 143_171 },
	{ id: 'atvidaberg', population: 11_503 },
	{ id: 'soderkoping', population: 14_626 },
	{ id: 'mjolby', population: 27_758 },
	{ id: 'kinda', population: 9_940 },
	{ id: 'finspang', population: 21_912 },
	{ id: 'valdemarsvik', population: 7_873 },
	{ id: 'motala', population: 43_673 },
	{ id: 'odeshog', population: 5_337 },
	{ id: 'ydre', population: 3_747 },
	{ id: 'boxholm', population: 5_476 },
	{ id: 'vadstena', population: 7_428 }
];

const rules = (over: Partial<GroundRules> = {}): GroundRules => ({
	decisionRule: 'majority',
	qualifiedMajorityPercent: 67,
	quorumPercent: 50,
	weighting: 'per_organisation',
	...over
});
const consensus = rules({ decisionRule: 'consensus' });
const qualified = (percent: number) => rules({ decisionRule: 'qualified_majority', qualifiedMajorityPercent: percent });
const byPopulation = rules({ weighting: 'by_population' });

/** Positions for the municipalities in list order: `take(['for', 6], ['against', 2])` has Linköping…Finspång for, Valdemarsvik and Motala against; `option:a` names option a. */
function take(...groups: [string, number][]): Position[] {
	const stances = groups.flatMap(([stance, n]) => Array<string>(n).fill(stance));
	return stances.map((stance, i): Position => {
		const organisationId = ostergotland[i]!.id;
		if (stance.startsWith('option:')) return { organisationId, stance: 'option', optionId: stance.slice('option:'.length) };
		return { organisationId, stance: stance as Position['stance'] };
	});
}

const open = { final: false };
const closed = { final: true };
const abc = ['a', 'b', 'c'];

type Expected = Omit<Partial<DecisionTally>, 'otherWeighting' | 'counts' | 'weights'> & {
	otherWeighting?: Partial<DecisionTally['otherWeighting']>;
	counts?: Partial<WeightedCount>;
	weights?: Partial<WeightedCount>;
};

interface Case {
	name: string;
	rules: GroundRules;
	organisations?: VotingOrganisation[];
	positions: Position[];
	item: { final: boolean; optionIds?: string[] };
	expected: Expected;
}

const round = (n: number) => Math.round(n * 100) / 100;
/** Percentages rounded to two decimals, so the table can give them as written by hand. */
const rounded = (t: DecisionTally): DecisionTally => ({
	...t,
	turnoutPercent: round(t.turnoutPercent),
	forPercent: round(t.forPercent),
	otherWeighting: { ...t.otherWeighting, forPercent: round(t.otherWeighting.forPercent) }
});

const cases: Case[] = [
	// Consensus: one organisation one vote, every member must state, one against rejects.
	{
		name: 'consensus: one objection rejects even while open',
		rules: consensus,
		positions: take(['for', 5], ['against', 1]), // 6 of 13 stated, 7 still silent
		item: open,
		expected: { result: 'rejected', stated: 6, quorumMet: false, reachable: { adopted: false, rejected: false }, thresholdPercent: 100 }
	},
	{
		name: 'consensus: all for but one abstention is adopted',
		rules: consensus,
		positions: take(['for', 12], ['abstain', 1]), // 12 for, Vadstena abstains; cast 12, for 12 → 100 %
		item: closed,
		expected: { result: 'adopted', quorumMet: true, forPercent: 100, counts: { for: 12, against: 0, abstain: 1, cast: 12 }, weightingsDisagree: false }
	},
	{
		name: 'consensus: one organisation silent at close is no decision',
		rules: consensus,
		positions: take(['for', 12]), // 12 of 13 → turnout 92.31
		item: closed,
		expected: { result: 'no_decision', turnoutPercent: 92.31, quorumMet: false }
	},
	{
		name: 'consensus: open with nobody against is pending, both results still possible',
		rules: consensus,
		positions: take(['for', 12]),
		item: open,
		expected: { result: 'pending', reachable: { adopted: true, rejected: true } }
	},
	{
		name: 'consensus: everyone abstaining is rejected (nobody was for)',
		rules: consensus,
		positions: take(['abstain', 13]),
		item: closed,
		expected: { result: 'rejected', stated: 13, forPercent: 0, counts: { abstain: 13, cast: 0 } }
	},

	// Majority (quorum 50 %: at least 7 of 13 must state, since 6 × 100 < 50 × 13 ≤ 7 × 100).
	{
		name: 'majority: 6 for, 2 against of 13 is adopted',
		rules: rules(),
		positions: take(['for', 6], ['against', 2]), // for 6 of cast 8 = 75 %, 12 > 8; turnout 8 / 13 = 61.54 %
		item: closed,
		expected: { result: 'adopted', forPercent: 75, turnoutPercent: 61.54, quorumMet: true, tie: false, thresholdPercent: 50, optionId: null }
	},
	{
		name: 'majority: an exact tie 4–4 is rejected (no casting vote)',
		rules: rules(),
		positions: take(['for', 4], ['against', 4]), // 4 × 2 = 8 is not more than 8
		item: closed,
		expected: { result: 'rejected', forPercent: 50, tie: true, quorumMet: true }
	},
	{
		name: 'majority: 8 for of 13 is adopted while open (the other 5 against could not outvote it)',
		rules: rules(),
		positions: take(['for', 8]), // worst case 8 for, 5 against: 16 > 13
		item: open,
		expected: { result: 'adopted', reachable: { adopted: false, rejected: false }, forPercent: 100 }
	},
	{
		name: 'majority: 6 for, 2 against while open is pending',
		rules: rules(),
		positions: take(['for', 6], ['against', 2]), // 5 remaining: all for 11 of 13 adopts, all against 6 of 13 rejects
		item: open,
		expected: { result: 'pending', reachable: { adopted: true, rejected: true }, forPercent: 75 }
	},
	{
		name: 'majority: 7 against is rejected while open (6 remaining for would be 6 of 13)',
		rules: rules(),
		positions: take(['against', 7]), // quorum met (7 of 13); best case 6 × 2 = 12 is not more than 13
		item: open,
		expected: { result: 'rejected', quorumMet: true, reachable: { adopted: false, rejected: false } }
	},
	{
		name: 'majority: 3 of 13 stated misses the quorum at close',
		rules: rules(),
		positions: take(['for', 3]), // 300 < 50 × 13 = 650; turnout 23.08 %
		item: closed,
		expected: { result: 'no_decision', quorumMet: false, turnoutPercent: 23.08, forPercent: 100 }
	},
	{
		name: 'majority: 3 of 13 stated is pending while open',
		rules: rules(),
		positions: take(['for', 3]), // all 10 remaining for: adopted; all against: 3 of 13, rejected
		item: open,
		expected: { result: 'pending', quorumMet: false, reachable: { adopted: true, rejected: true } }
	},
	{
		name: 'majority: abstentions count toward the quorum, not among the votes cast',
		rules: rules(),
		positions: take(['for', 5], ['against', 1], ['abstain', 4]), // turnout 10 / 13 = 76.92 %; for 5 of cast 6 = 83.33 %
		item: closed,
		expected: { result: 'adopted', stated: 10, turnoutPercent: 76.92, forPercent: 83.33, counts: { for: 5, against: 1, abstain: 4, cast: 6 } }
	},

	// Qualified majority.
	{
		name: 'qualified majority 67 %: two thirds (8 of 12) is not enough',
		rules: qualified(67),
		positions: take(['for', 8], ['against', 4]), // 800 < 67 × 12 = 804; 66.67 %
		item: closed,
		expected: { result: 'rejected', forPercent: 66.67, thresholdPercent: 67 }
	},
	{
		name: 'qualified majority 67 %: 7 of 10 is enough',
		rules: qualified(67),
		positions: take(['for', 7], ['against', 3]), // 700 ≥ 670
		item: closed,
		expected: { result: 'adopted', forPercent: 70 }
	},
	{
		name: 'qualified majority 90 %: out of reach but short of the quorum stays pending',
		rules: qualified(90),
		positions: take(['against', 2]), // best case 11 of 13: 1100 < 1170; silence would leave 2 of 13, no quorum
		item: open,
		expected: { result: 'pending', quorumMet: false, reachable: { adopted: false, rejected: true } }
	},

	// Population weighting: Linköping 163 051 + Norrköping 143 171 = 306 222 for; the eleven smaller 159 273 against; cast 465 495.
	{
		name: 'by population: Linköping and Norrköping outweigh the eleven smaller municipalities',
		rules: byPopulation,
		positions: take(['for', 2], ['against', 11]), // 306 222 / 465 495 = 65.78 %; per organisation 2 / 13 = 15.38 %
		item: closed,
		expected: {
			result: 'adopted',
			forPercent: 65.78,
			weights: { for: 306_222, against: 159_273, cast: 465_495 },
			counts: { for: 2, against: 11 },
			otherWeighting: { weighting: 'per_organisation', result: 'rejected', forPercent: 15.38 },
			weightingsDisagree: true
		}
	},
	{
		name: 'per organisation: the same positions are rejected, and population weighting would adopt',
		rules: rules(),
		positions: take(['for', 2], ['against', 11]),
		item: closed,
		expected: {
			result: 'rejected',
			forPercent: 15.38,
			otherWeighting: { weighting: 'by_population', result: 'adopted', forPercent: 65.78 },
			weightingsDisagree: true
		}
	},
	{
		name: 'by population: organisations without a population weigh 0, so nothing is for',
		rules: byPopulation,
		organisations: [
			{ id: 'x', population: null },
			{ id: 'y', population: null },
			{ id: 'z', population: 100 }
		],
		positions: [
			{ organisationId: 'x', stance: 'for' },
			{ organisationId: 'y', stance: 'for' }
		], // quorum 2 of 3; cast weight 0 → 0 %; per organisation 2 of 2 for
		item: closed,
		expected: { result: 'rejected', forPercent: 0, quorumMet: true, weights: { for: 0, cast: 0 }, otherWeighting: { result: 'adopted', forPercent: 100 } }
	},

	// Several options (a, b, c): a position names an option or abstains; against is cast for none.
	{
		name: 'options: a clear winner is adopted',
		rules: rules(),
		positions: take(['option:a', 8], ['option:b', 3], ['option:c', 2]), // a 8 of 13 = 61.54 %, 16 > 13
		item: { ...closed, optionIds: abc },
		expected: { result: 'adopted', optionId: 'a', forPercent: 61.54, counts: { cast: 13, options: { a: 8, b: 3, c: 2 } }, tie: false }
	},
	{
		name: 'options: a tie at the top is no decision',
		rules: rules(),
		positions: take(['option:a', 5], ['option:b', 5], ['option:c', 3]), // a 5 = b 5; 5 / 13 = 38.46 %
		item: { ...closed, optionIds: abc },
		expected: { result: 'no_decision', optionId: null, tie: true, forPercent: 38.46 }
	},
	{
		name: 'options: against is a vote cast for none of them',
		rules: rules(),
		positions: take(['option:a', 6], ['option:b', 1], ['against', 6]), // a 6 of cast 13 = 46.15 %, 12 is not more than 13
		item: { ...closed, optionIds: abc },
		expected: { result: 'rejected', optionId: null, forPercent: 46.15, counts: { against: 6, cast: 13, options: { a: 6, b: 1, c: 0 } } }
	},
	{
		name: 'options: already adopted while open',
		rules: rules(),
		positions: take(['option:a', 7], ['option:b', 1]), // worst case: 5 remaining for b gives 6 < 7, and 7 of 13 is still 14 > 13
		item: { ...open, optionIds: abc },
		expected: { result: 'adopted', optionId: 'a', reachable: { adopted: false, rejected: false } }
	},
	{
		name: 'options: out of reach but a tie still possible stays pending',
		rules: rules(),
		positions: take(['option:a', 4], ['option:b', 4], ['against', 3]), // best case a + 2 = 6 of 13: no; a 4 = b 4 already tied
		item: { ...open, optionIds: abc },
		expected: { result: 'pending', tie: true, reachable: { adopted: false, rejected: true } }
	},
	{
		name: 'options: out of reach and no tie possible is rejected while open',
		rules: rules(),
		positions: take(['option:a', 4], ['option:b', 1], ['against', 6]), // best a + 2 = 6 of 13: no; b needs 3 to tie a, only 2 remain
		item: { ...open, optionIds: abc },
		expected: { result: 'rejected', reachable: { adopted: false, rejected: false } }
	},
	{
		name: 'options under consensus: everyone who did not abstain chose a',
		rules: consensus,
		positions: take(['option:a', 12], ['abstain', 1]),
		item: { ...closed, optionIds: abc },
		expected: { result: 'adopted', optionId: 'a', forPercent: 100 }
	},
	{
		name: 'options under consensus: a different option rejects while open',
		rules: consensus,
		positions: take(['option:a', 10], ['option:b', 1]),
		item: { ...open, optionIds: abc },
		expected: { result: 'rejected', optionId: null, reachable: { adopted: false, rejected: false } }
	},

	// Who counts, and which position.
	{
		name: 'positions from organisations outside the list are ignored',
		rules: rules(),
		positions: [
			{ organisationId: 'supplier', stance: 'for' },
			{ organisationId: 'skr', stance: 'for' },
			{ organisationId: 'linkoping', stance: 'for' }
		],
		item: closed,
		expected: { result: 'no_decision', members: 13, stated: 1, counts: { for: 1, cast: 1 } }
	},
	{
		name: 'the last position of an organisation counts',
		rules: rules(),
		positions: [...take(['for', 4], ['against', 3]), { organisationId: 'linkoping', stance: 'against' }], // 3 for, 4 against of 7 stated
		item: closed,
		expected: { result: 'rejected', stated: 7, counts: { for: 3, against: 4, cast: 7 } }
	}
];

describe('decisionOutcome', () => {
	it.each(cases)('$name', ({ rules: ground, organisations, positions, item, expected }) => {
		expect(rounded(decisionOutcome(ground, organisations ?? ostergotland, positions, item))).toMatchObject(expected);
	});
});
