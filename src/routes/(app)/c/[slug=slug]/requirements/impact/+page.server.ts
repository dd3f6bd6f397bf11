import { clearImpactAction } from '$lib/server/impact/actions';
import { listOpenImpactFlags } from '$lib/server/impact/queries';
import { notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

/** The consortium's open impact flags, to review and clear one by one. */
export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:impact_flag');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		return await listOpenImpactFlags(actor, consortium.id);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	clearImpact: clearImpactAction
};
