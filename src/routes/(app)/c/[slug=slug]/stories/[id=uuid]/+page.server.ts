import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { deleteStory, storyValues, updateStory } from '$lib/server/requirements/commands';
import { getStory, linkOptions } from '$lib/server/requirements/queries';
import { UpdateStoryInput } from '$lib/server/requirements/schemas';
import { listComments } from '$lib/server/comments/commands';
import { commentActions } from '$lib/server/comments/actions';
import { inOneTransaction } from '$lib/server/db/request';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';
import { clearImpactAction } from '$lib/server/impact/actions';
import { impactFlagsOn } from '$lib/server/impact/queries';

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`);
	event.depends('samsyn:impact_flag');
	await afterLayouts(event);
	const { user, consortium, actor } = await asReader(event);
	try {
		const [detail, options, comments] = await inOneTransaction(user, () =>
			Promise.all([
				getStory(actor, consortium.id, event.params.id),
				linkOptions(actor, consortium.id),
				listComments(actor, consortium.id, 'story', event.params.id)
			])
		);
		const values = storyValues(
			detail.story,
			detail.needs.map((n) => n.id)
		);
		return { ...detail, needOptions: options.needs, comments, values, impact: await impactFlagsOn(actor, consortium.id, 'story', event.params.id) };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	clearImpact: clearImpactAction,
	save: formAction(UpdateStoryInput, async (input, { actor, consortium }) => {
		await updateStory(actor, consortium.id, input);
	}),
	delete: formAction(z.object({}), async (_input, { actor, consortium, event }) => {
		await deleteStory(actor, consortium.id, event.params.id!);
		redirect(303, `/c/${consortium.slug}/stories`);
	}),
	...commentActions('story')
};
