import { benefitsView } from '$lib/server/goals/queries';
import { BenefitsQuery } from '$lib/server/goals/schemas';
import { notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:effect_goal');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	const query = BenefitsQuery.parse({ organisation: event.url.searchParams.get('organisation') ?? undefined });
	try {
		return await benefitsView(actor, consortium.id, query.organisation);
	} catch (e) {
		notFoundOn(e);
	}
};
