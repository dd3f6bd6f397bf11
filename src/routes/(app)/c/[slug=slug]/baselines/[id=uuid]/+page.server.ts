import { error } from '@sveltejs/kit';
import { getBaseline } from '$lib/server/baselines/queries';
import { NotFound } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, params }) => {
	const { consortium } = await parent();
	try {
		const { spec } = await getBaseline(locals.user!, consortium.id, params.id);
		return { spec };
	} catch (e) {
		if (e instanceof NotFound) error(404, 'Not found');
		throw e;
	}
};
