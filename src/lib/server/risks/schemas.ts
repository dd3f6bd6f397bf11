import { z } from 'zod';
import { riskStatuses } from '../../enums';
import { blankToUndefined, IntegerBetween, OptionalDateString, OptionalText, RequiredText } from '../validation';

const optionalUuid = z.preprocess(blankToUndefined, z.uuid({ message: 'invalid_choice' }).optional());
const version = IntegerBetween(1, 2_000_000_000);
/** S or K: a whole number from 1 to 5. */
const score = IntegerBetween(1, 5);

/** What a risk says in words, and who keeps it. */
const described = {
	title: RequiredText(200),
	threat: OptionalText(2000),
	vulnerability: OptionalText(2000),
	consequence: OptionalText(2000),
	ownerId: optionalUuid,
	initiativeId: optionalUuid,
	nextReview: OptionalDateString
};

/** A new risk, with its first assessment. */
export const RiskInput = z.object({ ...described, probability: score, impact: score });
export type RiskInput = z.infer<typeof RiskInput>;

/** A risk's words, owner, status and review date, saved unless someone else saved it since `version`. */
export const RiskUpdate = z.object({ ...described, version, status: z.enum(riskStatuses, { message: 'invalid_choice' }) });
export type RiskUpdate = z.infer<typeof RiskUpdate>;

/** A new assessment of S and K, with why. */
export const AssessmentInput = z.object({ version, probability: score, impact: score, note: OptionalText(500) });
export type AssessmentInput = z.infer<typeof AssessmentInput>;

/** An action that lowers the risk. */
export const ActionInput = z.object({ title: RequiredText(300), ownerId: optionalUuid, due: OptionalDateString });
export type ActionInput = z.infer<typeof ActionInput>;

export const ActionDoneInput = z.object({
	actionId: z.uuid({ message: 'invalid' }),
	done: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())
});
export type ActionDoneInput = z.infer<typeof ActionDoneInput>;

export const ActionRef = z.object({ actionId: z.uuid({ message: 'invalid' }) });
export type ActionRef = z.infer<typeof ActionRef>;

/** Where the consortium draws its bands. */
export const BandsInput = z
	.object({ mediumFrom: IntegerBetween(2, 24), highFrom: IntegerBetween(3, 25) })
	.refine((v) => v.highFrom > v.mediumFrom, { path: ['highFrom'], message: 'risk_bands_order' });
export type BandsInput = z.infer<typeof BandsInput>;
