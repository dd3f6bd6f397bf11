import { saveSubmission } from '$lib/server/prioritisation/commands';
import { submissionForm } from '$lib/server/prioritisation/queries';
import { SubmissionInput } from '$lib/server/prioritisation/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`);
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		return await submissionForm(actor, consortium.id, event.params.id);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	save: formAction(SubmissionInput, async (input, { actor, consortium, event }) => {
		const row = await saveSubmission(actor, consortium.id, event.params.id!, input);
		return { status: row.status, version: row.version };
	})
};
