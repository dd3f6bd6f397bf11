import { addQuestionNote, approveAnswer, saveDraftAnswer } from '$lib/server/questions/commands';
import { questionDetail } from '$lib/server/questions/queries';
import { ApproveAnswerInput, DraftAnswerInput, QuestionNoteInput } from '$lib/server/questions/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';
import { clearImpactAction } from '$lib/server/impact/actions';
import { impactFlagsOn } from '$lib/server/impact/queries';

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:question');
	event.depends('samsyn:impact_flag');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		return { ...(await questionDetail(actor, consortium.id, event.params.id)), impact: await impactFlagsOn(actor, consortium.id, 'question', event.params.id) };
	} catch (e) {
		notFoundOn(e);
	}
};

// Notes, drafts and approval are internal: the supplier's post is answered 404, like the page would be.
export const actions: Actions = {
	clearImpact: clearImpactAction,
	note: formAction(QuestionNoteInput, async (input, { actor, consortium, event }) => {
		await addQuestionNote(actor, consortium.id, event.params.id!, input);
	}),
	draft: formAction(DraftAnswerInput, async (input, { actor, consortium, event }) => {
		await saveDraftAnswer(actor, consortium.id, event.params.id!, input);
	}),
	approve: formAction(ApproveAnswerInput, async (input, { actor, consortium, event }) => {
		await approveAnswer(actor, consortium.id, event.params.id!, input);
	})
};
