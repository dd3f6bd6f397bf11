import { getOverview } from '$lib/server/consortia/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { consortium, can } = await parent();
	// The supplier sees only what was published to it; nothing internal is even queried.
	if (!can['internal.read']) return { view: 'supplier' as const, overview: null };
	return { view: 'internal' as const, overview: await getOverview(locals.user!, consortium.id) };
};
