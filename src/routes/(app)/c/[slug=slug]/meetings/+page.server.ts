import { redirect } from '@sveltejs/kit';
import { createMeeting } from '$lib/server/meetings/commands';
import { listMeetings } from '$lib/server/meetings/queries';
import { MeetingInput } from '$lib/server/meetings/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:meeting');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		return await listMeetings(actor, consortium.id);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: formAction(MeetingInput, async (input, { actor, consortium }) => {
		const meeting = await createMeeting(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/meetings/${meeting.id}`);
	})
};
