import { getLocale } from '$lib/paraglide/runtime';
import { correctMeasurement, recordMeasurement, removeMeasurement, setGoalLinks, updateGoal } from '$lib/server/goals/commands';
import { goalPage } from '$lib/server/goals/queries';
import { GoalLinksInput, GoalUpdate, MeasurementInput, MeasurementRemoval, MeasurementUpdate } from '$lib/server/goals/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';
import { clearImpactAction } from '$lib/server/impact/actions';
import { impactFlagsOn } from '$lib/server/impact/queries';

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:initiative');
	event.depends('samsyn:impact_flag');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		return {
			...(await goalPage(actor, consortium.id, event.params.id, getLocale())),
			impact: await impactFlagsOn(actor, consortium.id, 'effect_goal', event.params.id)
		};
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	clearImpact: clearImpactAction,
	save: formAction(GoalUpdate, async (input, { actor, consortium, event }) => {
		await updateGoal(actor, consortium.id, event.params.id!, input);
		return { done: 'saved' };
	}),
	links: formAction(GoalLinksInput, async (input, { actor, consortium, event }) => {
		await setGoalLinks(actor, consortium.id, event.params.id!, input);
		return { done: 'linked' };
	}),
	record: formAction(MeasurementInput, async (input, { actor, consortium, event }) => {
		await recordMeasurement(actor, consortium.id, event.params.id!, input);
		return { done: 'recorded' };
	}),
	correct: formAction(MeasurementUpdate, async (input, { actor, consortium, event }) => {
		await correctMeasurement(actor, consortium.id, event.params.id!, input);
		return { done: 'corrected' };
	}),
	remove: formAction(MeasurementRemoval, async (input, { actor, consortium, event }) => {
		await removeMeasurement(actor, consortium.id, event.params.id!, input.measurementId);
		return { done: 'removed' };
	})
};
