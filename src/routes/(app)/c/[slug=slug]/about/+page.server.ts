import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { resolveAccess } from '$lib/server/collab/access';
import { documentName } from '$lib/server/collab/registry';
import * as versions from '$lib/server/collab/versions';
import { formAction } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

const NameInput = z.object({ name: versions.VersionName });
const RestoreInput = z.object({ version: z.uuid('versions_not_found') });
const Ref = z.union([z.literal('current'), z.uuid()]);

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:collab_version');
	await afterLayouts(event);
	const { user, consortium } = await asReader(event);
	const { searchParams } = event.url;
	const document = documentName('consortium', consortium.id, 'description');
	const access = await resolveAccess(user, document);
	if (!access) error(404, 'Not found');

	const versionId = searchParams.get('version');
	const from = Ref.safeParse(searchParams.get('from'));
	const to = Ref.safeParse(searchParams.get('to'));
	const [list, viewing, comparison] = await Promise.all([
		versions.listVersions(user, document),
		versionId
			? versions.getVersion(user, document, versionId).then(
					(v) => ({ id: v.id, name: v.name, createdAt: v.createdAt, createdBy: v.createdBy, state: base64(v.state) }),
					() => null
				)
			: null,
		searchParams.has('from') ? (from.success && to.success ? versions.diffVersions(user, document, from.data, to.data).catch(() => null) : null) : undefined
	]);
	return {
		document,
		canEdit: access.level === 'edit',
		versions: list,
		viewing,
		viewMissing: !!versionId && !viewing,
		comparison: comparison ?? null,
		compareMissing: comparison === null,
		compare: { from: searchParams.get('from') ?? '', to: searchParams.get('to') ?? 'current' }
	};
};

export const actions: Actions = {
	name: formAction(NameInput, async (input, { user, consortium }) => {
		const version = await versions.createVersion(user, documentName('consortium', consortium.id, 'description'), input);
		return { created: version.name };
	}),
	restore: formAction(RestoreInput, async (input, { user, consortium }) => {
		const document = documentName('consortium', consortium.id, 'description');
		const version = await versions.getVersion(user, document, input.version);
		await versions.restoreVersion(user, document, version.id);
		return { restored: version.name };
	})
};
