import { redirect } from '@sveltejs/kit';
import { createRequirement } from '$lib/server/requirements/commands';
import { linkOptions } from '$lib/server/requirements/queries';
import { RequirementInput } from '$lib/server/requirements/schemas';
import { actionContext, commandFailure, notFoundOn, parseForm } from '$lib/server/actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { consortium } = await parent();
	try {
		const options = await linkOptions(locals.user!, consortium.id);
		const story = url.searchParams.get('story');
		const need = url.searchParams.get('need');
		return {
			options,
			preset: {
				storyIds: options.stories.some((s) => s.id === story) ? [story!] : [],
				needIds: options.needs.some((n) => n.id === need) ? [need!] : []
			}
		};
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	default: async ({ locals, request, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		const input = await parseForm(request, RequirementInput);
		if (!input.ok) return input.failure;
		let id: string;
		try {
			id = (await createRequirement(user, consortium.id, input.data)).id;
		} catch (e) {
			return commandFailure(e, input.values);
		}
		redirect(303, `/c/${params.slug}/requirements/${id}`);
	}
};
