import { listRequirements, linkOptions } from '$lib/server/requirements/queries';
import { RequirementFilters } from '$lib/server/requirements/schemas';
import { inOneTransaction } from '$lib/server/db/request';
import { fieldErrors } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:requirement', 'samsyn:quality');
	await afterLayouts(event);
	const { user, consortium, actor } = await asReader(event);
	const parsed = RequirementFilters.safeParse(Object.fromEntries(event.url.searchParams));
	const filters = parsed.success ? parsed.data : RequirementFilters.parse({});
	const [list, options] = await inOneTransaction(user, () => Promise.all([listRequirements(actor, consortium.id, filters), linkOptions(actor, consortium.id)]));
	return { list, options, filters, filterErrors: parsed.success ? {} : fieldErrors(parsed.error, RequirementFilters) };
};
