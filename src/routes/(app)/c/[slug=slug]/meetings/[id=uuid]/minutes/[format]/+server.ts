import { error } from '@sveltejs/kit';
import { minutesFormat, minutesResponse } from '$lib/server/meetings/exports';
import { minutesDocument } from '$lib/server/meetings/queries';
import { notFoundOn } from '$lib/server/form-action';
import { inConsortium } from '$lib/server/request-context';
import type { RequestHandler } from './$types';

/** A meeting's minutes as a download, pdf or docx, for internal members (the supplier gets a 404). */
export const GET: RequestHandler = async (event) => {
	const { consortium, actor } = await inConsortium(event);
	const format = minutesFormat(event.params.format);
	if (!format) error(404, 'Not found');
	try {
		return await minutesResponse(await minutesDocument(actor, consortium.id, event.params.id), format);
	} catch (e) {
		notFoundOn(e);
	}
};
