import { shiftInitiative } from '$lib/server/roadmap/commands';
import { roadmap } from '$lib/server/roadmap/queries';
import { RoadmapView, ShiftInput } from '$lib/server/roadmap/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { asReader } from '$lib/server/request-context';
import type { Horizon } from '$lib/roadmap/timeline';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Gates pass when their decisions are recorded; a municipality's own plans come from the portfolio.
	event.depends('samsyn:initiative', 'samsyn:decision_item', 'samsyn:portfolio');
	await event.parent();
	const { consortium, actor } = await asReader(event);
	const view = RoadmapView.parse(Object.fromEntries(event.url.searchParams));
	try {
		return { view: { ...view, years: view.years as Horizon }, ...(await roadmap(actor, consortium.id, view.organisation)) };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	reschedule: formAction(ShiftInput, async (input, { actor, consortium }) => {
		const row = await shiftInitiative(actor, consortium.id, input);
		return { title: row.title, months: input.months };
	})
};
