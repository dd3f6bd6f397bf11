import { error, fail } from '@sveltejs/kit';
import { createBaseline } from '$lib/server/baselines/commands';
import { listBaselines } from '$lib/server/baselines/queries';
import { CreateBaselineInput } from '$lib/server/baselines/schemas';
import { loadConsortiumActor } from '$lib/server/consortia/actor';
import { CommandError, NotFound } from '$lib/server/errors';
import { fieldErrors, FormTooLarge, keepValues, NotAForm, readForm } from '$lib/server/forms';
import { Forbidden } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, depends }) => {
	depends('samsyn:baselines');
	const { consortium } = await parent();
	try {
		return await listBaselines(locals.user!, consortium.id);
	} catch (e) {
		if (e instanceof NotFound) error(404, 'Not found');
		throw e;
	}
};

export const actions: Actions = {
	create: async ({ locals, params, request }) => {
		if (!locals.user) error(401, 'Sign in first');
		const found = await loadConsortiumActor(locals.user, params.slug);
		if (!found) error(404, 'Not found');
		let form: Record<string, unknown>;
		try {
			form = await readForm(request);
		} catch (e) {
			if (e instanceof NotAForm || e instanceof FormTooLarge) return fail(400, { errors: { form: 'invalid' }, values: {} });
			throw e;
		}
		const parsed = CreateBaselineInput.safeParse(form);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values: keepValues(form) });
		try {
			const baseline = await createBaseline(locals.user, found.consortium.id, parsed.data);
			return { created: { id: baseline.id, name: baseline.name, count: baseline.requirementCount } };
		} catch (e) {
			if (e instanceof Forbidden) return fail(403, { errors: { form: 'forbidden' }, values: keepValues(form) });
			if (e instanceof CommandError) return fail(e.status, { errors: { [e.field]: e.key }, values: keepValues(form) });
			throw e;
		}
	}
};
