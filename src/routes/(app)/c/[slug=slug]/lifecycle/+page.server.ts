import { lifecycleActions } from '$lib/server/lifecycle/actions';
import { lifecycleOf } from '$lib/server/lifecycle/queries';
import { notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

/** The consortium's own procurement lifecycle: the checklist of a procurement that has no initiative (yet). */
export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:lifecycle', 'samsyn:decision_item', 'samsyn:document');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		return { procurement: await lifecycleOf(actor, consortium.id, null) };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = lifecycleActions(() => null);
