import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { deleteRequirement, requirementValues, updateRequirement } from '$lib/server/requirements/commands';
import { getRequirement, linkOptions } from '$lib/server/requirements/queries';
import { UpdateRequirementInput, VerdictInput, VersionedId } from '$lib/server/requirements/schemas';
import { recordVerdict, returnToDraft, submitForReview, withdrawRequirement } from '$lib/server/requirements/workflow';
import { listComments } from '$lib/server/comments/commands';
import { commentActions } from '$lib/server/comments/actions';
import { attachmentActions } from '$lib/server/attachments/actions';
import { listAttachments } from '$lib/server/attachments/queries';
import { dismissFinding, restoreFinding } from '$lib/server/quality/commands';
import { qualityOf } from '$lib/server/quality/queries';
import { DismissInput, RestoreInput } from '$lib/server/quality/schemas';
import { goalsServedBy } from '$lib/server/goals/queries';
import { impactSummary } from '$lib/server/impact/queries';
import { inOneTransaction } from '$lib/server/db/request';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:effect_goal');
	await afterLayouts(event);
	const { user, consortium, actor } = await asReader(event);
	try {
		const [detail, options, comments, attachments, goals, quality, impact] = await inOneTransaction(user, () =>
			Promise.all([
				getRequirement(actor, consortium.id, event.params.id),
				linkOptions(actor, consortium.id),
				listComments(actor, consortium.id, 'requirement', event.params.id),
				listAttachments(actor, consortium.id, { kind: 'requirement', id: event.params.id }),
				goalsServedBy(actor, consortium.id, event.params.id),
				qualityOf(actor, consortium.id, event.params.id),
				impactSummary(actor, consortium.id, event.params.id)
			])
		);
		const values = requirementValues(detail.requirement, {
			storyIds: detail.stories.map((s) => s.id),
			needIds: detail.needs.map((n) => n.id),
			localOrganisationIds: detail.localOrganisations.map((o) => o.id)
		});
		return { ...detail, options, comments, attachments, values, goals, quality, impact };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	save: formAction(UpdateRequirementInput, async (input, { actor, consortium, event }) => {
		const saved = await updateRequirement(actor, consortium.id, input);
		if (saved.id !== event.params.id) redirect(303, `/c/${consortium.slug}/requirements/${saved.id}`);
	}),
	submit: formAction(VersionedId, async (input, { actor, consortium }) => {
		await submitForReview(actor, consortium.id, input.id, input.version);
	}),
	return: formAction(VersionedId, async (input, { actor, consortium }) => {
		await returnToDraft(actor, consortium.id, input.id, input.version);
	}),
	withdraw: formAction(VersionedId, async (input, { actor, consortium }) => {
		await withdrawRequirement(actor, consortium.id, input.id, input.version);
	}),
	delete: formAction(z.object({ id: z.uuid() }), async (input, { actor, consortium }) => {
		await deleteRequirement(actor, consortium.id, input.id);
		redirect(303, `/c/${consortium.slug}/requirements`);
	}),
	verdict: formAction(VerdictInput, async (input, { actor, consortium }) => {
		const outcome = await recordVerdict(actor, consortium.id, input);
		return { verdict: input.verdict, status: outcome.status };
	}),
	dismiss: formAction(DismissInput, async (input, { actor, consortium }) => {
		await dismissFinding(actor, consortium.id, input);
	}),
	restore: formAction(RestoreInput, async (input, { actor, consortium }) => {
		await restoreFinding(actor, consortium.id, input);
	}),
	...commentActions('requirement'),
	...attachmentActions('requirement')
};
