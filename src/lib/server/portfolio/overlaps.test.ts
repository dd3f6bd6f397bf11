import { describe, expect, it } from 'vitest';
import type { TechnologyStatus } from '../../enums';
import { portfolioCatalogue, table4 } from '../demo/portfolio-data';
import { matchTechnology } from './matching';
import { jointCandidates, type OverlapStatus } from './overlaps';

const technologies = portfolioCatalogue.map((t) => ({ id: t.name, name: t.name, category: t.category, aliases: t.aliases }));

/** Table 4 as statuses, each written name matched to the catalogue. */
function table4Statuses(): OverlapStatus[] {
	const rows: OverlapStatus[] = [];
	for (const m of table4)
		for (const [names, status] of [
			[m.inUse, 'in_use'],
			[m.planned, 'planned']
		] as [string[], TechnologyStatus][])
			for (const name of names) {
				const match = matchTechnology(name, technologies);
				if (match.kind !== 'match') throw new Error(`unmatched: ${name}`);
				rows.push({
					technologyId: match.technology.id,
					organisation: m.municipality,
					status,
					intent: 'unknown',
					contractEnd: null,
					plannedYear: null,
					expansionPlanned: status === 'in_use' && (m.expansions ?? []).includes(name)
				});
			}
	return rows;
}

describe('joint candidates from Table 4 (seed 002)', () => {
	it('matches every name the municipalities wrote to one technology of the catalogue, one row per municipality and technology', () => {
		const rows = table4Statuses();
		expect(rows).toHaveLength(table4.reduce((n, m) => n + m.inUse.length + m.planned.length, 0));
		const keys = rows.map((r) => `${r.organisation}/${r.technologyId}`);
		expect(new Set(keys).size).toBe(keys.length);
		expect(table4.map((m) => m.municipality)).not.toContain('Boxholm');
	});

	it.each([
		// technology, planning, using
		// Mjölby runs dispensers and plans more: it is among those who would join and those to ask.
		['Läkemedelsautomat', ['Mjölby', 'Motala', 'Norrköping', 'Söderköping'], ['Kinda', 'Mjölby', 'Vadstena', 'Åtvidaberg']],
		['Digital signering', ['Norrköping', 'Åtvidaberg'], ['Finspång', 'Mjölby', 'Motala', 'Vadstena']],
		[
			'Digital tillsyn',
			['Finspång', 'Linköping', 'Vadstena', 'Åtvidaberg'],
			['Kinda', 'Linköping', 'Mjölby', 'Norrköping', 'Söderköping', 'Valdemarsvik', 'Åtvidaberg', 'Ödeshög']
		],
		['Inköp online', ['Kinda', 'Vadstena'], ['Finspång', 'Mjölby', 'Norrköping', 'Söderköping', 'Åtvidaberg']],
		['Taligenkänning', ['Motala', 'Valdemarsvik'], []]
	])('%s: planned by %j, used by %j', (name, planning, using) => {
		const candidate = jointCandidates(technologies, table4Statuses()).find((c) => c.technology.name === name);
		expect(candidate).toMatchObject({ planning, using, joiners: planning.length, investigating: [] });
	});

	it('lists exactly the five technologies two or more plan, most joiners first (four each for digital tillsyn and the dispenser, then by name without contract ends)', () => {
		const names = jointCandidates(technologies, table4Statuses()).map((c) => c.technology.name);
		expect(names).toEqual(['Digital tillsyn', 'Läkemedelsautomat', 'Digital signering', 'Inköp online', 'Taligenkänning']);
	});

	it('orders equals by contract ends close together, then by how many want it together', () => {
		const t = [
			{ id: 'a', name: 'A', category: 'x' },
			{ id: 'b', name: 'B', category: 'x' },
			{ id: 'c', name: 'C', category: 'x' },
			{ id: 'd', name: 'D', category: 'x' }
		];
		const row = (technologyId: string, organisation: string, contractEnd: string | null, intent: 'together' | 'unknown' = 'unknown'): OverlapStatus => ({
			technologyId,
			organisation,
			status: 'planned',
			intent,
			contractEnd,
			plannedYear: null
		});
		const rows = [
			row('a', 'X', '2027-01-01'),
			row('a', 'Y', '2028-06-30'),
			row('b', 'X', '2027-03-01'),
			row('b', 'Y', '2027-04-01'),
			row('c', 'X', null, 'together'),
			row('c', 'Y', null, 'together'),
			row('d', 'X', null),
			row('d', 'Y', null),
			{ ...row('d', 'Z', null), status: 'investigating' as const }
		];
		const result = jointCandidates(t, rows);
		expect(result.map((c) => c.technology.id)).toEqual(['d', 'b', 'a', 'c']);
		expect(result[1]!.spreadDays).toBe(31);
		expect(result[0]!.investigating).toEqual(['Z']);
		expect(result[3]!.together).toEqual(['X', 'Y']);
	});

	it('needs two who plan or investigate: one planner, or users only, is no candidate', () => {
		const t = [{ id: 'a', name: 'A', category: 'x' }];
		const one: OverlapStatus[] = [
			{ technologyId: 'a', organisation: 'X', status: 'planned', intent: 'together', contractEnd: null, plannedYear: 2027 },
			{ technologyId: 'a', organisation: 'Y', status: 'in_use', intent: 'unknown', contractEnd: null, plannedYear: null },
			{ technologyId: 'a', organisation: 'Z', status: 'not_relevant', intent: 'unknown', contractEnd: null, plannedYear: null }
		];
		expect(jointCandidates(t, one)).toEqual([]);
	});
});
