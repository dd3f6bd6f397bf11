import { z } from 'zod';
import {
	closeDecisionItem,
	communicateDecision,
	declareConflict,
	openDecisionItem,
	recordDecision,
	registerReservation,
	statePosition,
	withdrawDecisionItem
} from '$lib/server/decisions/commands';
import { decisionItemDetail } from '$lib/server/decisions/queries';
import { gateOfDecisionItem } from '$lib/server/roadmap/queries';
import { PositionInput, ReasonInput, RecordInput } from '$lib/server/decisions/schemas';
import { explainOutcome } from '$lib/decisions/explain';
import { plainTextToHtml } from '$lib/server/requirements/text';
import { attachmentActions } from '$lib/server/attachments/actions';
import { listAttachments } from '$lib/server/attachments/queries';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';
import { clearImpactAction } from '$lib/server/impact/actions';
import { impactFlagsOn } from '$lib/server/impact/queries';

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`);
	event.depends('samsyn:impact_flag');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		const detail = await decisionItemDetail(actor, consortium.id, event.params.id);
		const optionLabel = (id: string | null) => detail.options.find((o) => o.id === id)?.label ?? '';
		const gate = await gateOfDecisionItem(actor, consortium.id, event.params.id);
		const attachments = await listAttachments(actor, consortium.id, { kind: 'decision_item', id: event.params.id });
		return {
			...detail,
			gate,
			attachments,
			impact: await impactFlagsOn(actor, consortium.id, 'decision_item', event.params.id),
			backgroundHtml: plainTextToHtml(detail.item.background),
			explanation: explainOutcome(detail.tally, detail.rules, { optionLabel })
		};
	} catch (e) {
		notFoundOn(e);
	}
};

const Nothing = z.object({});

export const actions: Actions = {
	clearImpact: clearImpactAction,
	...attachmentActions('decision_item'),
	open: formAction(Nothing, async (_input, { actor, consortium, event }) => {
		await openDecisionItem(actor, consortium.id, event.params.id!);
		return { done: 'opened' };
	}),
	close: formAction(Nothing, async (_input, { actor, consortium, event }) => {
		const item = await closeDecisionItem(actor, consortium.id, event.params.id!);
		return { done: 'closed', result: item.result ?? '' };
	}),
	withdraw: formAction(Nothing, async (_input, { actor, consortium, event }) => {
		await withdrawDecisionItem(actor, consortium.id, event.params.id!);
		return { done: 'withdrawn' };
	}),
	position: formAction(PositionInput, async (input, { actor, consortium, event }) => {
		const row = await statePosition(actor, consortium.id, event.params.id!, input);
		return { stance: row.stance };
	}),
	conflict: formAction(ReasonInput, async (input, { actor, consortium, event }) => {
		await declareConflict(actor, consortium.id, event.params.id!, input.reason);
	}),
	reserve: formAction(ReasonInput, async (input, { actor, consortium, event }) => {
		await registerReservation(actor, consortium.id, event.params.id!, input.reason);
	}),
	record: formAction(RecordInput, async (input, { actor, consortium, event }) => {
		const entry = await recordDecision(actor, consortium.id, event.params.id!, input);
		return { number: entry.number };
	}),
	communicate: formAction(z.object({ decisionId: z.uuid({ message: 'invalid' }) }), async (input, { actor, consortium }) => {
		await communicateDecision(actor, consortium.id, input.decisionId);
	})
};
