import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { documentExport, documentExportFormat, documentExportResponse } from '$lib/server/documents/exports';
import { notFoundOn } from '$lib/server/form-action';
import { inConsortium } from '$lib/server/request-context';
import type { RequestHandler } from './$types';

/**
 * A document version as a download, docx or pdf, in the reader's language: `?version=<id>` for a
 * named version, `current` (the default) for the live draft. The supplier gets a version published
 * to it and a 404 for anything else.
 */
export const GET: RequestHandler = async (event) => {
	const { consortium, actor } = await inConsortium(event);
	const format = documentExportFormat(event.params.format);
	if (!format) error(404, 'Not found');
	const locale = getLocale() === 'en' ? 'en' : 'sv';
	try {
		const result = await documentExport(actor, consortium.id, event.params.id, event.url.searchParams.get('version') ?? 'current', locale);
		return await documentExportResponse(result, format, locale);
	} catch (e) {
		notFoundOn(e);
	}
};
