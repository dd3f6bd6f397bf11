import { m } from '$lib/paraglide/messages';
import type { DocumentKind } from '$lib/enums';

const kinds: Record<DocumentKind, () => string> = {
	project_directive: () => m.document_kind_project_directive(),
	requirement_specification: () => m.document_kind_requirement_specification(),
	evaluation_model: () => m.document_kind_evaluation_model(),
	contract_terms: () => m.document_kind_contract_terms(),
	compensation_model: () => m.document_kind_compensation_model(),
	communication_plan: () => m.document_kind_communication_plan(),
	meeting_notes: () => m.document_kind_meeting_notes(),
	other: () => m.document_kind_other()
};

/** A kind of procurement document as the interface names it ("Projektdirektiv"). */
export function documentKindLabel(kind: DocumentKind): string {
	return kinds[kind]();
}
