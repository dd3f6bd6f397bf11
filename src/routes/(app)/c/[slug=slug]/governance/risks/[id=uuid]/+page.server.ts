import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/components/dates';
import { riskBandLabel } from '$lib/risk-labels';
import { renderChart } from '$lib/server/charts/render';
import { addRiskAction, assessRisk, raiseRiskAsDecision, removeRiskAction, setRiskActionDone, updateRisk } from '$lib/server/risks/commands';
import { z } from 'zod';
import { redirect } from '@sveltejs/kit';
import { riskPage } from '$lib/server/risks/queries';
import { ActionDoneInput, ActionInput, ActionRef, AssessmentInput, RiskUpdate } from '$lib/server/risks/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

/** One risk: what it says, its assessments with their trend, its actions, and the meetings that had it. */
export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:risk:${event.params.id}`, 'samsyn:risk', 'samsyn:meeting');
	await event.parent();
	const { consortium, actor } = await asReader(event);
	try {
		const page = await riskPage(actor, consortium.id, event.params.id);
		const { assessments, limits, risk } = page;
		const dates = assessments.map((a) => formatDate(a.assessedAt));
		const trend = {
			svg: renderChart({
				kind: 'line',
				categories: dates,
				series: [{ name: m.risks_trend_series(), values: assessments.map((a) => a.score) }],
				yMin: 0,
				yMax: 25,
				bands: [{ from: limits.highFrom, to: 25, label: m.risks_band_high() }],
				height: 240
			}),
			summary: m.risks_trend_summary({
				number: String(risk.number),
				count: String(assessments.length),
				first: String(assessments[0]?.score ?? risk.score),
				last: String(assessments.at(-1)?.score ?? risk.score)
			}),
			columns: [m.risks_col_date(), m.risks_col_s(), m.risks_col_k(), m.risks_col_r(), m.risks_col_band(), m.risks_col_by(), m.risks_col_note()],
			rows: assessments.map((a, i) => [dates[i]!, a.probability, a.impact, a.score, riskBandLabel(a.band), a.by, a.note])
		};
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
