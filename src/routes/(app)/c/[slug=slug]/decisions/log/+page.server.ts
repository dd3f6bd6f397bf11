import { z } from 'zod';
import { acknowledgeDecision } from '$lib/server/decisions/commands';
import { decisionLog, verifyDecisionLog } from '$lib/server/decisions/queries';
import { LogFilterInput } from '$lib/server/decisions/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:decision_item', 'samsyn:decision');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	const parsed = LogFilterInput.safeParse(Object.fromEntries(event.url.searchParams));
	const filter = parsed.success ? parsed.data : {};
	try {
		return { ...(await decisionLog(actor, consortium.id, filter)), filter };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	verify: formAction(z.object({}), async (_input, { actor, consortium }) => {
		const verdict = await verifyDecisionLog(actor, consortium.id);
		return verdict.ok ? { ok_chain: true, entries: verdict.entries } : { ok_chain: false, entries: verdict.entries, broken: verdict.brokenNumber };
	}),
	acknowledge: formAction(
		z.object({ decisionId: z.uuid({ message: 'invalid' }) }),
		async (input, { actor, consortium }) => {
			await acknowledgeDecision(actor, consortium.id, input.decisionId);
		},
		{ visibleTo: 'published.read' }
	)
};
