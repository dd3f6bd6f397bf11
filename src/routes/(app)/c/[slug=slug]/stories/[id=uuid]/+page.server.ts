import { redirect } from '@sveltejs/kit';
import { deleteStory, storyValues, updateStory } from '$lib/server/requirements/commands';
import { getStory, linkOptions } from '$lib/server/requirements/queries';
import { UpdateStoryInput } from '$lib/server/requirements/schemas';
import { listComments } from '$lib/server/comments/commands';
import { commentActions } from '$lib/server/comments/actions';
import { actionContext, commandFailure, notFoundOn, parseForm } from '$lib/server/actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, params }) => {
	const { consortium } = await parent();
	try {
		const [detail, options, comments] = await Promise.all([
			getStory(locals.user!, consortium.id, params.id),
			linkOptions(locals.user!, consortium.id),
			listComments(locals.user!, consortium.id, 'story', params.id)
		]);
		const values = storyValues(
			detail.story,
			detail.needs.map((n) => n.id)
		);
		return { ...detail, needOptions: options.needs, comments, values, userId: locals.user!.id };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	save: async ({ locals, request, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		const input = await parseForm(request, UpdateStoryInput);
		if (!input.ok) return input.failure;
		try {
			await updateStory(user, consortium.id, input.data);
		} catch (e) {
			return commandFailure(e, input.values);
		}
		return { saved: true };
	},
	delete: async ({ locals, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		try {
			await deleteStory(user, consortium.id, params.id);
		} catch (e) {
			return commandFailure(e, {});
		}
		redirect(303, `/c/${params.slug}/stories`);
	},
	...commentActions('story')
};
