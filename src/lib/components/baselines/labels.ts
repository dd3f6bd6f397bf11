import { m } from '$lib/paraglide/messages';
import { obligationLabel, scopeLabel, subtypeLabel, typeLabel, verificationLabel } from '$lib/requirement-labels';

// The coded values of a frozen requirement use the one label set of each vocabulary.
export { obligationLabel, scopeLabel, subtypeLabel, typeLabel, verificationLabel };

/** The heading of a compared field (the same words as the export's columns). */
export function fieldLabel(field: string): string {
	const labels: Record<string, () => string> = {
		title: m.spec_col_title,
		text: m.spec_col_text,
		rationale: m.spec_col_rationale,
		acceptanceCriteria: m.spec_col_acceptance,
		obligation: m.spec_col_obligation,
		weight: m.spec_col_weight,
		type: m.spec_col_type,
		subtype: m.spec_col_subtype,
		verification: m.spec_col_verification,
		scope: m.spec_col_scope,
		localOrganisations: m.spec_col_organisations,
		revision: m.spec_col_revision,
		identifier: m.spec_col_identifier,
		description: m.spec_col_need_description,
		source: m.spec_col_need_source,
		capturedBy: m.spec_col_need_captured_by,
		capturedOn: m.spec_col_need_captured_on,
		row: m.import_column_row
	};
	return (labels[field] ?? (() => field))();
}

/** A compared value in words: coded fields by their label, empty as a dash. */
export function valueLabel(field: string, value: string | number | null): string {
	if (value === null || value === '') return '–';
	const v = String(value);
	if (field === 'obligation') return obligationLabel(v);
	if (field === 'type') return typeLabel(v);
	if (field === 'subtype') return subtypeLabel(v);
	if (field === 'verification') return verificationLabel(v);
	if (field === 'scope') return scopeLabel(v);
	return v;
}
