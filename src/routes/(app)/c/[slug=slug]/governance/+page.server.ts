import { governanceOverview } from '$lib/server/agenda/queries';
import { notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { PageServerLoad } from './$types';

/** The governance area: risks, status reports, budget, effect goals, and the steering group's next agenda. */
export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:risk', 'samsyn:meeting', 'samsyn:decision_item', 'samsyn:initiative', 'samsyn:question', 'samsyn:status_report', 'samsyn:budget');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		return await governanceOverview(actor, consortium.id);
	} catch (e) {
		notFoundOn(e);
	}
};
