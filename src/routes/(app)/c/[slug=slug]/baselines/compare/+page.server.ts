import { compareBaselines } from '$lib/server/baselines/queries';
import { CompareInput } from '$lib/server/baselines/schemas';
import { notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	const { searchParams } = event.url;
	const parsed = CompareInput.safeParse({ from: searchParams.get('from') ?? '', to: searchParams.get('to') ?? '' });
	if (!parsed.success) return { result: null };
	try {
		return { result: await compareBaselines(actor, consortium.id, parsed.data.from, parsed.data.to) };
	} catch (e) {
		notFoundOn(e);
	}
};
