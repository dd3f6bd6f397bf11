import { m } from '../../paraglide/messages';
import { portfolioIntents, technologyStatuses, type PortfolioIntent, type TechnologyStatus } from '../../enums';
import type { Locale } from '../exports/spec';
import { ImportRefused, type RawTable } from '../imports/parse';
import { isoDate } from '../imports/rows';
import { matchTechnology, nameKey, type Matchable, type MatchLevel } from './matching';
import { StatusInput, YEAR_MAX, YEAR_MIN } from './schemas';

/*
 * Validating a file of portfolio statuses, one row per municipality × technology, before anything is
 * written. Pure: the command gives it the consortium's organisations, its catalogue and whom the
 * person may write for, and keeps the report as a pending import until it is confirmed.
 */

export const portfolioImportColumns = [
	'municipality',
	'technology',
	'status',
	'year',
	'sinceYear',
	'plannedYear',
	'supplier',
	'contractEnd',
	'intent',
	'note'
] as const;
export type PortfolioImportColumn = (typeof portfolioImportColumns)[number];

const requiredColumns = ['municipality', 'technology', 'status'] as const satisfies readonly PortfolioImportColumn[];

export type PortfolioImportErrorCode =
	| 'required'
	| 'too_long'
	| 'unknown_municipality'
	| 'unknown_technology'
	| 'ambiguous_technology'
	| 'invalid_status'
	| 'invalid_intent'
	| 'invalid_year'
	| 'invalid_date'
	| 'not_own_municipality'
	| 'duplicate'
	| 'column_count'
	| 'quotes';

export interface PortfolioImportError {
	column: PortfolioImportColumn | 'row';
	code: PortfolioImportErrorCode;
	/** Figures and names the message needs: the other technologies, the earlier row. */
	params?: Record<string, string>;
}

export interface PortfolioImportRow {
	line: number;
	/** The row's cells by recognised column, as read; a column the file lacks has no key. */
	cells: Partial<Record<PortfolioImportColumn, string>>;
	municipality: { id: string; name: string } | null;
	/** The catalogue entry the name matched, and the name or alias it matched through. */
	technology: { id: string; name: string; term: string; level: MatchLevel } | null;
	errors: PortfolioImportError[];
	/** What a confirmation writes, present only when the row has no errors. */
	input?: StatusInput;
}

export interface PortfolioImportReport {
	rows: PortfolioImportRow[];
	ignoredColumns: string[];
	validCount: number;
	invalidCount: number;
}

export interface ImportOrganisation {
	id: string;
	name: string;
	kind: string;
}

const normalise = (s: string) =>
	s
		.normalize('NFC')
		.trim()
		.toLowerCase()
		.replace(/[’‘`´]/g, "'")
		.replace(/\s+/g, ' ')
		.replace(/\s*\*$/, '')
		.replace(/\.$/, '');

/** The headings a file may use for each column, in both languages (the form's labels included). */
export function portfolioImportHeadings(locale: Locale): Record<PortfolioImportColumn, string[]> {
	const o = { locale };
	return {
		municipality: [m.portfolio_import_col_municipality({}, o)],
		technology: [m.portfolio_col_technology({}, o)],
		status: [m.portfolio_field_status({}, o)],
		year: [m.portfolio_import_col_year({}, o)],
		sinceYear: [m.portfolio_field_since_year({}, o)],
		plannedYear: [m.portfolio_field_planned_year({}, o)],
		supplier: [m.portfolio_import_col_supplier({}, o), m.portfolio_field_supplier({}, o)],
		contractEnd: [m.portfolio_import_col_contract_end({}, o), m.portfolio_field_contract_end({}, o)],
		intent: [m.portfolio_field_intent({}, o)],
		note: [m.portfolio_field_note({}, o)]
	};
}

/** Words people write in a survey or a spreadsheet that the labels do not cover. */
const headingSynonyms: Record<string, PortfolioImportColumn> = {
	organisation: 'municipality',
	organization: 'municipality',
	välfärdsteknik: 'technology',
	'welfare technology': 'technology',
	sedan: 'sinceYear',
	since: 'sinceYear',
	'i bruk sedan': 'sinceYear',
	'in use since': 'sinceYear',
	'planerat år': 'plannedYear',
	planerat: 'plannedYear',
	'planned year': 'plannedYear',
	produkt: 'supplier',
	product: 'supplier',
	'avtalet löper ut': 'contractEnd',
	'contract ends': 'contractEnd',
	'contract end date': 'contractEnd',
	kommentar: 'note',
	comment: 'note'
};

function headingMap(): Map<string, PortfolioImportColumn> {
	const map = new Map<string, PortfolioImportColumn>();
	for (const column of portfolioImportColumns) map.set(normalise(column), column);
	for (const [heading, column] of Object.entries(headingSynonyms)) map.set(normalise(heading), column);
	for (const locale of ['sv', 'en'] as const)
		for (const [column, headings] of Object.entries(portfolioImportHeadings(locale)))
			for (const heading of headings) map.set(normalise(heading), column as PortfolioImportColumn);
	return map;
}

/** The status words of the matrix's own labels, plus how municipalities write them in surveys. */
const statusSynonyms: Record<string, TechnologyStatus> = {
	används: 'in_use',
	använder: 'in_use',
	infört: 'in_use',
	införd: 'in_use',
	'i drift': 'in_use',
	used: 'in_use',
	implemented: 'in_use',
	pilotprojekt: 'pilot',
	testas: 'pilot',
	piloting: 'pilot',
	upphandling: 'in_procurement',
	'under upphandling': 'in_procurement',
	procurement: 'in_procurement',
	planerad: 'planned',
	planerat: 'planned',
	utredning: 'investigating',
	'under utredning': 'investigating',
	'ej aktuellt': 'not_relevant',
	'ej aktuell': 'not_relevant',
	'inte aktuell': 'not_relevant',
	avvecklat: 'discontinued'
};

const intentSynonyms: Record<string, PortfolioIntent> = {
	tillsammans: 'together',
	gemensamt: 'together',
	together: 'together',
	själva: 'alone',
	själv: 'alone',
	alone: 'alone',
	'vet inte': 'unknown',
	'do not know': 'unknown',
	unknown: 'unknown'
};

function wordMaps() {
	const statuses = new Map<string, TechnologyStatus>(Object.entries(statusSynonyms));
	const intents = new Map<string, PortfolioIntent>(Object.entries(intentSynonyms));
	for (const locale of ['sv', 'en'] as const) {
		const o = { locale };
		const statusLabels: Record<TechnologyStatus, string> = {
			in_use: m.portfolio_status_in_use({}, o),
			pilot: m.portfolio_status_pilot({}, o),
			in_procurement: m.portfolio_status_in_procurement({}, o),
			planned: m.portfolio_status_planned({}, o),
			investigating: m.portfolio_status_investigating({}, o),
			not_relevant: m.portfolio_status_not_relevant({}, o),
			discontinued: m.portfolio_status_discontinued({}, o)
		};
		const intentLabels: Record<PortfolioIntent, string> = {
			together: m.portfolio_intent_together({}, o),
			alone: m.portfolio_intent_alone({}, o),
			unknown: m.portfolio_intent_unknown({}, o)
		};
		for (const [code, label] of Object.entries(statusLabels)) statuses.set(normalise(label), code as TechnologyStatus);
		for (const [code, label] of Object.entries(intentLabels)) intents.set(normalise(label), code as PortfolioIntent);
	}
	for (const code of technologyStatuses) statuses.set(code, code);
	for (const code of portfolioIntents) intents.set(code, code);
	return { statuses, intents };
}

const SINCE: readonly TechnologyStatus[] = ['in_use', 'pilot', 'discontinued'];
const PLANNED: readonly TechnologyStatus[] = ['planned', 'in_procurement', 'investigating'];

/** A year cell as a number, or null when it is none; an Excel date cell counts by its year. */
function yearOf(value: string): number | null {
	const match = /^(\d{4})(?:-\d{2}-\d{2})?(?:\.0+)?$/.exec(value.trim());
	if (!match) return null;
	const year = Number(match[1]);
	return year >= YEAR_MIN && year <= YEAR_MAX ? year : null;
}

/**
 * Validates every row of a table of portfolio statuses. Headings and status and intent words are
 * matched in Swedish or English; municipalities by name (case, accents and punctuation aside) among
 * the consortium's municipalities; technologies by name or alias through the matching module, the
 * term it matched kept for the preview. A row for a municipality the person may not write for, or
 * one that repeats an earlier row's municipality and technology, is an error. A table without the
 * municipality, technology or status column is refused whole.
 */
export function validatePortfolioTable(
	table: RawTable,
	organisations: readonly ImportOrganisation[],
	catalogue: readonly Matchable[],
	mayEdit: (organisationId: string) => boolean
): PortfolioImportReport {
	const headings = headingMap();
	const columnAt: (PortfolioImportColumn | null)[] = [];
	const ignoredColumns: string[] = [];
	const seen = new Set<PortfolioImportColumn>();
	for (const heading of table.headings) {
		const column = headings.get(normalise(heading)) ?? null;
		const usable = column !== null && !seen.has(column);
		if (usable) seen.add(column);
		else if (heading.trim()) ignoredColumns.push(heading.trim());
		columnAt.push(usable ? column : null);
	}
	const missing = requiredColumns.find((c) => !seen.has(c));
	if (missing) {
		const names = (['sv', 'en'] as const).map((l) => portfolioImportHeadings(l)[missing][0]!);
		throw new ImportRefused({ code: 'missing_columns', columns: [...new Set(names)] });
	}

	const { statuses, intents } = wordMaps();
	const organisationByKey = new Map(organisations.map((o) => [nameKey(o.name), o]));
	const firstLine = new Map<string, number>();

	const rows = table.rows.map((raw): PortfolioImportRow => {
		const cells: PortfolioImportRow['cells'] = {};
		columnAt.forEach((column, i) => {
			if (column) cells[column] = (raw.cells[i] ?? '').trim();
		});
		const row: PortfolioImportRow = { line: raw.line, cells, municipality: null, technology: null, errors: [] };
		if (raw.problem) {
			row.errors.push({ column: 'row', code: raw.problem });
			return row;
		}
		const fail = (column: PortfolioImportError['column'], code: PortfolioImportErrorCode, params?: Record<string, string>) =>
			row.errors.push(params ? { column, code, params } : { column, code });

		const municipalityName = cells.municipality ?? '';
		if (!municipalityName) fail('municipality', 'required');
		else {
			const found = organisationByKey.get(nameKey(municipalityName));
			if (!found || found.kind !== 'municipality') fail('municipality', 'unknown_municipality');
			else {
				row.municipality = { id: found.id, name: found.name };
				if (!mayEdit(found.id)) fail('municipality', 'not_own_municipality');
			}
		}

		const technologyName = cells.technology ?? '';
		if (!technologyName) fail('technology', 'required');
		else {
			const match = matchTechnology(technologyName, catalogue);
			if (match.kind === 'match') row.technology = { id: match.technology.id, name: match.technology.name, term: match.term, level: match.level };
			else if (match.kind === 'ambiguous')
				fail('technology', 'ambiguous_technology', {
					candidates: match.candidates
						.map((c) => c.name)
						.sort((a, b) => a.localeCompare(b, 'sv'))
						.join(', ')
				});
			else fail('technology', 'unknown_technology');
		}

		const statusWord = cells.status ?? '';
		const status = statusWord ? statuses.get(normalise(statusWord)) : undefined;
		if (!statusWord) fail('status', 'required');
		else if (!status) fail('status', 'invalid_status');

		const intentWord = cells.intent ?? '';
		const intent = intentWord ? intents.get(normalise(intentWord)) : undefined;
		if (intentWord && !intent) fail('intent', 'invalid_intent');

		// "År" is the year that fits the status: since when for what runs or ran, when for what is planned.
		const years: Partial<Record<'sinceYear' | 'plannedYear', number>> = {};
		for (const column of ['year', 'sinceYear', 'plannedYear'] as const) {
			const value = cells[column] ?? '';
			if (!value) continue;
			const year = yearOf(value);
			if (year === null) {
				fail(column, 'invalid_year', { min: String(YEAR_MIN), max: String(YEAR_MAX) });
				continue;
			}
			const target = column === 'year' ? (status && PLANNED.includes(status) ? 'plannedYear' : status && SINCE.includes(status) ? 'sinceYear' : null) : column;
			if (target && (column !== 'year' || years[target] === undefined)) years[target] = year;
		}

		const contractEnd = cells.contractEnd ? isoDate(cells.contractEnd) : undefined;
		if (contractEnd === null) fail('contractEnd', 'invalid_date');

		if (row.errors.length > 0 || !row.municipality || !row.technology) return row;
		const parsed = StatusInput.safeParse({
			technologyId: row.technology.id,
			organisationId: row.municipality.id,
			status,
			sinceYear: years.sinceYear,
			plannedYear: years.plannedYear,
			expansionPlanned: false,
			supplier: cells.supplier ?? '',
			contractEnd: contractEnd ?? '',
			intent,
			note: cells.note ?? ''
		});
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0] ?? 'row');
				const column = (portfolioImportColumns as readonly string[]).includes(field) ? (field as PortfolioImportColumn) : 'row';
				const code: PortfolioImportErrorCode = issue.message === 'too_long' ? 'too_long' : column === 'contractEnd' ? 'invalid_date' : 'required';
				if (!row.errors.some((e) => e.column === column)) fail(column, code);
			}
			return row;
		}
		// Two rows for one cell would leave it to the order of the file: the later one is refused instead.
		const key = `${row.municipality.id}:${row.technology.id}`;
		const earlier = firstLine.get(key);
		if (earlier !== undefined) {
			fail('row', 'duplicate', { line: String(earlier) });
			return row;
		}
		firstLine.set(key, raw.line);
		row.input = parsed.data;
		return row;
	});
	const validCount = rows.filter((r) => r.input).length;
	return { rows, ignoredColumns, validCount, invalidCount: rows.length - validCount };
}
