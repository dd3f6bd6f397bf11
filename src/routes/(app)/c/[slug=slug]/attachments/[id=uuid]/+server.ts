import { downloadResponse } from '$lib/server/attachments/actions';
import { downloadAttachment } from '$lib/server/attachments/queries';
import { notFoundOn } from '$lib/server/form-action';
import { inConsortium } from '$lib/server/request-context';
import type { RequestHandler } from './$types';

/** An attachment's file, for whoever may read what it is attached to (the supplier: only what reached it); 404 for anyone else. */
export const GET: RequestHandler = async (event) => {
	const { consortium, actor } = await inConsortium(event);
	try {
		return downloadResponse(await downloadAttachment(actor, consortium.id, event.params.id));
	} catch (e) {
		notFoundOn(e);
	}
};
