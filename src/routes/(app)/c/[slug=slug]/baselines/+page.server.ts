import { createBaseline } from '$lib/server/baselines/commands';
import { listBaselines } from '$lib/server/baselines/queries';
import { CreateBaselineInput } from '$lib/server/baselines/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:baseline');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		return await listBaselines(actor, consortium.id);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: formAction(CreateBaselineInput, async (input, { actor, consortium }) => {
		const baseline = await createBaseline(actor, consortium.id, input);
		return { id: baseline.id, name: baseline.name, count: baseline.requirementCount };
	})
};
