import { z } from 'zod';
import { blankToUndefined, DateString, IntegerBetween, OptionalText, RequiredText } from '../validation';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const uuidList = z.preprocess(list, z.array(z.uuid({ message: 'invalid_choice' })).max(200, 'too_long'));
const optionalUuid = z.preprocess(blankToUndefined, z.uuid({ message: 'invalid_choice' }).optional());
const version = IntegerBetween(1, 2_000_000_000);

/** The largest magnitude a goal's figure may have: far beyond any indicator, well inside a double's exact integers. */
export const GOAL_VALUE_LIMIT = 1_000_000_000_000;

/**
 * A measured or planned figure, as typed: decimals with a comma or a point ("12,5"), spaces between
 * thousands allowed. Blank: `required`; not a number: `not_a_number`; beyond ±10^12: `out_of_range`.
 */
export const GoalValue = z.preprocess(
	(v) => {
		const given = blankToUndefined(v);
		if (typeof given !== 'string') return given;
		const text = given.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
		return /^[-+−]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text.replace('−', '-')) : Number.NaN;
	},
	z
		.number({ error: (issue) => (issue.input === undefined ? 'required' : 'not_a_number') })
		.refine(Number.isFinite, { message: 'not_a_number', abort: true })
		.refine((n) => Math.abs(n) <= GOAL_VALUE_LIMIT, { message: 'out_of_range', params: { min: -GOAL_VALUE_LIMIT, max: GOAL_VALUE_LIMIT } })
);

const goalShape = {
	category: RequiredText(100),
	title: RequiredText(200),
	indicator: RequiredText(300),
	unit: OptionalText(40),
	baselineValue: GoalValue,
	baselineOn: DateString,
	targetValue: GoalValue,
	targetOn: DateString,
	initiativeId: optionalUuid,
	organisationIds: uuidList
};

type GoalFields = { baselineOn: string; targetOn: string; baselineValue: number; targetValue: number };
const goalRules = <T extends z.ZodType<GoalFields>>(schema: T) =>
	schema
		.refine((v) => v.targetOn > v.baselineOn, { path: ['targetOn'], message: 'goals_target_before_baseline' })
		.refine((v) => v.targetValue !== v.baselineValue, { path: ['targetValue'], message: 'goals_target_equals_baseline' });

/** A new effect goal: what is measured, from which baseline to which target, and who expects the benefit. */
export const GoalInput = goalRules(z.object(goalShape));
export type GoalInput = z.infer<typeof GoalInput>;

/** The same, saved unless someone else saved the goal since `version`. */
export const GoalUpdate = goalRules(z.object({ ...goalShape, version }));
export type GoalUpdate = z.infer<typeof GoalUpdate>;

/** What is meant to realise a goal: requirements, user stories and initiatives (the whole set, replacing the old). */
export const GoalLinksInput = z.object({
	version,
	requirementIds: uuidList,
	storyIds: uuidList,
	initiativeIds: uuidList
});
export type GoalLinksInput = z.infer<typeof GoalLinksInput>;

/** A measurement: for one municipality, or (no organisation) for the consortium as a whole. */
export const MeasurementInput = z.object({
	organisationId: optionalUuid,
	value: GoalValue,
	measuredOn: DateString,
	source: OptionalText(300)
});
export type MeasurementInput = z.infer<typeof MeasurementInput>;

/** A correction of a measurement's figure, date or source, unless someone else saved it since `version`. */
export const MeasurementUpdate = z.object({
	measurementId: z.uuid({ message: 'invalid' }),
	version,
	value: GoalValue,
	measuredOn: DateString,
	source: OptionalText(300)
});
export type MeasurementUpdate = z.infer<typeof MeasurementUpdate>;

export const MeasurementRemoval = z.object({ measurementId: z.uuid({ message: 'invalid' }) });
export type MeasurementRemoval = z.infer<typeof MeasurementRemoval>;

/** The benefit view's choice: a municipality, `all` (the consortium as a whole), or nothing (the reader's own). */
export const BenefitsQuery = z.object({
	organisation: z.preprocess(blankToUndefined, z.union([z.literal('all'), z.uuid()]).optional()).catch(undefined)
});
