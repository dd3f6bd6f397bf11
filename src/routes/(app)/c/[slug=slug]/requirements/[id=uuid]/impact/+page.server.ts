import { clearImpactAction } from '$lib/server/impact/actions';
import { impactOf } from '$lib/server/impact/queries';
import { notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

/** The impact view of one revision: what changed since the baseline and everything that depends on it, flagged or not yet. */
export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:impact_flag', 'samsyn:requirement');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		return { impact: await impactOf(actor, consortium.id, event.params.id) };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	clearImpact: clearImpactAction
};
