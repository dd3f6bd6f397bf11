import { redirect } from '@sveltejs/kit';
import { createStory } from '$lib/server/requirements/commands';
import { linkOptions, listStories } from '$lib/server/requirements/queries';
import { StoryFilters, StoryInput } from '$lib/server/requirements/schemas';
import { inOneTransaction } from '$lib/server/db/request';
import { fieldErrors, formAction } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:story', 'samsyn:need');
	await afterLayouts(event);
	const { user, consortium, actor } = await asReader(event);
	const parsed = StoryFilters.safeParse(Object.fromEntries(event.url.searchParams));
	const filters = parsed.success ? parsed.data : StoryFilters.parse({});
	const [list, options] = await inOneTransaction(user, () => Promise.all([listStories(actor, consortium.id, filters), linkOptions(actor, consortium.id)]));
	const need = event.url.searchParams.get('need');
	return {
		list,
		needs: options.needs,
		filters,
		filterErrors: parsed.success ? {} : fieldErrors(parsed.error, StoryFilters),
		preset: { needIds: options.needs.some((n) => n.id === need) ? [need!] : [] }
	};
};

export const actions: Actions = {
	create: formAction(StoryInput, async (input, { actor, consortium }) => {
		const story = await createStory(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/stories/${story.id}`);
	})
};
