import { redirect } from '@sveltejs/kit';
import { createNeed } from '$lib/server/requirements/commands';
import { linkOptions, listNeeds } from '$lib/server/requirements/queries';
import { NeedFilters, NeedInput } from '$lib/server/requirements/schemas';
import { inOneTransaction } from '$lib/server/db/request';
import { fieldErrors, formAction } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:need');
	await afterLayouts(event);
	const { user, consortium, actor } = await asReader(event);
	const parsed = NeedFilters.safeParse(Object.fromEntries(event.url.searchParams));
	const filters = parsed.success ? parsed.data : NeedFilters.parse({});
	const [list, options] = await inOneTransaction(user, () => Promise.all([listNeeds(actor, consortium.id, filters), linkOptions(actor, consortium.id)]));
	return { list, organisations: options.organisations, filters, filterErrors: parsed.success ? {} : fieldErrors(parsed.error, NeedFilters) };
};

export const actions: Actions = {
	create: formAction(NeedInput, async (input, { actor, consortium }) => {
		const need = await createNeed(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/needs/${need.id}`);
	})
};
