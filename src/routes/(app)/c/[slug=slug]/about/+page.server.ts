import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { resolveAccess } from '$lib/server/collab/access';
import { documentName } from '$lib/server/collab/registry';
import * as versions from '$lib/server/collab/versions';
import { loadConsortiumActor } from '$lib/server/consortia/actor';
import { CommandError, NotFound } from '$lib/server/errors';
import { FormTooLarge, NotAForm, keepValues, readForm } from '$lib/server/forms';
import { Forbidden } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

const NameInput = z.object({ name: versions.VersionName });
const RestoreInput = z.object({ version: z.uuid('versions_not_found') });
const Ref = z.union([z.literal('current'), z.uuid()]);

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A command's refusal as `fail(status, { errors })`; anything unexpected is rethrown. */
function refusal(err: unknown, values: Record<string, unknown> = {}) {
	if (err instanceof Forbidden) return fail(403, { errors: { form: 'versions_forbidden' }, values: keepValues(values) });
	if (err instanceof CommandError)
		return fail(err.status, { errors: { [err.field]: err.key === 'not_found' ? 'versions_not_found' : err.key }, values: keepValues(values) });
	throw err;
}

/** The consortium's description document, for the actions (which run without the layout's load). */
async function consortiumDocument(user: App.Locals['user'], slug: string): Promise<string> {
	if (!user) redirect(303, '/login');
	const found = await loadConsortiumActor(user, slug);
	if (!found) throw new NotFound();
	return documentName('consortium', found.consortium.id, 'description');
}

async function read(request: Request): Promise<Record<string, unknown> | null> {
	try {
		return await readForm(request);
	} catch (err) {
		if (err instanceof NotAForm || err instanceof FormTooLarge) return null;
		throw err;
	}
}

export const load: PageServerLoad = async ({ parent, locals, url }) => {
	const { consortium } = await parent();
	const user = locals.user!;
	const document = documentName('consortium', consortium.id, 'description');
	const access = await resolveAccess(user, document);
	if (!access) error(404, 'Not found');

	const versionId = url.searchParams.get('version');
	const from = Ref.safeParse(url.searchParams.get('from'));
	const to = Ref.safeParse(url.searchParams.get('to'));
	const [list, viewing, comparison] = await Promise.all([
		versions.listVersions(user, document),
		versionId
			? versions.getVersion(user, document, versionId).then(
					(v) => ({ id: v.id, name: v.name, createdAt: v.createdAt, createdBy: v.createdBy, state: base64(v.state) }),
					() => null
				)
			: null,
		url.searchParams.has('from') ? (from.success && to.success ? versions.diffVersions(user, document, from.data, to.data).catch(() => null) : null) : undefined
	]);
	return {
		document,
		canEdit: access.level === 'edit',
		versions: list,
		viewing,
		viewMissing: !!versionId && !viewing,
		comparison: comparison ?? null,
		compareMissing: comparison === null,
		compare: { from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? 'current' }
	};
};

export const actions: Actions = {
	name: async ({ request, locals, params }) => {
		if (!locals.user) redirect(303, '/login');
		const form = await read(request);
		if (!form) return fail(400, { errors: { form: 'invalid' }, values: {} });
		const parsed = NameInput.safeParse(form);
		if (!parsed.success) return fail(400, { errors: { name: parsed.error.issues[0]?.message ?? 'invalid' }, values: keepValues(form) });
		try {
			const document = await consortiumDocument(locals.user, params.slug);
			const version = await versions.createVersion(locals.user, document, parsed.data);
			return { created: version.name };
		} catch (err) {
			return refusal(err, form);
		}
	},
	restore: async ({ request, locals, params }) => {
		if (!locals.user) redirect(303, '/login');
		const form = await read(request);
		if (!form) return fail(400, { errors: { form: 'invalid' }, values: {} });
		const parsed = RestoreInput.safeParse(form);
		if (!parsed.success) return fail(404, { errors: { form: 'versions_not_found' }, values: {} });
		try {
			const document = await consortiumDocument(locals.user, params.slug);
			const version = await versions.getVersion(locals.user, document, parsed.data.version);
			await versions.restoreVersion(locals.user, document, version.id);
			return { restored: version.name };
		} catch (err) {
			return refusal(err);
		}
	}
};
