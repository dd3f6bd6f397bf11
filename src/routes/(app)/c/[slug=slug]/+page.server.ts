import { can } from '$lib/server/policy';
import { getOverview } from '$lib/server/consortia/queries';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import { attentionFor } from '$lib/server/home/attention';
import { activityFor } from '$lib/server/home/activity';
import { inOneTransaction } from '$lib/server/db/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends(
		'samsyn:organisation',
		'samsyn:ground_rules',
		'samsyn:decision_item',
		'samsyn:decision',
		'samsyn:requirement',
		'samsyn:document',
		'samsyn:meeting',
		'samsyn:baseline',
		'samsyn:need',
		'samsyn:story',
		'samsyn:question',
		'samsyn:portfolio',
		'samsyn:initiative',
		'samsyn:backlog_release',
		'samsyn:delivery'
	);
	await afterLayouts(event);
	const { user, consortium, actor } = await inConsortium(event);
	// The supplier sees only what was published to it, a reviewer only its rounds; nothing internal is even queried.
	if (!can(actor, 'internal.read', { consortiumId: consortium.id }))
		return {
			view: can(actor, 'published.read', { consortiumId: consortium.id }) ? ('supplier' as const) : ('reviewer' as const),
			overview: null,
			attention: await attentionFor(actor, consortium.id)
		};
	const [overview, attention, activity] = await inOneTransaction(user, () =>
		Promise.all([getOverview(actor, consortium.id), attentionFor(actor, consortium.id), activityFor(actor, consortium.id)])
	);
	return { view: 'internal' as const, overview, attention, activity };
};
