import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { deleteNeed, joinNeed, leaveNeed, needValues, updateNeed } from '$lib/server/requirements/commands';
import { getNeed, linkOptions } from '$lib/server/requirements/queries';
import { UpdateNeedInput } from '$lib/server/requirements/schemas';
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
				getNeed(actor, consortium.id, event.params.id),
				linkOptions(actor, consortium.id),
				listComments(actor, consortium.id, 'need', event.params.id)
			])
		);
		return {
			...detail,
			organisations: options.organisations,
			comments,
			values: needValues(detail.need),
			impact: await impactFlagsOn(actor, consortium.id, 'need', event.params.id)
		};
	} catch (e) {
		notFoundOn(e);
	}
};

const Join = z.object({ comment: z.string().trim().max(2000, 'too_long').optional().default('') });

export const actions: Actions = {
	clearImpact: clearImpactAction,
	save: formAction(UpdateNeedInput, async (input, { actor, consortium }) => {
		await updateNeed(actor, consortium.id, input);
	}),
	join: formAction(Join, async (input, { actor, consortium, event }) => {
		await joinNeed(actor, consortium.id, { needId: event.params.id!, comment: input.comment });
	}),
	leave: formAction(z.object({}), async (_input, { actor, consortium, event }) => {
		await leaveNeed(actor, consortium.id, event.params.id!);
	}),
	delete: formAction(z.object({}), async (_input, { actor, consortium, event }) => {
		await deleteNeed(actor, consortium.id, event.params.id!);
		redirect(303, `/c/${consortium.slug}/needs`);
	}),
	...commentActions('need')
};
