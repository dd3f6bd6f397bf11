import { m } from '$lib/paraglide/messages';
import type { DocumentVersionStatus } from '$lib/enums';

const statuses: Record<DocumentVersionStatus, () => string> = {
	saved: () => m.document_status_saved(),
	in_approval: () => m.document_status_in_approval(),
	approved: () => m.document_status_approved(),
	rejected: () => m.document_status_rejected()
};

/** Where a named version of a document stands ("Godkänd"). */
export function documentStatusLabel(status: string): string {
	return (statuses[status as DocumentVersionStatus] ?? statuses.saved)();
}
