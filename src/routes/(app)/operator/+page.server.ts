import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { runAction } from '$lib/server/consortia/actions';
import { createConsortium, listAllConsortia } from '$lib/server/consortia/operator';
import { CreateConsortiumInput } from '$lib/server/consortia/schemas';
import { Forbidden } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return { consortia: await listAllConsortia(locals.user!), locale: getLocale() };
	} catch (e) {
		// Not an operator: the page does not exist for them.
		if (e instanceof Forbidden) error(404, 'Not found');
		throw e;
	}
};

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		if (!locals.user) error(404, 'Not found');
		const user = locals.user;
		return runAction(request, 'create', CreateConsortiumInput, async (input) => {
			const consortium = await createConsortium(user, input, url.origin);
			return { form: 'create', success: true, slug: consortium.slug, name: consortium.name, email: input.adminEmail };
		});
	}
};
