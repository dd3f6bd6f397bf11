import { redirect } from '@sveltejs/kit';
import { askQuestion } from '$lib/server/questions/commands';
import { listQuestions } from '$lib/server/questions/queries';
import { AskQuestionInput, QuestionFilterInput } from '$lib/server/questions/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:question', 'samsyn:ground_rules');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	const filter = QuestionFilterInput.parse(Object.fromEntries(event.url.searchParams));
	try {
		return { ...(await listQuestions(actor, consortium.id, filter)), filter };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	ask: formAction(
		AskQuestionInput,
		async (input, { actor, consortium }) => {
			const question = await askQuestion(actor, consortium.id, input);
			redirect(303, `/c/${consortium.slug}/questions/${question.id}`);
		},
		{ visibleTo: 'published.read' }
	)
};
