import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { getBaseline } from '$lib/server/baselines/queries';
import { exportFormats, type ExportFormat } from '$lib/server/baselines/schemas';
import { exportResponse } from '$lib/server/exports/http';
import { notFoundOn } from '$lib/server/form-action';
import { inConsortium } from '$lib/server/request-context';
import type { RequestHandler } from './$types';

/** A baseline as a download: docx, csv, xlsx or reqif, in the reader's language. */
export const GET: RequestHandler = async (event) => {
	const { consortium, actor } = await inConsortium(event);
	if (!(exportFormats as readonly string[]).includes(event.params.format)) error(404, 'Not found');
	try {
		const { spec } = await getBaseline(actor, consortium.id, event.params.id);
		return await exportResponse(spec, event.params.format as ExportFormat, getLocale(), consortium.id);
	} catch (e) {
		notFoundOn(e);
	}
};
