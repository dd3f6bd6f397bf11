import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import { produceTenderPackage } from '$lib/server/tender/commands';
import { tenderPackageLabel } from '$lib/server/tender/manifest';
import { tenderPackagesPage } from '$lib/server/tender/queries';
import { TenderPackageInput } from '$lib/server/tender/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:tender_package', 'samsyn:baseline', 'samsyn:document', 'samsyn:decision');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		return await tenderPackagesPage(actor, consortium.id);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	produce: formAction(TenderPackageInput, async (input, { actor, consortium }) => {
		const row = await produceTenderPackage(actor, consortium.id, input);
		return { label: tenderPackageLabel(row.number), number: row.number };
	})
};
