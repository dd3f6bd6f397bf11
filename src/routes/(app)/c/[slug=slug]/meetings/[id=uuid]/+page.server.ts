import { z } from 'zod';
import {
	addAgendaItem,
	approveMinutes,
	editMeeting,
	moveAgendaItem,
	recordFromMeeting,
	removeAgendaItem,
	setAdjusters,
	setAttendance,
	startMinutes
} from '$lib/server/meetings/commands';
import { meetingDetail } from '$lib/server/meetings/queries';
import {
	AdjustersInput,
	AgendaItemInput,
	AttendanceInput,
	MeetingDetailsInput,
	MoveAgendaItemInput,
	RecordFromMeetingInput
} from '$lib/server/meetings/schemas';
import { plainTextToHtml } from '$lib/server/requirements/text';
import { attachmentActions } from '$lib/server/attachments/actions';
import { listAttachments } from '$lib/server/attachments/queries';
import { inOneTransaction } from '$lib/server/db/request';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:meeting');
	await afterLayouts(event);
	const { user, consortium, actor } = await inConsortium(event);
	try {
		const [detail, attachments] = await inOneTransaction(user, () =>
			Promise.all([meetingDetail(actor, consortium.id, event.params.id), listAttachments(actor, consortium.id, { kind: 'meeting', id: event.params.id })])
		);
		if (!detail.internal) return { ...detail, attachments };
		return { ...detail, attachments, agenda: detail.agenda.map((item) => ({ ...item, html: plainTextToHtml(item.text ?? '') })) };
	} catch (e) {
		notFoundOn(e);
	}
};

const Nothing = z.object({});

export const actions: Actions = {
	...attachmentActions('meeting'),
	edit: formAction(MeetingDetailsInput, async (input, { actor, consortium, event }) => {
		await editMeeting(actor, consortium.id, event.params.id!, input);
	}),
	move: formAction(MoveAgendaItemInput, async (input, { actor, consortium, event }) => {
		return { position: await moveAgendaItem(actor, consortium.id, event.params.id!, input) };
	}),
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
	record: formAction(RecordFromMeetingInput, async (input, { actor, consortium, event }) => {
		const entry = await recordFromMeeting(actor, consortium.id, event.params.id!, input);
		return { number: entry.number };
	}),
	approve: formAction(Nothing, async (_input, { actor, consortium, event }) => {
		await approveMinutes(actor, consortium.id, event.params.id!);
	})
};
