import { redirect } from '@sveltejs/kit';
import { createDecisionItem } from '$lib/server/decisions/commands';
import { decisionLinkOptions, listDecisionItems } from '$lib/server/decisions/queries';
import { DecisionItemInput } from '$lib/server/decisions/schemas';
import { inOneTransaction } from '$lib/server/db/request';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:decision_item');
	await afterLayouts(event);
	const { user, consortium, actor } = await asReader(event);
	try {
		const [list, options] = await inOneTransaction(user, () =>
			Promise.all([listDecisionItems(actor, consortium.id), decisionLinkOptions(actor, consortium.id)])
		);
		return { ...list, options };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: formAction(DecisionItemInput, async (input, { actor, consortium }) => {
		const item = await createDecisionItem(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/decisions/${item.id}`);
	})
};
