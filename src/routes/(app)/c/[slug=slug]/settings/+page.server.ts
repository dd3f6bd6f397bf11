import { error } from '@sveltejs/kit';
import { createOrganisation, updateGroundRules, updateOrganisation } from '$lib/server/consortia/commands';
import { getGroundRules, listOrganisations } from '$lib/server/consortia/queries';
import { GroundRulesInput, OrganisationInput, UpdateOrganisationInput } from '$lib/server/consortia/schemas';
import { inOneTransaction } from '$lib/server/db/request';
import { saveDeadlineSettings } from '$lib/server/lifecycle/commands';
import { deadlineSettings } from '$lib/server/lifecycle/queries';
import { DeadlineSettingsInput } from '$lib/server/lifecycle/schemas';
import { formAction } from '$lib/server/form-action';
import { setQualitySettings } from '$lib/server/quality/commands';
import { qualitySettingsPage } from '$lib/server/quality/queries';
import { QualitySettingsInput } from '$lib/server/quality/schemas';
import { can } from '$lib/server/policy';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:ground_rules', 'samsyn:organisation', 'samsyn:lifecycle_settings', 'samsyn:quality');
	await afterLayouts(event);
	const { user, consortium, actor } = await inConsortium(event);
	if (!can(actor, 'rules.manage', { consortiumId: consortium.id })) error(404, 'Not found');
	const [rules, organisations, deadlines, quality] = await inOneTransaction(user, () =>
		Promise.all([
			getGroundRules(actor, consortium.id),
			listOrganisations(actor, consortium.id),
			deadlineSettings(actor, consortium.id),
			qualitySettingsPage(actor, consortium.id)
		])
	);
	return { rules, organisations, deadlines: deadlines.settings, quality };
};

export const actions: Actions = {
	rules: formAction(
		GroundRulesInput,
		async (input, { actor, consortium }) => {
			await updateGroundRules(actor, consortium.id, input);
		},
		{ visibleTo: 'rules.manage' }
	),
	deadlines: formAction(
		DeadlineSettingsInput,
		async (input, { actor, consortium }) => {
			await saveDeadlineSettings(actor, consortium.id, input);
		},
		{ visibleTo: 'rules.manage' }
	),
	quality: formAction(
		QualitySettingsInput,
		async (input, { actor, consortium }) => {
			await setQualitySettings(actor, consortium.id, input);
		},
		{ visibleTo: 'rules.manage' }
	),
	createOrganisation: formAction(
		OrganisationInput,
		async (input, { actor, consortium }) => {
			const organisation = await createOrganisation(actor, consortium.id, input);
			return { name: organisation.name };
		},
		{ visibleTo: 'rules.manage' }
	),
	updateOrganisation: formAction(
		UpdateOrganisationInput,
		async (input, { actor, consortium }) => {
			await updateOrganisation(actor, consortium.id, input);
		},
		{ visibleTo: 'rules.manage' }
	)
};
