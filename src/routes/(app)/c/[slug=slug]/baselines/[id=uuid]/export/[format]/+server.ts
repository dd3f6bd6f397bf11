import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { getBaseline } from '$lib/server/baselines/queries';
import { exportFormats, type ExportFormat } from '$lib/server/baselines/schemas';
import { loadConsortiumActor } from '$lib/server/consortia/actor';
import { NotFound } from '$lib/server/errors';
import { exportResponse } from '$lib/server/exports/http';
import type { RequestHandler } from './$types';

/** A baseline as a download: docx, csv, xlsx or reqif, in the reader's language. */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(401, 'Sign in first');
	if (!(exportFormats as readonly string[]).includes(params.format)) error(404, 'Not found');
	const found = await loadConsortiumActor(locals.user, params.slug);
	if (!found) error(404, 'Not found');
	try {
		const { spec } = await getBaseline(locals.user, found.consortium.id, params.id);
		return await exportResponse(spec, params.format as ExportFormat, getLocale(), found.consortium.id);
	} catch (e) {
		if (e instanceof NotFound) error(404, 'Not found');
		throw e;
	}
};
