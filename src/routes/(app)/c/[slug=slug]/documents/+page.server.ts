import { redirect } from '@sveltejs/kit';
import { createDocument } from '$lib/server/documents/commands';
import { listDocuments } from '$lib/server/documents/queries';
import { DocumentInput } from '$lib/server/documents/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:document', 'samsyn:initiative', 'samsyn:baseline');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		return await listDocuments(actor, consortium.id);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: formAction(DocumentInput, async (input, { actor, consortium }) => {
		const document = await createDocument(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/documents/${document.id}`);
	})
};
