import { z } from 'zod';
import { createApiToken, CreateTokenInput, listApiTokens, listTokenHolders, revokeApiToken } from '$lib/server/api/tokens';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:api_token');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		const [tokens, holders] = await Promise.all([listApiTokens(actor, consortium.id), listTokenHolders(actor, consortium.id)]);
		return { tokens, holders };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: formAction(
		CreateTokenInput,
		async (input, { actor, consortium }) => {
			const created = await createApiToken(actor, consortium.id, input.name, input.holderId);
			return { token: created.token, name: input.name };
		},
		{ visibleTo: 'members.manage' }
	),
	revoke: formAction(
		z.object({ id: z.uuid() }),
		async (input, { actor, consortium }) => {
			await revokeApiToken(actor, consortium.id, input.id);
		},
		{ visibleTo: 'members.manage' }
	)
};
