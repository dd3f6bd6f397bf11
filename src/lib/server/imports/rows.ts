import type { z } from 'zod';
import { m } from '../../paraglide/messages';
import { requirementColumns, requirementHeadings, type RequirementColumn } from '../exports/columns';
import { vocabulary, type Locale } from '../exports/spec';
import { NeedInput, RequirementInput } from '../requirements/schemas';
import { ImportRefused, type RawTable } from './parse';

export const importKinds = ['needs', 'requirements'] as const;
export type ImportKind = (typeof importKinds)[number];

export const needColumns = ['title', 'description', 'source', 'capturedBy', 'capturedOn'] as const;
export type NeedColumn = (typeof needColumns)[number];

/** Columns an import reads; the requirement columns it knows but ignores are listed separately. */
export const importColumns: Record<ImportKind, readonly string[]> = {
	requirements: requirementColumns.filter((c) => !['identifier', 'status', 'revision'].includes(c)),
	needs: needColumns
};
/** Known requirement columns whose values an import does not take: identifiers are handed out anew and imports start as drafts. */
export const ignoredRequirementColumns: readonly RequirementColumn[] = ['identifier', 'status', 'revision'];

export function needHeadings(locale: Locale): Record<NeedColumn, string> {
	const o = { locale };
	return {
		title: m.spec_col_need_title({}, o),
		description: m.spec_col_need_description({}, o),
		source: m.spec_col_need_source({}, o),
		capturedBy: m.spec_col_need_captured_by({}, o),
		capturedOn: m.spec_col_need_captured_on({}, o)
	};
}

export type CellError = { column: string; code: ImportErrorCode };
export type ImportErrorCode = 'required' | 'too_long' | 'invalid' | 'invalid_choice' | 'unknown_organisation' | 'invalid_date' | 'column_count' | 'quotes';

export interface ImportRow {
	line: number;
	/** The row's cells by column, as read (for the report). */
	cells: Record<string, string>;
	errors: CellError[];
	/** What a confirmation writes: the validated input, present only when the row has no errors. */
	input?: RequirementInput | NeedInput;
}

export interface ImportReport {
	rows: ImportRow[];
	ignoredColumns: string[];
	validCount: number;
	invalidCount: number;
}

export interface Organisation {
	id: string;
	name: string;
}

const normalise = (s: string) =>
	s
		.normalize('NFC')
		.trim()
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/\s*\*$/, '');

/** Heading text → column, accepting the headings of both languages and the column's code name. */
function headingMap(kind: ImportKind): Map<string, string> {
	const map = new Map<string, string>();
	for (const locale of ['sv', 'en'] as const) {
		const headings: Record<string, string> = kind === 'requirements' ? requirementHeadings(locale) : needHeadings(locale);
		for (const [column, heading] of Object.entries(headings)) {
			map.set(normalise(heading), column);
			map.set(normalise(column), column);
		}
	}
	return map;
}

/** Words → code for each coded column, in both languages, plus the codes and common synonyms. */
function choices(): Record<'obligation' | 'type' | 'subtype' | 'verification' | 'scope' | 'source', Map<string, string>> {
	const maps = {
		obligation: new Map<string, string>([
			['ska', 'mandatory'],
			['skall', 'mandatory'],
			['krav', 'mandatory'],
			['shall', 'mandatory'],
			['must', 'mandatory'],
			['bör', 'criterion'],
			['kriterium', 'criterion'],
			['utvärderingskriterium', 'criterion'],
			['should', 'criterion']
		]),
		type: new Map<string, string>([
			['icke-funktionellt', 'non_functional'],
			['non-functional', 'non_functional']
		]),
		subtype: new Map<string, string>(),
		verification: new Map<string, string>(),
		scope: new Map<string, string>([
			['gemensamt för alla medlemmar', 'common'],
			['common to all members', 'common']
		]),
		source: new Map<string, string>()
	};
	for (const locale of ['sv', 'en'] as const) {
		const v = vocabulary(locale);
		const add = (map: Map<string, string>, labels: Record<string, string>) => {
			for (const [code, label] of Object.entries(labels)) {
				map.set(normalise(label), code);
				map.set(normalise(code), code);
			}
		};
		add(maps.obligation, v.obligation);
		add(maps.type, v.type);
		add(maps.type, v.group);
		add(maps.subtype, v.subtype);
		add(maps.verification, v.verification);
		add(maps.scope, v.scope);
		add(maps.source, v.source);
	}
	return maps;
}

/** Municipality names in one cell: separated by commas, semicolons or line breaks. */
export function splitList(value: string): string[] {
	return value
		.split(/[,;\n]+/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Zod issue keys the report knows; anything else reads as "invalid". */
const issueCode = (message: string): ImportErrorCode => (message === 'required' || message === 'too_long' ? message : 'invalid');

/** A date cell as YYYY-MM-DD: ISO, or the Swedish "2026-03-01" written with dots or slashes. */
export function isoDate(value: string): string | null {
	const match = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(value.trim());
	if (!match) return null;
	const [, y, mo, d] = match;
	const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
	const date = new Date(`${iso}T00:00:00Z`);
	return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * Validates every row of a table for an import of needs or requirements, with the same zod
 * schemas the forms use. Headings are matched in Swedish or English; coded values (obligation,
 * type, …) accept the words of either language; municipalities are matched by name among the
 * consortium's organisations. A table without the title column is refused whole.
 */
export function validateTable(kind: ImportKind, table: RawTable, organisations: readonly Organisation[]): ImportReport {
	const headings = headingMap(kind);
	const columnAt: (string | null)[] = [];
	const ignoredColumns: string[] = [];
	const seen = new Set<string>();
	for (const heading of table.headings) {
		const column = headings.get(normalise(heading)) ?? null;
		const usable = column !== null && importColumns[kind].includes(column) && !seen.has(column);
		if (usable) seen.add(column);
		else if (heading.trim()) ignoredColumns.push(heading.trim());
		columnAt.push(usable ? column : null);
	}
	if (!seen.has('title')) {
		const titleHeadings = (['sv', 'en'] as const).map((l) => (kind === 'requirements' ? requirementHeadings(l).title : needHeadings(l).title));
		throw new ImportRefused({ code: 'missing_columns', columns: [...new Set(titleHeadings)] });
	}

	const maps = choices();
	const orgByName = new Map(organisations.map((o) => [normalise(o.name), o.id]));
	const rows = table.rows.map((raw): ImportRow => {
		const cells: Record<string, string> = {};
		columnAt.forEach((column, i) => {
			if (column) cells[column] = (raw.cells[i] ?? '').trim();
		});
		if (raw.problem) return { line: raw.line, cells, errors: [{ column: 'row', code: raw.problem }] };
		const errors: CellError[] = [];
		const choice = (column: keyof typeof maps): string | undefined => {
			const value = cells[column] ?? '';
			if (!value) return undefined;
			const code = maps[column].get(normalise(value));
			if (!code) errors.push({ column, code: 'invalid_choice' });
			return code;
		};
		const organisation = (name: string): string | undefined => {
			const id = orgByName.get(normalise(name));
			if (!id) errors.push({ column: kind === 'needs' ? 'capturedBy' : 'localOrganisations', code: 'unknown_organisation' });
			return id;
		};

		let parsed: z.ZodSafeParseResult<RequirementInput | NeedInput>;
		let columnOf: (path: string) => string;
		if (kind === 'requirements') {
			const localIds = splitList(cells.localOrganisations ?? '').map(organisation);
			const candidate = {
				title: cells.title ?? '',
				body: cells.text ?? '',
				rationale: cells.rationale ?? '',
				acceptanceCriteria: cells.acceptanceCriteria ?? '',
				obligation: choice('obligation'),
				weight: cells.weight ?? '',
				type: choice('type'),
				subtype: choice('subtype'),
				verification: choice('verification'),
				scope: choice('scope') ?? (localIds.length > 0 ? 'local' : undefined),
				localOrganisationIds: localIds.filter((id): id is string => id !== undefined),
				storyIds: [],
				needIds: []
			};
			parsed = RequirementInput.safeParse(candidate);
			columnOf = (path) => ({ body: 'text', localOrganisationIds: 'localOrganisations' })[path] ?? path;
		} else {
			const capturedOn = cells.capturedOn ? isoDate(cells.capturedOn) : undefined;
			if (capturedOn === null) errors.push({ column: 'capturedOn', code: 'invalid_date' });
			const capturedBy = cells.capturedBy ? organisation(cells.capturedBy) : undefined;
			parsed = NeedInput.safeParse({
				title: cells.title ?? '',
				description: cells.description ?? '',
				source: choice('source'),
				capturedByOrganisationId: capturedBy ?? '',
				capturedOn: capturedOn ?? ''
			});
			columnOf = (path) => ({ capturedByOrganisationId: 'capturedBy' })[path] ?? path;
		}
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const column = columnOf(String(issue.path[0] ?? 'row'));
				if (!errors.some((e) => e.column === column)) errors.push({ column, code: issueCode(issue.message) });
			}
		}
		return errors.length === 0 && parsed.success ? { line: raw.line, cells, errors, input: parsed.data } : { line: raw.line, cells, errors };
	});
	const validCount = rows.filter((r) => r.input).length;
	return { rows, ignoredColumns, validCount, invalidCount: rows.length - validCount };
}
