import { redirect } from '@sveltejs/kit';
import { createSteeringMeeting } from '$lib/server/agenda/commands';
import { agendaPreparation } from '$lib/server/agenda/queries';
import { SteeringMeetingInput } from '$lib/server/agenda/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

/** "Förbered styrgruppsmöte": the proposed agenda, and the form that creates the meeting with what the convenor keeps. */
export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:risk', 'samsyn:meeting', 'samsyn:decision_item', 'samsyn:initiative', 'samsyn:question', 'samsyn:status_report', 'samsyn:budget');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		return await agendaPreparation(actor, consortium.id);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: formAction(SteeringMeetingInput, async (input, { actor, consortium }) => {
		const meeting = await createSteeringMeeting(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/meetings/${meeting.id}`);
	})
};
