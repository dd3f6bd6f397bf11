import { z } from 'zod';
import { decisionLevels, stances } from '../../enums';
import { blankToUndefined, DateString, IntegerBetweenOr, OptionalText, RequiredText } from '../validation';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const uuidList = z.preprocess(list, z.array(z.uuid({ message: 'invalid' })).max(200, 'too_long'));
const optionalUuid = z.preprocess(blankToUndefined, z.uuid({ message: 'invalid' }).optional());
/** Options arrive one per line; blank lines are dropped. None or one means a single proposal. */
const optionLines = z.preprocess(
	(v) =>
		typeof v === 'string'
			? v
					.split(/\r?\n/)
					.map((line) => line.trim())
					.filter(Boolean)
			: list(v),
	z.array(z.string().max(500, 'too_long')).max(10, 'too_long')
);

export const DecisionItemInput = z.object({
	title: RequiredText(200),
	background: OptionalText(20_000),
	proposal: RequiredText(5000),
	level: z.enum(decisionLevels, { message: 'invalid_choice' }),
	/** The last day for positions (Swedish time, to the end of the day). */
	deadline: DateString,
	reminderHours: IntegerBetweenOr(0, 720, 48),
	options: optionLines,
	needIds: uuidList,
	storyIds: uuidList,
	requirementIds: uuidList,
	baselineIds: uuidList
});
export type DecisionItemInput = z.infer<typeof DecisionItemInput>;

export const UpdateDecisionItemInput = DecisionItemInput.extend({ id: z.uuid({ message: 'invalid' }), version: IntegerBetweenOr(1, 2_147_483_647, 1) });
export type UpdateDecisionItemInput = z.infer<typeof UpdateDecisionItemInput>;

/** The form's one radio group says `for`, `against`, `abstain` or `option:<id>`; the command takes stance and option apart. */
const splitStance = (v: unknown) => {
	if (!v || typeof v !== 'object') return v;
	const given = v as Record<string, unknown>;
	return typeof given.stance === 'string' && given.stance.startsWith('option:')
		? { ...given, stance: 'option', optionId: given.stance.slice('option:'.length) }
		: given;
};

export const PositionInput = z.preprocess(
	splitStance,
	z.object({
		stance: z.enum(stances, { message: 'invalid_choice' }),
		optionId: optionalUuid,
		reason: OptionalText(5000)
	})
);
export type PositionInput = z.infer<typeof PositionInput>;

export const ReasonInput = z.object({ reason: RequiredText(5000) });
export type ReasonInput = z.infer<typeof ReasonInput>;

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

export const RecordInput = z.object({
	registrationNumber: OptionalText(100),
	meetingParagraph: OptionalText(100),
	secret: checkbox,
	communicated: checkbox,
	supersedesId: optionalUuid
});
export type RecordInput = z.infer<typeof RecordInput>;

/** The log's filters, from the query string: a year and a level, each optional. */
export const LogFilterInput = z.object({
	year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2999).optional()),
	level: z.preprocess(blankToUndefined, z.enum(decisionLevels).optional())
});
