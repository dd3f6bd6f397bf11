import { redirect } from '@sveltejs/kit';
import { createRequirement } from '$lib/server/requirements/commands';
import { linkOptions } from '$lib/server/requirements/queries';
import { RequirementInput } from '$lib/server/requirements/schemas';
import { formAction } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	const options = await linkOptions(actor, consortium.id);
	const story = event.url.searchParams.get('story');
	const need = event.url.searchParams.get('need');
	return {
		options,
		preset: {
			storyIds: options.stories.some((s) => s.id === story) ? [story!] : [],
			needIds: options.needs.some((n) => n.id === need) ? [need!] : []
		}
	};
};

export const actions: Actions = {
	default: formAction(RequirementInput, async (input, { actor, consortium }) => {
		const requirement = await createRequirement(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/requirements/${requirement.id}`);
	})
};
