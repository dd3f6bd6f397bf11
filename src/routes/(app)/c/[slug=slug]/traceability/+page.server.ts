import { traceability } from '$lib/server/requirements/queries';
import { notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:need', 'samsyn:story', 'samsyn:requirement');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		return { trace: await traceability(actor, consortium.id) };
	} catch (e) {
		notFoundOn(e);
	}
};
