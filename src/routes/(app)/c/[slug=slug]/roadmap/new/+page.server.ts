import { redirect } from '@sveltejs/kit';
import { createInitiative } from '$lib/server/roadmap/commands';
import { newInitiativeForm } from '$lib/server/roadmap/queries';
import { InitiativeInput } from '$lib/server/roadmap/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:initiative', 'samsyn:portfolio');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	const technology = event.url.searchParams.get('technology');
	try {
		return await newInitiativeForm(actor, consortium.id, technology && /^[0-9a-f-]{36}$/.test(technology) ? technology : undefined);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	default: formAction(InitiativeInput, async (input, { actor, consortium }) => {
		const initiative = await createInitiative(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/roadmap/${initiative.id}`);
	})
};
