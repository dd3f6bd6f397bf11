import { z } from 'zod';
import { createApiToken, CreateTokenInput, listApiTokens, revokeApiToken } from '$lib/server/api/tokens';
import { actionContext, commandFailure, notFoundOn, parseForm } from '$lib/server/actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { consortium } = await parent();
	try {
		return { tokens: await listApiTokens(locals.user!, consortium.id) };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: async ({ locals, request, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		const input = await parseForm(request, CreateTokenInput);
		if (!input.ok) return input.failure;
		try {
			const created = await createApiToken(user, consortium.id, input.data.name);
			return { created: { token: created.token, name: input.data.name } };
		} catch (e) {
			return commandFailure(e, input.values);
		}
	},
	revoke: async ({ locals, request, params }) => {
		const { user, consortium } = await actionContext(locals.user, params.slug);
		const input = await parseForm(request, z.object({ id: z.uuid({ message: 'invalid' }) }));
		if (!input.ok) return input.failure;
		try {
			await revokeApiToken(user, consortium.id, input.data.id);
		} catch (e) {
			return commandFailure(e, input.values);
		}
		return { revoked: true };
	}
};
