import { z } from 'zod';
import { acknowledgeRelease, judgeDelivery, reportDelivery } from '$lib/server/backlog/commands';
import { releaseDetail } from '$lib/server/backlog/queries';
import { gatesOfRelease, presentRelease } from '$lib/server/backlog/gates';
import { AcceptanceInput, DeliveryInput, PresentReleaseInput } from '$lib/server/backlog/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { inOneTransaction } from '$lib/server/db/request';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';
import { clearImpactAction } from '$lib/server/impact/actions';
import { impactFlagsOn } from '$lib/server/impact/queries';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:backlog_release', 'samsyn:delivery', 'samsyn:decision_item');
	event.depends('samsyn:impact_flag');
	await afterLayouts(event);
	const { user, consortium, actor } = await inConsortium(event);
	try {
		// One transaction for the page: the release first, then its flags and gates together.
		return await inOneTransaction(user, async () => {
			const detail = await releaseDetail(actor, consortium.id, Number(event.params.number));
			const [impact, gates] = await Promise.all([
				impactFlagsOn(actor, consortium.id, 'release', detail.release.id),
				gatesOfRelease(actor, consortium.id, detail.release.id)
			]);
			return { ...detail, impact, gates };
		});
	} catch (e) {
		notFoundOn(e);
	}
};

const Item = z.object({ backlogItemId: z.uuid({ message: 'invalid' }) });

export const actions: Actions = {
	clearImpact: clearImpactAction,
	acknowledge: formAction(
		z.object({}),
		async (_input, { actor, consortium, event }) => {
			await acknowledgeRelease(actor, consortium.id, Number(event.params.number));
			return { done: 'acknowledged' };
		},
		{ visibleTo: 'published.read' }
	),
	report: formAction(
		DeliveryInput.and(Item),
		async (input, { actor, consortium }) => {
			await reportDelivery(actor, consortium.id, input.backlogItemId, input);
			return { status: input.status };
		},
		{ visibleTo: 'published.read' }
	),
	judge: formAction(AcceptanceInput.and(Item), async (input, { actor, consortium }) => {
		await judgeDelivery(actor, consortium.id, input.backlogItemId, input);
		return { verdict: input.verdict };
	}),
	present: formAction(PresentReleaseInput, async (input, { actor, consortium, event }) => {
		const gate = await presentRelease(actor, consortium.id, Number(event.params.number), input);
		return { decisionItemId: gate.decisionItemId };
	})
};
