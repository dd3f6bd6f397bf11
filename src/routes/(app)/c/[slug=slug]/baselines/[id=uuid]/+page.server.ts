import { getBaseline } from '$lib/server/baselines/queries';
import { notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		const { spec } = await getBaseline(actor, consortium.id, event.params.id);
		return { spec };
	} catch (e) {
		notFoundOn(e);
	}
};
