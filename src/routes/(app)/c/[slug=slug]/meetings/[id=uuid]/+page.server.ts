import { z } from 'zod';
import {
	addAgendaItem,
	approveMinutes,
	recordFromMeeting,
	removeAgendaItem,
	setAdjusters,
	setAttendance,
	startMinutes,
	writeParagraph
} from '$lib/server/meetings/commands';
import { meetingDetail } from '$lib/server/meetings/queries';
import { AdjustersInput, AgendaItemInput, AttendanceInput, ParagraphInput, RecordFromMeetingInput } from '$lib/server/meetings/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:meeting');
	await event.parent();
	const { consortium, actor } = await inConsortium(event);
	try {
		return await meetingDetail(actor, consortium.id, event.params.id);
	} catch (e) {
		notFoundOn(e);
	}
};

const Nothing = z.object({});

export const actions: Actions = {
	agenda: formAction(AgendaItemInput, async (input, { actor, consortium, event }) => {
		await addAgendaItem(actor, consortium.id, event.params.id!, input);
	}),
	removeAgenda: formAction(z.object({ agendaItemId: z.uuid({ message: 'invalid' }) }), async (input, { actor, consortium, event }) => {
		await removeAgendaItem(actor, consortium.id, event.params.id!, input.agendaItemId);
	}),
	attendance: formAction(AttendanceInput, async (input, { actor, consortium, event }) => {
		await setAttendance(actor, consortium.id, event.params.id!, input);
	}),
	adjusters: formAction(AdjustersInput, async (input, { actor, consortium, event }) => {
		await setAdjusters(actor, consortium.id, event.params.id!, input);
	}),
	start: formAction(Nothing, async (_input, { actor, consortium, event }) => {
		await startMinutes(actor, consortium.id, event.params.id!);
	}),
	paragraph: formAction(ParagraphInput, async (input, { actor, consortium, event }) => {
		await writeParagraph(actor, consortium.id, event.params.id!, input);
	}),
	record: formAction(RecordFromMeetingInput, async (input, { actor, consortium, event }) => {
		const entry = await recordFromMeeting(actor, consortium.id, event.params.id!, input);
		return { number: entry.number };
	}),
	approve: formAction(Nothing, async (_input, { actor, consortium, event }) => {
		await approveMinutes(actor, consortium.id, event.params.id!);
	})
};
