import { addRiskAction, assessRisk, raiseRiskAsDecision, removeRiskAction, setRiskActionDone, updateRisk } from '$lib/server/risks/commands';
import { z } from 'zod';
import { redirect } from '@sveltejs/kit';
import { riskTrendChart } from '$lib/server/risks/chart';
import { riskPage } from '$lib/server/risks/queries';
import { ActionDoneInput, ActionInput, ActionRef, AssessmentInput, RiskUpdate } from '$lib/server/risks/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

/** One risk: what it says, its assessments with their trend, its actions, and the meetings that had it. */
export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:risk:${event.params.id}`, 'samsyn:risk', 'samsyn:meeting');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		const page = await riskPage(actor, consortium.id, event.params.id);
		const trend = riskTrendChart(page.risk, page.assessments, page.limits);
		return { ...page, trend };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	update: formAction(RiskUpdate, async (input, { actor, consortium, event }) => {
		await updateRisk(actor, consortium.id, event.params.id!, input);
		return { done: 'saved' };
	}),
	assess: formAction(AssessmentInput, async (input, { actor, consortium, event }) => {
		const risk = await assessRisk(actor, consortium.id, event.params.id!, input);
		return { score: risk.score };
	}),
	addAction: formAction(ActionInput, async (input, { actor, consortium, event }) => {
		await addRiskAction(actor, consortium.id, event.params.id!, input);
		return { done: 'added' };
	}),
	actionDone: formAction(ActionDoneInput, async (input, { actor, consortium, event }) => {
		await setRiskActionDone(actor, consortium.id, event.params.id!, input);
		return { done: 'updated' };
	}),
	raiseDecision: formAction(z.object({}), async (_input, { actor, consortium, event }) => {
		const item = await raiseRiskAsDecision(actor, consortium.id, event.params.id!);
		redirect(303, `/c/${consortium.slug}/decisions/${item.id}`);
	}),
	removeAction: formAction(ActionRef, async (input, { actor, consortium, event }) => {
		await removeRiskAction(actor, consortium.id, event.params.id!, input);
		return { done: 'removed' };
	})
};
