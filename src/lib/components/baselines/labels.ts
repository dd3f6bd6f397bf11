import { m } from '$lib/paraglide/messages';

/** Words for the coded values of a frozen requirement, in the current language. */
export const obligationLabel = (v: string) => (v === 'criterion' ? m.spec_obligation_criterion() : m.spec_obligation_mandatory());

export function typeLabel(v: string): string {
	const labels: Record<string, () => string> = {
		functional: m.spec_type_functional,
		detailed: m.spec_type_detailed,
		data: m.spec_type_data,
		non_functional: m.spec_type_non_functional,
		general: m.spec_type_general
	};
	return (labels[v] ?? (() => v))();
}

export function subtypeLabel(v: string): string {
	const labels: Record<string, () => string> = {
		security: m.spec_subtype_security,
		accessibility: m.spec_subtype_accessibility,
		interoperability: m.spec_subtype_interoperability,
		support: m.spec_subtype_support,
		training: m.spec_subtype_training,
		other: m.spec_subtype_other
	};
	return (labels[v] ?? (() => v))();
}

export function verificationLabel(v: string): string {
	const labels: Record<string, () => string> = {
		test: m.spec_verification_test,
		demonstration: m.spec_verification_demonstration,
		inspection: m.spec_verification_inspection,
		document: m.spec_verification_document
	};
	return (labels[v] ?? (() => v))();
}

export const scopeLabel = (v: string) => (v === 'local' ? m.spec_scope_local() : m.spec_scope_common());

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
