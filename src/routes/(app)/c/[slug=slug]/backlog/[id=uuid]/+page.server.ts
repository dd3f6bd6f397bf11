import { lockScope, publishRelease, requestChange, savePlan, setLine } from '$lib/server/backlog/commands';
import { backlogDetail } from '$lib/server/backlog/queries';
import { ChangeRequestInput, LineInput, PlanInput, ReleaseInput, VersionInput } from '$lib/server/backlog/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';
import { clearImpactAction } from '$lib/server/impact/actions';
import { impactFlagsOnBacklog } from '$lib/server/impact/queries';

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:backlog', 'samsyn:backlog_release', 'samsyn:decision_item', 'samsyn:decision');
	event.depends('samsyn:impact_flag');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		return { ...(await backlogDetail(actor, consortium.id, event.params.id)), impact: await impactFlagsOnBacklog(actor, consortium.id, event.params.id) };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	clearImpact: clearImpactAction,
	plan: formAction(PlanInput, async (input, { actor, consortium, event }) => {
		await savePlan(actor, consortium.id, event.params.id!, input);
		return { done: 'planned' };
	}),
	line: formAction(LineInput, async (input, { actor, consortium, event }) => {
		const backlog = await setLine(actor, consortium.id, event.params.id!, input);
		return { line: backlog.line };
	}),
	lock: formAction(VersionInput, async (input, { actor, consortium, event }) => {
		await lockScope(actor, consortium.id, event.params.id!, input.version);
		return { done: 'locked' };
	}),
	change: formAction(ChangeRequestInput, async (input, { actor, consortium, event }) => {
		const change = await requestChange(actor, consortium.id, event.params.id!, input);
		return { number: change.number, decisionItemId: change.decisionItemId };
	}),
	publish: formAction(ReleaseInput, async (input, { actor, consortium, event }) => {
		const release = await publishRelease(actor, consortium.id, event.params.id!, input);
		return { number: release.number };
	})
};
