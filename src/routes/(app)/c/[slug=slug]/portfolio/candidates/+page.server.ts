import { portfolioCandidates } from '$lib/server/portfolio/queries';
import { initiativesByTechnology } from '$lib/server/roadmap/queries';
import { notFoundOn } from '$lib/server/form-action';
import { asReader } from '$lib/server/request-context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:portfolio', 'samsyn:initiative');
	await event.parent();
	const { consortium, actor } = await asReader(event);
	try {
		return { candidates: await portfolioCandidates(actor, consortium.id), initiatives: await initiativesByTechnology(actor, consortium.id) };
	} catch (e) {
		notFoundOn(e);
	}
};
