import { shiftInitiative } from '$lib/server/roadmap/commands';
import { roadmapPage } from '$lib/server/roadmap/queries';
import { m } from '$lib/paraglide/messages';
import { RoadmapView, ShiftInput } from '$lib/server/roadmap/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Horizon } from '$lib/roadmap/timeline';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Gates pass when their decisions are recorded; a municipality's own plans come from the portfolio.
	event.depends('samsyn:initiative', 'samsyn:decision_item', 'samsyn:portfolio');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	const view = RoadmapView.parse(Object.fromEntries(event.url.searchParams));
	try {
		return {
			view: { ...view, years: view.years as Horizon },
			...(await roadmapPage(actor, consortium.id, view, { category: m.roadmap_no_category(), phase: m.roadmap_no_phase() }))
		};
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
