import { redirect } from '@sveltejs/kit';
import { createRound } from '$lib/server/prioritisation/commands';
import { listRounds, roundItemOptions } from '$lib/server/prioritisation/queries';
import { RoundInput } from '$lib/server/prioritisation/schemas';
import { inOneTransaction } from '$lib/server/db/request';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { can } from '$lib/server/policy';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:priority_round');
	await afterLayouts(event);
	const { user, consortium, actor } = await asReader(event);
	try {
		const manage = can(actor, 'priorities.manage', { consortiumId: consortium.id });
		const [list, options] = await inOneTransaction(user, () =>
			Promise.all([listRounds(actor, consortium.id), manage ? roundItemOptions(actor, consortium.id) : Promise.resolve(null)])
		);
		return { ...list, options };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: formAction(RoundInput, async (input, { actor, consortium }) => {
		const round = await createRound(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/prioritisation/${round.id}`);
	})
};
