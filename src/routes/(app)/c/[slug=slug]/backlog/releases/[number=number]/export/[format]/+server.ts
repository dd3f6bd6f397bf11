import { error } from '@sveltejs/kit';
import { releaseDetail } from '$lib/server/backlog/queries';
import { releaseFormats, releaseResponse, type ReleaseFormat } from '$lib/server/backlog/exports';
import { notFoundOn } from '$lib/server/form-action';
import { inConsortium } from '$lib/server/request-context';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** A release as a download: jira.csv, azure.csv, xlsx or json. For internal members and the supplier alike. */
export const GET: RequestHandler = async (event) => {
	const { consortium, actor } = await inConsortium(event);
	const format = event.params.format as ReleaseFormat;
	if (!releaseFormats.includes(format)) error(404, 'Not found');
	try {
		const { release, items } = await releaseDetail(actor, consortium.id, Number(event.params.number));
		return await releaseResponse({ ...release, items }, format, getLocale() === 'en' ? 'en' : 'sv');
	} catch (e) {
		notFoundOn(e);
	}
};
