import { z } from 'zod';
import { questionStates } from '../../enums';
import { blankToUndefined, IntegerBetweenOr, RequiredText } from '../validation';

/** What a question is about, as the form names it: `story:<id>` or `requirement:<id>`; blank for a general question. */
const ItemRef = z.preprocess(
	blankToUndefined,
	z
		.string()
		.regex(/^(story|requirement):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'invalid_choice')
		.transform((v) => {
			const [kind, id] = v.split(':') as ['story' | 'requirement', string];
			return { kind, id: id.toLowerCase() };
		})
		.optional()
);

/** A question as the supplier asks it. */
export const AskQuestionInput = z.object({
	title: RequiredText(200),
	body: RequiredText(10_000),
	item: ItemRef
});
export type AskQuestionInput = z.infer<typeof AskQuestionInput>;

/** An internal triage note. */
export const QuestionNoteInput = z.object({ body: RequiredText(5000) });
export type QuestionNoteInput = z.infer<typeof QuestionNoteInput>;

/** The draft answer, and the version it was written on (0: there was none). */
export const DraftAnswerInput = z.object({
	body: RequiredText(10_000),
	version: IntegerBetweenOr(0, 2_147_483_647, 0)
});
export type DraftAnswerInput = z.infer<typeof DraftAnswerInput>;

/** Approving sends the draft as it was read: its version. */
export const ApproveAnswerInput = z.object({ version: IntegerBetweenOr(1, 2_147_483_647, 1) });
export type ApproveAnswerInput = z.infer<typeof ApproveAnswerInput>;

/** The list's filter: every question, or the open, answered or overdue ones. */
export const QuestionFilterInput = z.object({
	state: z.preprocess(blankToUndefined, z.enum(questionStates).optional()).catch(undefined)
});
export type QuestionFilterInput = z.infer<typeof QuestionFilterInput>;
