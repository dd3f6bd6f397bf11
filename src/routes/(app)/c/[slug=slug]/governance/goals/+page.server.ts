import { redirect } from '@sveltejs/kit';
import { createGoal } from '$lib/server/goals/commands';
import { listGoals } from '$lib/server/goals/queries';
import { GoalInput } from '$lib/server/goals/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:effect_goal', 'samsyn:initiative');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		return await listGoals(actor, consortium.id);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: formAction(GoalInput, async (input, { actor, consortium }) => {
		const goal = await createGoal(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/governance/goals/${goal.id}`);
	})
};
