import { error, redirect } from '@sveltejs/kit';
import { CommandError } from '$lib/server/errors';
import { formAction } from '$lib/server/form-action';
import { previewImport } from '$lib/server/imports/commands';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '$lib/server/imports/parse';
import { UploadInput } from '$lib/server/imports/schemas';
import { can } from '$lib/server/policy';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

const limits = { maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024, maxRows: MAX_IMPORT_ROWS, maxBytes: MAX_IMPORT_BYTES };

/** Multipart overhead allowed on top of the file itself before the body is refused unread. */
const FORM_OVERHEAD = 64 * 1024;

export const load: PageServerLoad = async (event) => {
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	if (!can(actor, 'content.write', { consortiumId: consortium.id })) error(404, 'Not found');
	return { limits, outcome: event.url.searchParams.get('done') };
};

export const actions: Actions = {
	default: formAction(
		UploadInput,
		async (input, { actor, consortium, files }) => {
			const file = files.file;
			if (!file || file.size === 0) throw new CommandError('file_required', 'file');
			if (file.size > MAX_IMPORT_BYTES) throw new CommandError('import_too_large', 'file', 413, { size: limits.maxMegabytes });
			const result = await previewImport(actor, consortium.id, {
				kind: input.kind,
				encoding: input.encoding,
				fileName: file.name || 'import',
				bytes: new Uint8Array(await file.arrayBuffer())
			});
			if (!result.ok) {
				const { code, ...figures } = result.refusal;
				const params = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Array.isArray(v) ? v.join(' / ') : v]));
				throw new CommandError(`import_${code}`, 'file', 422, { ...params, size: limits.maxMegabytes });
			}
			redirect(303, `/c/${consortium.slug}/import/${result.id}`);
		},
		{ maxBytes: MAX_IMPORT_BYTES + FORM_OVERHEAD, visibleTo: 'content.write' }
	)
};
