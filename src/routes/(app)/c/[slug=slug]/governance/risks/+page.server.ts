import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { raiseRisk, setRiskBands } from '$lib/server/risks/commands';
import { riskRegister, riskSorts } from '$lib/server/risks/queries';
import { BandsInput, RiskInput } from '$lib/server/risks/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

const Query = z.object({
	sort: z.enum(riskSorts).catch('score'),
	initiative: z.uuid().optional().catch(undefined)
});

/** The risk register: the matrix, the list sorted as asked, and the forms to raise a risk and draw the bands. */
export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:risk', 'samsyn:initiative');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	const query = Query.parse(Object.fromEntries(event.url.searchParams));
	try {
		return {
			...(await riskRegister(actor, consortium.id, { sort: query.sort, initiativeId: query.initiative })),
			sort: query.sort,
			initiativeId: query.initiative ?? ''
		};
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	raise: formAction(RiskInput, async (input, { actor, consortium }) => {
		const risk = await raiseRisk(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/governance/risks/${risk.id}`);
	}),
	bands: formAction(BandsInput, async (input, { actor, consortium }) => {
		await setRiskBands(actor, consortium.id, input);
		return { done: 'saved' };
	})
};
