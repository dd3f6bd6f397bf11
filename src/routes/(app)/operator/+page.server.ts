import { getLocale } from '$lib/paraglide/runtime';
import { createConsortium, listAllConsortia } from '$lib/server/consortia/operator';
import { CreateConsortiumInput } from '$lib/server/consortia/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { signedIn } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	try {
		return { consortia: await listAllConsortia(signedIn(event)), locale: getLocale() };
	} catch (e) {
		// Not an operator: the page does not exist for them.
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: formAction(
		CreateConsortiumInput,
		async (input, { user, event }) => {
			const consortium = await createConsortium(user, input, event.url.origin);
			return { slug: consortium.slug, name: consortium.name, email: input.adminEmail };
		},
		{ access: 'user' }
	)
};
