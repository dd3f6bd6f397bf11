import { candidatesPage } from '$lib/server/roadmap/queries';
import { CandidatesPage } from '$lib/server/portfolio/schemas';
import { notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:portfolio', 'samsyn:initiative');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	const page = CandidatesPage.parse(Object.fromEntries(event.url.searchParams));
	try {
		return await candidatesPage(actor, consortium.id, page);
	} catch (e) {
		notFoundOn(e);
	}
};
