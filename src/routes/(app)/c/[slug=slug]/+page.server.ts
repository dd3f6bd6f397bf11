import { can } from '$lib/server/policy';
import { getOverview } from '$lib/server/consortia/queries';
import { inConsortium } from '$lib/server/request-context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:organisation', 'samsyn:ground_rules');
	await event.parent();
	const { consortium, actor } = await inConsortium(event);
	// The supplier sees only what was published to it; nothing internal is even queried.
	if (!can(actor, 'internal.read', { consortiumId: consortium.id })) return { view: 'supplier' as const, overview: null };
	return { view: 'internal' as const, overview: await getOverview(actor, consortium.id) };
};
