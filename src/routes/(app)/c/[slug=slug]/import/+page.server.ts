import { error, fail, redirect } from '@sveltejs/kit';
import { loadConsortiumActor } from '$lib/server/consortia/actor';
import { fieldErrors } from '$lib/server/forms';
import { previewImport } from '$lib/server/imports/commands';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '$lib/server/imports/parse';
import { UploadInput } from '$lib/server/imports/schemas';
import { Forbidden } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

const limits = { maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024, maxRows: MAX_IMPORT_ROWS, maxBytes: MAX_IMPORT_BYTES };

export const load: PageServerLoad = async ({ parent, url }) => {
	const { can } = await parent();
	if (!can['content.write']) error(404, 'Not found');
	return { limits, outcome: url.searchParams.get('done') };
};

/** Multipart overhead allowed on top of the file itself before the body is refused unread. */
const FORM_OVERHEAD = 64 * 1024;

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		if (!locals.user) error(401, 'Sign in first');
		const found = await loadConsortiumActor(locals.user, params.slug);
		if (!found) error(404, 'Not found');
		const tooLarge = { refusal: { code: 'too_large' as const, limit: MAX_IMPORT_BYTES }, values: {} };
		if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES + FORM_OVERHEAD) return fail(413, tooLarge);
		let data: FormData;
		try {
			data = await request.formData();
		} catch {
			return fail(400, { errors: { form: 'invalid' }, values: {} });
		}
		const values = { kind: String(data.get('kind') ?? ''), encoding: String(data.get('encoding') ?? '') };
		const parsed = UploadInput.safeParse({ kind: values.kind, encoding: values.encoding || undefined });
		const file = data.get('file');
		const errors = parsed.success ? {} : fieldErrors(parsed.error);
		if (!(file instanceof File) || file.size === 0) errors.file = 'file_required';
		if (!parsed.success || Object.keys(errors).length) return fail(400, { errors, values });
		if ((file as File).size > MAX_IMPORT_BYTES) return fail(413, { ...tooLarge, values });
		const upload = file as File;
		let result;
		try {
			result = await previewImport(locals.user, found.consortium.id, {
				kind: parsed.data.kind,
				encoding: parsed.data.encoding,
				fileName: upload.name || 'import',
				bytes: new Uint8Array(await upload.arrayBuffer())
			});
		} catch (e) {
			if (e instanceof Forbidden) error(404, 'Not found');
			throw e;
		}
		if (!result.ok) return fail(422, { refusal: result.refusal, values });
		redirect(303, `/c/${params.slug}/import/${result.id}`);
	}
};
