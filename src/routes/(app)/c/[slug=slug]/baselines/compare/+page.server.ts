import { error } from '@sveltejs/kit';
import { compareBaselines } from '$lib/server/baselines/queries';
import { CompareInput } from '$lib/server/baselines/schemas';
import { NotFound } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { consortium } = await parent();
	const parsed = CompareInput.safeParse({ from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' });
	if (!parsed.success) return { result: null };
	try {
		return { result: await compareBaselines(locals.user!, consortium.id, parsed.data.from, parsed.data.to) };
	} catch (e) {
		if (e instanceof NotFound) error(404, 'Not found');
		throw e;
	}
};
