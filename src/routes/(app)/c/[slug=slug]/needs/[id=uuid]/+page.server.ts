import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { deleteNeed, joinNeed, leaveNeed, needValues, updateNeed } from '$lib/server/requirements/commands';
import { getNeed, linkOptions } from '$lib/server/requirements/queries';
import { UpdateNeedInput } from '$lib/server/requirements/schemas';
import { listComments } from '$lib/server/comments/commands';
import { commentActions } from '$lib/server/comments/actions';
import { actionContext, commandFailure, notFoundOn, parseForm } from '$lib/server/actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, params }) => {
	const { consortium } = await parent();
	try {
		const [detail, options, comments] = await Promise.all([
			getNeed(locals.user!, consortium.id, params.id),
			linkOptions(locals.user!, consortium.id),
			listComments(locals.user!, consortium.id, 'need', params.id)
		]);
		const values = needValues(detail.need);
		return { ...detail, organisations: options.organisations, comments, values, userId: locals.user!.id };
	} catch (e) {
		notFoundOn(e);
	}
};

const Comment = z.object({ comment: z.string().trim().max(2000, 'too_long').optional().default('') });

export const actions: Actions = {
	save: async ({ locals, request, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		const input = await parseForm(request, UpdateNeedInput);
		if (!input.ok) return input.failure;
		try {
			await updateNeed(user, consortium.id, input.data);
		} catch (e) {
			return commandFailure(e, input.values);
		}
		return { saved: true };
	},
	join: async ({ locals, request, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		const input = await parseForm(request, Comment);
		if (!input.ok) return input.failure;
		try {
			await joinNeed(user, consortium.id, { needId: params.id, comment: input.data.comment });
		} catch (e) {
			return commandFailure(e, input.values);
		}
		return { joined: true };
	},
	leave: async ({ locals, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		try {
			await leaveNeed(user, consortium.id, params.id);
		} catch (e) {
			return commandFailure(e, {});
		}
		return { left: true };
	},
	delete: async ({ locals, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		try {
			await deleteNeed(user, consortium.id, params.id);
		} catch (e) {
			return commandFailure(e, {});
		}
		redirect(303, `/c/${params.slug}/needs`);
	},
	...commentActions('need')
};
