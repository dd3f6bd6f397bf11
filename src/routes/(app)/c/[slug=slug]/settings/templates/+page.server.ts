import { error } from '@sveltejs/kit';
import { inOneTransaction } from '$lib/server/db/request';
import * as templates from '$lib/server/documents/template-store';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:document_template');
	await afterLayouts(event);
	const { user, consortium, actor } = await inConsortium(event);
	const { searchParams } = event.url;
	// `?kind=…&locale=…` opens one template for editing; anything else there is a page that does not exist.
	const opening = searchParams.has('kind') || searchParams.has('locale');
	const ref = templates.TemplateRef.safeParse({ kind: searchParams.get('kind'), locale: searchParams.get('locale') });
	if (opening && !ref.success) error(404, 'Not found');
	const [list, selected] = await inOneTransaction(user, () =>
		Promise.all([
			templates.listTemplates(actor, consortium.id),
			ref.success ? templates.getTemplate(actor, consortium.id, ref.data.kind, ref.data.locale) : null
		])
	).catch(notFoundOn);
	return { templates: list, selected };
};

export const actions: Actions = {
	save: formAction(
		templates.TemplateInput,
		async (input, { actor, consortium }) => {
			await templates.saveTemplate(actor, consortium.id, input);
		},
		{ visibleTo: 'rules.manage' }
	),
	reset: formAction(
		templates.TemplateRef,
		async (input, { actor, consortium }) => {
			await templates.resetTemplate(actor, consortium.id, input);
		},
		{ visibleTo: 'rules.manage' }
	)
};
