import { error } from '@sveltejs/kit';
import { decisionEntries, decisionExportFormat, decisionExportResponse } from '$lib/server/decisions/exports';
import { notFoundOn } from '$lib/server/form-action';
import { inConsortium } from '$lib/server/request-context';
import type { RequestHandler } from './$types';

/** One decision of the log as a download (an extract of the minutes): pdf or docx; 404 for one the reader may not see. */
export const GET: RequestHandler = async (event) => {
	const { consortium, actor } = await inConsortium(event);
	const format = decisionExportFormat(event.params.format);
	if (!format) error(404, 'Not found');
	try {
		return await decisionExportResponse(await decisionEntries(actor, consortium.id, { id: event.params.id }), format);
	} catch (e) {
		notFoundOn(e);
	}
};
