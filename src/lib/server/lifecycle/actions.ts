import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { formAction } from '../form-action';
import * as lifecycle from './commands';
import { ActivityInput, ActivityStatusInput, ActivityUpdate, KeyDatesInput } from './schemas';

const Lifecycle = z.object({ lifecycleId: z.uuid({ message: 'invalid' }) });

/**
 * The form actions of a page that shows a procurement lifecycle (`?/lifecycleStart`, `?/lifecycleAdd`,
 * `?/lifecycleActivity`, `?/lifecycleStatus`, `?/lifecycleDates`): an initiative's page, whose `[id]`
 * names the initiative, or the consortium's own lifecycle page (no initiative).
 */
export function lifecycleActions(initiativeOf: (event: RequestEvent) => string | null) {
	return {
		lifecycleStart: formAction(z.object({}), async (_input, { actor, consortium, event }) => {
			await lifecycle.startLifecycle(actor, consortium.id, initiativeOf(event));
			return { done: 'started' };
		}),
		lifecycleAdd: formAction(Lifecycle.extend(ActivityInput.shape), async (input, { actor, consortium }) => {
			const row = await lifecycle.addActivity(actor, consortium.id, input.lifecycleId, input);
			return { title: row.title };
		}),
		lifecycleActivity: formAction(Lifecycle.extend(ActivityUpdate.shape), async (input, { actor, consortium }) => {
			await lifecycle.updateActivity(actor, consortium.id, input.lifecycleId, input);
			return { done: 'saved' };
		}),
		lifecycleStatus: formAction(Lifecycle.extend(ActivityStatusInput.shape), async (input, { actor, consortium }) => {
			await lifecycle.setActivityStatus(actor, consortium.id, input.lifecycleId, input);
			return { status: input.status };
		}),
		lifecycleDates: formAction(Lifecycle.and(KeyDatesInput), async (input, { actor, consortium }) => {
			await lifecycle.setKeyDates(actor, consortium.id, input.lifecycleId, input);
			return { done: 'saved' };
		})
	};
}
