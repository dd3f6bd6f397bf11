import { z } from 'zod';
import { moscowPriorities, priorityMethods, priorityWeightings } from '../../enums';
import { blankToUndefined, DateString, IntegerBetween, IntegerBetweenOr, OptionalText, RequiredText } from '../validation';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const uuidList = z.preprocess(list, z.array(z.uuid({ message: 'invalid' })).max(500, 'too_long'));

/** A round as an admin prepares it: its words, method, deadline and items (stories, approved requirements, or a baseline's). */
export const RoundInput = z.object({
	title: RequiredText(200),
	instructions: OptionalText(5000),
	method: z.enum(priorityMethods, { message: 'invalid_choice' }),
	weighting: z.preprocess((v) => blankToUndefined(v) ?? 'equal', z.enum(priorityWeightings, { message: 'invalid_choice' })),
	/** The last day for submissions (Swedish time, to the end of the day). */
	deadline: DateString,
	reminderHours: IntegerBetweenOr(0, 720, 48),
	storyIds: uuidList,
	requirementIds: uuidList,
	/** Every requirement of the baseline joins the round. */
	baselineId: z.preprocess(blankToUndefined, z.uuid({ message: 'invalid_choice' }).optional())
});
export type RoundInput = z.infer<typeof RoundInput>;

export const UpdateRoundInput = RoundInput.extend({ version: IntegerBetweenOr(1, 2_147_483_647, 1) });
export type UpdateRoundInput = z.infer<typeof UpdateRoundInput>;

const FIELD = /^(moscow|rank|points)\.([0-9a-f-]{36})$/i;

/**
 * The submission form names its fields `moscow.<round item>`, `rank.<round item>` and
 * `points.<round item>` (so an error sits beside its item); this gathers them per kind. Blank is not given.
 */
const gather = (v: unknown) => {
	if (!v || typeof v !== 'object') return v;
	const given = v as Record<string, unknown>;
	const out: Record<string, unknown> = { intent: given.intent, moscow: {}, rank: {}, points: {} };
	for (const [key, value] of Object.entries(given)) {
		const match = FIELD.exec(key);
		if (!match || blankToUndefined(value) === undefined) continue;
		(out[match[1]!.toLowerCase()] as Record<string, unknown>)[match[2]!.toLowerCase()] = value;
	}
	return out;
};

/** An organisation's priorities: MoSCoW per item, and a rank per item or points per item; saved as a draft or submitted. */
export const SubmissionInput = z.preprocess(
	gather,
	z.object({
		intent: z.preprocess((v) => blankToUndefined(v) ?? 'submit', z.enum(['draft', 'submit'], { message: 'invalid_choice' })),
		moscow: z.record(z.string(), z.enum(moscowPriorities, { message: 'invalid_choice' })),
		rank: z.record(z.string(), IntegerBetween(1, 1000)),
		points: z.record(z.string(), IntegerBetween(0, 100))
	})
);
export type SubmissionInput = z.infer<typeof SubmissionInput>;
