import { traceability } from '$lib/server/requirements/queries';
import { notFoundOn } from '$lib/server/actions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { consortium } = await parent();
	try {
		return { trace: await traceability(locals.user!, consortium.id) };
	} catch (e) {
		notFoundOn(e);
	}
};
