import type { PortfolioIntent, TechnologyStatus } from '../../enums';

/**
 * Joint candidates ("Gemensamma kandidater"): technologies that two or more municipalities plan or
 * investigate, with who would join, who already runs it (ask them), who wants to go on together,
 * and how close together the joiners' contracts end. Pure.
 */

export interface OverlapTechnology {
	id: string;
	name: string;
	category: string;
}

export interface OverlapStatus {
	technologyId: string;
	organisation: string;
	status: TechnologyStatus;
	intent: PortfolioIntent;
	/** YYYY-MM-DD, or null. */
	contractEnd: string | null;
	plannedYear: number | null;
	/** In use or in a pilot, and more of it planned: it both runs it and would join. */
	expansionPlanned?: boolean;
}

export interface Candidate {
	technology: OverlapTechnology;
	/** Those who plan it (also more of what they run), then those who investigate it: who would join, in that order. */
	planning: string[];
	investigating: string[];
	/** Those who run it already (in use or in a pilot): whom to ask. */
	using: string[];
	/** Of those who would join, the ones who said they want to do it together. */
	together: string[];
	joiners: number;
	/** The joiners' contract ends, earliest first. */
	contractEnds: { organisation: string; date: string }[];
	/** Days between the earliest and the latest of the joiners' contract ends; null with fewer than two. */
	spreadDays: number | null;
	/** The years the planners named, earliest first, without repeats. */
	plannedYears: number[];
}

const JOINING: readonly TechnologyStatus[] = ['planned', 'investigating'];
const USING: readonly TechnologyStatus[] = ['in_use', 'pilot'];
const byName = (a: string, b: string) => a.localeCompare(b, 'sv');
const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * The candidates, most joiners first; among equals, contract ends closest together first (none
 * known comes last), then more who want to go on together, then by name.
 */
export function jointCandidates(technologies: readonly OverlapTechnology[], statuses: readonly OverlapStatus[], minimum = 2): Candidate[] {
	const rowsOf = new Map<string, OverlapStatus[]>();
	for (const s of statuses) rowsOf.set(s.technologyId, [...(rowsOf.get(s.technologyId) ?? []), s]);
	const candidates: Candidate[] = [];
	for (const technology of technologies) {
		const rows = rowsOf.get(technology.id) ?? [];
		const expanding = (r: OverlapStatus) => USING.includes(r.status) && r.expansionPlanned === true;
		const joining = rows.filter((r) => JOINING.includes(r.status) || expanding(r));
		if (joining.length < minimum) continue;
		const names = (status: TechnologyStatus[] | readonly TechnologyStatus[], from = rows) =>
			from
				.filter((r) => status.includes(r.status))
				.map((r) => r.organisation)
				.sort(byName);
		const contractEnds = joining
			.filter((r): r is OverlapStatus & { contractEnd: string } => r.contractEnd !== null)
			.map((r) => ({ organisation: r.organisation, date: r.contractEnd }))
			.sort((a, b) => a.date.localeCompare(b.date) || byName(a.organisation, b.organisation));
		candidates.push({
			technology,
			planning: rows
				.filter((r) => r.status === 'planned' || expanding(r))
				.map((r) => r.organisation)
				.sort(byName),
			investigating: names(['investigating']),
			using: names(USING),
			together: joining
				.filter((r) => r.intent === 'together')
				.map((r) => r.organisation)
				.sort(byName),
			joiners: joining.length,
			contractEnds,
			spreadDays: contractEnds.length >= 2 ? days(contractEnds[0]!.date, contractEnds[contractEnds.length - 1]!.date) : null,
			plannedYears: [...new Set(joining.map((r) => r.plannedYear).filter((y): y is number => y !== null))].sort((a, b) => a - b)
		});
	}
	return candidates.sort(
		(a, b) =>
			b.joiners - a.joiners ||
			(a.spreadDays ?? Infinity) - (b.spreadDays ?? Infinity) ||
			b.together.length - a.together.length ||
			byName(a.technology.name, b.technology.name)
	);
}
