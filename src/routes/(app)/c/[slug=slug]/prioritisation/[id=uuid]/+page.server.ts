import { z } from 'zod';
import { redirect } from '@sveltejs/kit';
import { closeRound, openRound, updateRound } from '$lib/server/prioritisation/commands';
import { roundDetail, roundItemOptions } from '$lib/server/prioritisation/queries';
import { UpdateRoundInput } from '$lib/server/prioritisation/schemas';
import { inOneTransaction } from '$lib/server/db/request';
import { stockholmDate } from '$lib/decisions/deadline';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';
import { clearImpactAction } from '$lib/server/impact/actions';
import { impactFlagsOn } from '$lib/server/impact/queries';

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:priority_round');
	event.depends('samsyn:impact_flag');
	await afterLayouts(event);
	const { user, consortium, actor } = await asReader(event);
	try {
		return await inOneTransaction(user, async () => {
			const detail = await roundDetail(actor, consortium.id, event.params.id);
			// A draft's admin edits it: the form needs what the round can rank.
			const options = detail.can.edit ? await roundItemOptions(actor, consortium.id) : null;
			const impact = await impactFlagsOn(actor, consortium.id, 'priority_round', event.params.id);
			return { ...detail, options, impact, deadlineDate: stockholmDate(detail.round.deadline) };
		});
	} catch (e) {
		notFoundOn(e);
	}
};

const Nothing = z.object({});

export const actions: Actions = {
	clearImpact: clearImpactAction,
	update: formAction(UpdateRoundInput, async (input, { actor, consortium, event }) => {
		await updateRound(actor, consortium.id, event.params.id!, input);
		redirect(303, `/c/${consortium.slug}/prioritisation/${event.params.id}`);
	}),
	open: formAction(Nothing, async (_input, { actor, consortium, event }) => {
		await openRound(actor, consortium.id, event.params.id!);
		return { done: 'opened' };
	}),
	close: formAction(Nothing, async (_input, { actor, consortium, event }) => {
		await closeRound(actor, consortium.id, event.params.id!);
		return { done: 'closed' };
	})
};
