import { listRequirements, linkOptions } from '$lib/server/requirements/queries';
import { RequirementFilters } from '$lib/server/requirements/schemas';
import { fieldErrors } from '$lib/server/forms';
import { notFoundOn } from '$lib/server/actions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { consortium } = await parent();
	const parsed = RequirementFilters.safeParse(Object.fromEntries(url.searchParams));
	const filters = parsed.success ? parsed.data : RequirementFilters.parse({});
	try {
		const [list, options] = await Promise.all([listRequirements(locals.user!, consortium.id, filters), linkOptions(locals.user!, consortium.id)]);
		return { list, options, filters, filterErrors: parsed.success ? {} : fieldErrors(parsed.error) };
	} catch (e) {
		notFoundOn(e);
	}
};
