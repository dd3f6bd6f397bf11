import { m } from '../../paraglide/messages';
import { vocabulary, type Locale, type SpecRequirement } from './spec';

/** The columns of a requirements table (CSV, XLSX), in order; the import reads the same ones. */
export const requirementColumns = [
	'identifier',
	'title',
	'text',
	'rationale',
	'acceptanceCriteria',
	'obligation',
	'weight',
	'type',
	'subtype',
	'verification',
	'scope',
	'localOrganisations',
	'status',
	'revision'
] as const;
export type RequirementColumn = (typeof requirementColumns)[number];

/** Column headings in one language. */
export function requirementHeadings(locale: Locale): Record<RequirementColumn, string> {
	const o = { locale };
	return {
		identifier: m.spec_col_identifier({}, o),
		title: m.spec_col_title({}, o),
		text: m.spec_col_text({}, o),
		rationale: m.spec_col_rationale({}, o),
		acceptanceCriteria: m.spec_col_acceptance({}, o),
		obligation: m.spec_col_obligation({}, o),
		weight: m.spec_col_weight({}, o),
		type: m.spec_col_type({}, o),
		subtype: m.spec_col_subtype({}, o),
		verification: m.spec_col_verification({}, o),
		scope: m.spec_col_scope({}, o),
		localOrganisations: m.spec_col_organisations({}, o),
		status: m.spec_col_status({}, o),
		revision: m.spec_col_revision({}, o)
	};
}

/** Separator between municipality names in one cell; the import also accepts `;` and line breaks. */
export const LIST_SEPARATOR = ', ';

/** A requirement as one table row: enum values as words in the language, numbers as numbers. */
export function requirementRow(r: SpecRequirement, locale: Locale): (string | number)[] {
	const v = vocabulary(locale);
	const cells: Record<RequirementColumn, string | number> = {
		identifier: r.identifier,
		title: r.title,
		text: r.text,
		rationale: r.rationale,
		acceptanceCriteria: r.acceptanceCriteria,
		obligation: v.obligation[r.obligation],
		weight: r.weight ?? '',
		type: v.type[r.type],
		subtype: r.subtype ? v.subtype[r.subtype] : '',
		verification: v.verification[r.verification],
		scope: v.scope[r.scope],
		localOrganisations: r.localOrganisations.join(LIST_SEPARATOR),
		status: v.status[r.status],
		revision: r.revision
	};
	return requirementColumns.map((c) => cells[c]);
}

/** The heading row and one row per requirement, in number order. */
export function requirementTable(requirements: readonly SpecRequirement[], locale: Locale): (string | number)[][] {
	const headings = requirementHeadings(locale);
	const sorted = [...requirements].sort((a, b) => a.number - b.number);
	return [requirementColumns.map((c) => headings[c]), ...sorted.map((r) => requirementRow(r, locale))];
}
