import { portfolioCandidates } from '$lib/server/portfolio/queries';
import { notFoundOn } from '$lib/server/form-action';
import { asReader } from '$lib/server/request-context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:portfolio');
	await event.parent();
	const { consortium, actor } = await asReader(event);
	try {
		return { candidates: await portfolioCandidates(actor, consortium.id) };
	} catch (e) {
		notFoundOn(e);
	}
};
