import { redirect } from '@sveltejs/kit';
import { createStory } from '$lib/server/requirements/commands';
import { linkOptions, listStories } from '$lib/server/requirements/queries';
import { StoryFilters, StoryInput } from '$lib/server/requirements/schemas';
import { actionContext, commandFailure, notFoundOn, parseForm } from '$lib/server/actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { consortium } = await parent();
	const parsed = StoryFilters.safeParse(Object.fromEntries(url.searchParams));
	const filters = parsed.success ? parsed.data : StoryFilters.parse({});
	try {
		const [list, options] = await Promise.all([listStories(locals.user!, consortium.id, filters), linkOptions(locals.user!, consortium.id)]);
		const need = url.searchParams.get('need');
		return { list, needs: options.needs, filters, preset: { needIds: options.needs.some((n) => n.id === need) ? [need!] : [] } };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: async ({ locals, request, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		const input = await parseForm(request, StoryInput);
		if (!input.ok) return input.failure;
		let id: string;
		try {
			id = (await createStory(user, consortium.id, input.data)).id;
		} catch (e) {
			return commandFailure(e, input.values);
		}
		redirect(303, `/c/${params.slug}/stories/${id}`);
	}
};
