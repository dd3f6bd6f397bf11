import { error } from '@sveltejs/kit';
import { consortiumOf, runAction } from '$lib/server/consortia/actions';
import { createOrganisation, updateGroundRules, updateOrganisation } from '$lib/server/consortia/commands';
import { getGroundRules, listOrganisations } from '$lib/server/consortia/queries';
import { GroundRulesInput, OrganisationInput, UpdateOrganisationInput } from '$lib/server/consortia/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { consortium, can } = await parent();
	if (!can['rules.manage']) error(404, 'Not found');
	const [rules, organisations] = await Promise.all([getGroundRules(locals.user!, consortium.id), listOrganisations(locals.user!, consortium.id)]);
	return { rules, organisations };
};

export const actions: Actions = {
	rules: async ({ request, locals, params }) => {
		const consortium = await consortiumOf(locals.user, params.slug);
		return runAction(request, 'rules', GroundRulesInput, async (input) => {
			await updateGroundRules(locals.user!, consortium.id, input);
			return { form: 'rules', success: true };
		});
	},
	createOrganisation: async ({ request, locals, params }) => {
		const consortium = await consortiumOf(locals.user, params.slug);
		return runAction(request, 'createOrganisation', OrganisationInput, async (input) => {
			await createOrganisation(locals.user!, consortium.id, input);
			return { form: 'createOrganisation', success: true };
		});
	},
	updateOrganisation: async ({ request, locals, params }) => {
		const consortium = await consortiumOf(locals.user, params.slug);
		return runAction(request, 'updateOrganisation', UpdateOrganisationInput, async (input) => {
			await updateOrganisation(locals.user!, consortium.id, input);
			return { form: 'updateOrganisation', success: true, target: input.organisationId };
		});
	}
};
