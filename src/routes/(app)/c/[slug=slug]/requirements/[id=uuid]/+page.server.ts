import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { deleteRequirement, requirementValues, updateRequirement } from '$lib/server/requirements/commands';
import { getRequirement, linkOptions } from '$lib/server/requirements/queries';
import { UpdateRequirementInput, VerdictInput, VersionedId } from '$lib/server/requirements/schemas';
import { recordVerdict, returnToDraft, submitForReview, withdrawRequirement } from '$lib/server/requirements/workflow';
import { listComments } from '$lib/server/comments/commands';
import { commentActions } from '$lib/server/comments/actions';
import { actionContext, commandFailure, notFoundOn, parseForm } from '$lib/server/actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, params }) => {
	const { consortium } = await parent();
	try {
		const [detail, options, comments] = await Promise.all([
			getRequirement(locals.user!, consortium.id, params.id),
			linkOptions(locals.user!, consortium.id),
			listComments(locals.user!, consortium.id, 'requirement', params.id)
		]);
		const values = requirementValues(detail.requirement, {
			storyIds: detail.stories.map((s) => s.id),
			needIds: detail.needs.map((n) => n.id),
			localOrganisationIds: detail.localOrganisations.map((o) => o.id)
		});
		return { ...detail, options, comments, values, userId: locals.user!.id };
	} catch (e) {
		notFoundOn(e);
	}
};

const IdOnly = z.object({ id: z.uuid({ message: 'invalid' }) });

/** Runs a workflow step given the posted id and version. */
async function step(
	locals: App.Locals,
	request: Request,
	slug: string,
	run: (user: NonNullable<App.Locals['user']>, consortiumId: string, id: string, version: number) => Promise<unknown>
) {
	const { user, consortium } = await actionContext(locals.user, slug);
	const input = await parseForm(request, VersionedId);
	if (!input.ok) return input.failure;
	try {
		await run(user, consortium.id, input.data.id, input.data.version);
	} catch (e) {
		return commandFailure(e, input.values);
	}
	return { done: true };
}

export const actions: Actions = {
	save: async ({ locals, request, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		const input = await parseForm(request, UpdateRequirementInput);
		if (!input.ok) return input.failure;
		let savedId: string;
		try {
			savedId = (await updateRequirement(user, consortium.id, input.data)).id;
		} catch (e) {
			return commandFailure(e, input.values);
		}
		if (savedId !== params.id) redirect(303, `/c/${params.slug}/requirements/${savedId}`);
		return { saved: true };
	},
	submit: ({ locals, request, params }) => step(locals, request, params.slug, submitForReview),
	return: ({ locals, request, params }) => step(locals, request, params.slug, returnToDraft),
	withdraw: ({ locals, request, params }) => step(locals, request, params.slug, withdrawRequirement),
	delete: async ({ locals, request, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		const input = await parseForm(request, IdOnly);
		if (!input.ok) return input.failure;
		try {
			await deleteRequirement(user, consortium.id, input.data.id);
		} catch (e) {
			return commandFailure(e, input.values);
		}
		redirect(303, `/c/${params.slug}/requirements`);
	},
	verdict: async ({ locals, request, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		const input = await parseForm(request, VerdictInput);
		if (!input.ok) return input.failure;
		try {
			await recordVerdict(user, consortium.id, input.data);
		} catch (e) {
			return commandFailure(e, input.values);
		}
		return { verdictSaved: true };
	},
	...commentActions('requirement')
};
