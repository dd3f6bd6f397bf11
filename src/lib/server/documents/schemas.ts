import { z } from 'zod';
import { documentKinds, verdicts } from '../../enums';
import { blankToUndefined, DateString, IntegerBetween, OptionalText, RequiredText } from '../validation';

const optionalUuid = z.preprocess(blankToUndefined, z.uuid({ message: 'invalid_choice' }).optional());
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const id = z.uuid({ message: 'not_found' });

/** A new document, begun from the consortium's template for its kind in the chosen language. */
export const DocumentInput = z.object({
	kind: z.enum(documentKinds, { message: 'invalid_choice' }),
	title: z.preprocess(blankToUndefined, RequiredText(200).optional()),
	language: z.enum(['sv', 'en'], { message: 'invalid_choice' }),
	initiativeId: optionalUuid,
	baselineId: optionalUuid
});
export type DocumentInput = z.infer<typeof DocumentInput>;

/** The title, and a kravspecifikation's baseline (blank: none), saved unless someone else saved since `version`. */
export const DocumentUpdate = z.object({
	version: IntegerBetween(1, 2_000_000_000),
	title: RequiredText(200),
	baselineId: optionalUuid
});
export type DocumentUpdate = z.infer<typeof DocumentUpdate>;

export const VersionInput = z.object({ name: RequiredText(200), sendForApproval: checkbox });
export type VersionInput = z.infer<typeof VersionInput>;

export const VersionRef = z.object({ versionId: id });

/** An organisation's verdict on a version in approval; an objection says why. */
export const VerdictInput = z
	.object({
		versionId: id,
		verdict: z.enum(verdicts, { message: 'invalid_choice' }),
		reason: OptionalText(2000)
	})
	.superRefine((v, ctx) => {
		if (v.verdict === 'object' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
	});
export type VerdictInput = z.infer<typeof VerdictInput>;

export const PublishInput = z.object({ versionId: id, allowComments: checkbox, note: OptionalText(2000) });
export type PublishInput = z.infer<typeof PublishInput>;

/**
 * A consultation round (remiss): an approved version published to the consortium's reviewers chosen,
 * with or without comments, a note and the last day for comments (checked against today by the command).
 */
export const ReviewRoundInput = z.object({
	versionId: id,
	reviewerIds: z
		.array(z.uuid({ message: 'document_round_reviewer_unknown' }), { message: 'document_round_reviewers_required' })
		.min(1, 'document_round_reviewers_required')
		.max(500, 'too_long'),
	allowComments: checkbox,
	note: OptionalText(2000),
	replyBy: DateString
});
export type ReviewRoundInput = z.infer<typeof ReviewRoundInput>;

/** A comment on a publication: the supplier's newest one, or the reviewer round named. */
export const FeedbackInput = z.object({
	body: RequiredText(10_000),
	publicationId: z.preprocess(blankToUndefined, z.uuid({ message: 'not_found' }).optional())
});
export type FeedbackInput = z.infer<typeof FeedbackInput>;
