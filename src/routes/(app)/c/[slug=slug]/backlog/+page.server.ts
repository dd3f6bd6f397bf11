import { redirect } from '@sveltejs/kit';
import { createBacklog } from '$lib/server/backlog/commands';
import { backlogOverview } from '$lib/server/backlog/queries';
import { BacklogInput } from '$lib/server/backlog/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:backlog', 'samsyn:backlog_release', 'samsyn:priority_round');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		return await backlogOverview(actor, consortium.id);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: formAction(BacklogInput, async (input, { actor, consortium }) => {
		const backlog = await createBacklog(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/backlog/${backlog.id}`);
	})
};
