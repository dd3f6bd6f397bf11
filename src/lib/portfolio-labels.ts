import { m } from '$lib/paraglide/messages';
import type { PortfolioIntent, TechnologyStatus } from '$lib/enums';

type Labels<K extends string> = Record<K, () => string>;
const pick = (labels: Record<string, () => string>, key: string | null | undefined) => (key && labels[key] ? labels[key]() : (key ?? ''));

const statuses: Labels<TechnologyStatus> = {
	in_use: () => m.portfolio_status_in_use(),
	pilot: () => m.portfolio_status_pilot(),
	in_procurement: () => m.portfolio_status_in_procurement(),
	planned: () => m.portfolio_status_planned(),
	investigating: () => m.portfolio_status_investigating(),
	not_relevant: () => m.portfolio_status_not_relevant(),
	discontinued: () => m.portfolio_status_discontinued()
};
const intents: Labels<PortfolioIntent> = {
	together: () => m.portfolio_intent_together(),
	alone: () => m.portfolio_intent_alone(),
	unknown: () => m.portfolio_intent_unknown()
};

export const technologyStatusLabel = (v: string | null | undefined) => pick(statuses, v);
export const portfolioIntentLabel = (v: string | null | undefined) => pick(intents, v);

/** A cell's status in words: "I bruk sedan 2019", "Planeras 2027", "Utreds". */
export function cellText(
	cell: { status: TechnologyStatus; sinceYear: number | null; plannedYear: number | null; expansionPlanned?: boolean } | null | undefined
): string {
	if (!cell) return m.portfolio_cell_none();
	const status = technologyStatusLabel(cell.status);
	if (cell.expansionPlanned) {
		const base = cell.sinceYear ? m.portfolio_cell_since({ status, year: String(cell.sinceYear) }) : status;
		return cell.plannedYear ? m.portfolio_cell_expansion_for({ base, year: String(cell.plannedYear) }) : m.portfolio_cell_expansion({ base });
	}
	if (cell.sinceYear) return m.portfolio_cell_since({ status, year: String(cell.sinceYear) });
	if (cell.plannedYear) return m.portfolio_cell_for({ status, year: String(cell.plannedYear) });
	return status;
}

/** The colour group a status is shown in (an aid only; the words carry it): running, on its way, or neither. */
export function statusTone(status: TechnologyStatus | null | undefined): 'running' | 'coming' | 'none' {
	if (status === 'in_use' || status === 'pilot') return 'running';
	if (status === 'planned' || status === 'in_procurement' || status === 'investigating') return 'coming';
	return 'none';
}
