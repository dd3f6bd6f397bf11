import { redirect } from '@sveltejs/kit';
import { createNeed } from '$lib/server/requirements/commands';
import { linkOptions, listNeeds } from '$lib/server/requirements/queries';
import { NeedFilters, NeedInput } from '$lib/server/requirements/schemas';
import { actionContext, commandFailure, notFoundOn, parseForm } from '$lib/server/actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { consortium } = await parent();
	const parsed = NeedFilters.safeParse(Object.fromEntries(url.searchParams));
	const filters = parsed.success ? parsed.data : NeedFilters.parse({});
	try {
		const [list, options] = await Promise.all([listNeeds(locals.user!, consortium.id, filters), linkOptions(locals.user!, consortium.id)]);
		return { list, organisations: options.organisations, filters };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: async ({ locals, request, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		const input = await parseForm(request, NeedInput);
		if (!input.ok) return input.failure;
		let id: string;
		try {
			id = (await createNeed(user, consortium.id, input.data)).id;
		} catch (e) {
			return commandFailure(e, input.values);
		}
		redirect(303, `/c/${params.slug}/needs/${id}`);
	}
};
