import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { clearStatus, mergeTechnologies, setStatus, updateTechnology } from '$lib/server/portfolio/commands';
import { technologyDetail } from '$lib/server/portfolio/queries';
import { MergeInput, StatusInput, TechnologyInput } from '$lib/server/portfolio/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:portfolio');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		return await technologyDetail(actor, consortium.id, event.params.id);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	status: formAction(StatusInput, async (input, { actor, consortium, event }) => {
		if (input.technologyId !== event.params.id) return { done: 'ignored' };
		const row = await setStatus(actor, consortium.id, input);
		return { status: row.status };
	}),
	clear: formAction(z.object({ organisationId: z.uuid({ message: 'invalid_choice' }) }), async (input, { actor, consortium, event }) => {
		await clearStatus(actor, consortium.id, event.params.id!, input.organisationId);
		return { done: 'cleared' };
	}),
	technology: formAction(TechnologyInput, async (input, { actor, consortium, event }) => {
		await updateTechnology(actor, consortium.id, event.params.id!, input);
		return { done: 'saved' };
	}),
	merge: formAction(MergeInput, async (input, { actor, consortium, event }) => {
		const outcome = await mergeTechnologies(actor, consortium.id, event.params.id!, input.targetId);
		const conflicts = outcome.conflicts.map((c) => `${c.kept}:${c.organisation}`).join('|');
		redirect(303, `/c/${consortium.slug}/portfolio/${outcome.target.id}?merged=${outcome.moved}${conflicts ? `&kept=${encodeURIComponent(conflicts)}` : ''}`);
	})
};
