import { error } from '@sveltejs/kit';
import { decisionEntries, decisionExportFormat, decisionExportResponse, decisionExportYear } from '$lib/server/decisions/exports';
import { notFoundOn } from '$lib/server/form-action';
import { inConsortium } from '$lib/server/request-context';
import type { RequestHandler } from './$types';

/** The decision log (or one year of it, `?year=2026`) as a download: pdf or docx. The supplier gets what was communicated to it. */
export const GET: RequestHandler = async (event) => {
	const { consortium, actor } = await inConsortium(event);
	const format = decisionExportFormat(event.params.format);
	if (!format) error(404, 'Not found');
	const year = decisionExportYear(event.url.searchParams.get('year'));
	if (year === null) error(400, 'year must be a year from 2000 to 2999');
	try {
		return await decisionExportResponse(await decisionEntries(actor, consortium.id, { year }), format);
	} catch (e) {
		notFoundOn(e);
	}
};
