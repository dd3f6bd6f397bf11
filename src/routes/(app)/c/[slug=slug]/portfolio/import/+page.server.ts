import { redirect } from '@sveltejs/kit';
import { CommandError } from '$lib/server/errors';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '$lib/server/imports/parse';
import { previewPortfolioImport, portfolioImportScope } from '$lib/server/portfolio/import';
import { PortfolioUploadInput } from '$lib/server/portfolio/schemas';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

const limits = { maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024, maxRows: MAX_IMPORT_ROWS, maxBytes: MAX_IMPORT_BYTES };

/** Multipart overhead allowed on top of the file itself before the body is refused unread. */
const FORM_OVERHEAD = 64 * 1024;

export const load: PageServerLoad = async (event) => {
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		return { limits, scope: await portfolioImportScope(actor, consortium.id) };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	default: formAction(
		PortfolioUploadInput,
		async (input, { actor, consortium, files }) => {
			const file = files.file;
			if (!file || file.size === 0) throw new CommandError('file_required', 'file');
			if (file.size > MAX_IMPORT_BYTES) throw new CommandError('import_too_large', 'file', 413, { size: limits.maxMegabytes });
			const result = await previewPortfolioImport(actor, consortium.id, {
				encoding: input.encoding,
				fileName: file.name || 'import',
				bytes: new Uint8Array(await file.arrayBuffer())
			});
			if (!result.ok) {
				const { code, ...figures } = result.refusal;
				const params = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Array.isArray(v) ? v.join(' / ') : v]));
				throw new CommandError(`import_${code}`, 'file', 422, { ...params, size: limits.maxMegabytes });
			}
			redirect(303, `/c/${consortium.slug}/portfolio/import/${result.id}`);
		},
		{ maxBytes: MAX_IMPORT_BYTES + FORM_OVERHEAD, visibleTo: 'content.write' }
	)
};
