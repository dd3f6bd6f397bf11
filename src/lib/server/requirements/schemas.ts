import { z } from 'zod';

/** Form fields arrive as strings: an empty one means "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const required = (max: number) => z.string({ message: 'required' }).trim().min(1, 'required').max(max, 'too_long');
const optionalText = (max: number) => z.string().trim().max(max, 'too_long').optional().default('');
const uuidList = z.preprocess(list, z.array(z.uuid({ message: 'invalid' })).max(500, 'too_long'));
const optionalUuid = z.preprocess(blankToUndefined, z.uuid({ message: 'invalid' }).optional());
const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'invalid' });
const version = z.coerce.number({ message: 'invalid' }).int('invalid').min(1, 'invalid');

export const needSources = ['workshop', 'interview', 'survey', 'incident', 'other'] as const;
export const storyKinds = ['end_user', 'municipality'] as const;
export const obligations = ['mandatory', 'criterion'] as const;
export const requirementTypes = ['functional', 'detailed', 'data', 'non_functional', 'general'] as const;
export const requirementSubtypes = ['security', 'accessibility', 'interoperability', 'support', 'training', 'other'] as const;
export const verificationMethods = ['test', 'demonstration', 'inspection', 'document'] as const;
export const scopes = ['common', 'local'] as const;
export const statuses = ['draft', 'in_review', 'approved', 'replaced', 'withdrawn'] as const;
export type RequirementStatus = (typeof statuses)[number];
export type RequirementType = (typeof requirementTypes)[number];

export const NeedInput = z.object({
	title: required(300),
	description: optionalText(20_000),
	source: enumOf(needSources).default('workshop'),
	capturedByOrganisationId: optionalUuid,
	capturedOn: z.preprocess(blankToUndefined, z.iso.date({ message: 'invalid' }).optional())
});
export type NeedInput = z.infer<typeof NeedInput>;
/** The description is co-edited on the need's page, so saving the form never touches it. */
export const UpdateNeedInput = NeedInput.omit({ description: true }).extend({ id: z.uuid({ message: 'invalid' }), version });
export type UpdateNeedInput = z.infer<typeof UpdateNeedInput>;

export const JoinNeedInput = z.object({ needId: z.uuid({ message: 'invalid' }), comment: optionalText(2000) });
export type JoinNeedInput = z.infer<typeof JoinNeedInput>;

export const StoryInput = z.object({
	role: required(200),
	goal: required(1000),
	purpose: required(1000),
	details: optionalText(20_000),
	kind: enumOf(storyKinds).default('end_user'),
	needIds: uuidList
});
export type StoryInput = z.infer<typeof StoryInput>;
/** The details are co-edited on the story's page, so saving the form never touches them. */
export const UpdateStoryInput = StoryInput.omit({ details: true }).extend({ id: z.uuid({ message: 'invalid' }), version });
export type UpdateStoryInput = z.infer<typeof UpdateStoryInput>;

const requirementFields = z.object({
	title: required(300),
	body: optionalText(50_000),
	rationale: optionalText(5000),
	acceptanceCriteria: optionalText(5000),
	obligation: enumOf(obligations).default('mandatory'),
	weight: z.preprocess(blankToUndefined, z.coerce.number({ message: 'invalid' }).int('invalid').min(1, 'invalid').max(100, 'invalid').optional()),
	type: enumOf(requirementTypes).default('functional'),
	subtype: z.preprocess(blankToUndefined, enumOf(requirementSubtypes).optional()),
	verification: enumOf(verificationMethods).default('test'),
	scope: enumOf(scopes).default('common'),
	localOrganisationIds: uuidList,
	storyIds: uuidList,
	needIds: uuidList
});

/** Cross-field rules: a criterion has a weight, a subtype needs the non-functional type, local names places. */
function requirementRules(value: Omit<z.infer<typeof requirementFields>, 'body'>, ctx: z.RefinementCtx) {
	if (value.obligation === 'criterion' && value.weight === undefined) ctx.addIssue({ code: 'custom', path: ['weight'], message: 'required' });
	if (value.subtype && value.type !== 'non_functional') ctx.addIssue({ code: 'custom', path: ['subtype'], message: 'invalid' });
	if (value.scope === 'local' && value.localOrganisationIds.length === 0) ctx.addIssue({ code: 'custom', path: ['localOrganisationIds'], message: 'required' });
}

export const RequirementInput = requirementFields.superRefine(requirementRules);
export type RequirementInput = z.infer<typeof RequirementInput>;
/**
 * A draft's or in-review revision's text is co-edited on its page, so the form leaves `body` out
 * (unchanged); the text of an approved revision is given here and becomes the next revision's.
 */
export const UpdateRequirementInput = requirementFields
	.extend({ id: z.uuid({ message: 'invalid' }), version, body: z.string().trim().max(50_000, 'too_long').optional() })
	.superRefine(requirementRules);
export type UpdateRequirementInput = z.infer<typeof UpdateRequirementInput>;

export const VersionedId = z.object({ id: z.uuid({ message: 'invalid' }), version });
export const VerdictInput = z
	.object({
		requirementId: z.uuid({ message: 'invalid' }),
		verdict: enumOf(['approve', 'object'] as const),
		reason: optionalText(2000)
	})
	.superRefine((v, ctx) => {
		if (v.verdict === 'object' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
	});
export type VerdictInput = z.infer<typeof VerdictInput>;

export const sorts = ['number', 'title', 'updated', 'status'] as const;
/** Filters for the requirement list (page and API). */
export const RequirementFilters = z.object({
	q: z.preprocess(blankToUndefined, z.string().trim().max(200, 'too_long').optional()),
	status: z.preprocess(blankToUndefined, enumOf(statuses).optional()),
	type: z.preprocess(blankToUndefined, enumOf(requirementTypes).optional()),
	obligation: z.preprocess(blankToUndefined, enumOf(obligations).optional()),
	organisationId: optionalUuid,
	storyId: optionalUuid,
	sort: z.preprocess(blankToUndefined, enumOf(sorts).default('number')),
	limit: z.preprocess(blankToUndefined, z.coerce.number({ message: 'invalid' }).int('invalid').min(1, 'invalid').max(500, 'invalid').default(100)),
	offset: z.preprocess(blankToUndefined, z.coerce.number({ message: 'invalid' }).int('invalid').min(0, 'invalid').default(0))
});
export type RequirementFilters = z.infer<typeof RequirementFilters>;

export const NeedFilters = z.object({
	q: z.preprocess(blankToUndefined, z.string().trim().max(200, 'too_long').optional()),
	organisationId: optionalUuid,
	source: z.preprocess(blankToUndefined, enumOf(needSources).optional()),
	limit: z.preprocess(blankToUndefined, z.coerce.number({ message: 'invalid' }).int('invalid').min(1, 'invalid').max(500, 'invalid').default(100)),
	offset: z.preprocess(blankToUndefined, z.coerce.number({ message: 'invalid' }).int('invalid').min(0, 'invalid').default(0))
});
export type NeedFilters = z.infer<typeof NeedFilters>;

export const StoryFilters = z.object({
	q: z.preprocess(blankToUndefined, z.string().trim().max(200, 'too_long').optional()),
	needId: optionalUuid,
	kind: z.preprocess(blankToUndefined, enumOf(storyKinds).optional()),
	limit: z.preprocess(blankToUndefined, z.coerce.number({ message: 'invalid' }).int('invalid').min(1, 'invalid').max(500, 'invalid').default(100)),
	offset: z.preprocess(blankToUndefined, z.coerce.number({ message: 'invalid' }).int('invalid').min(0, 'invalid').default(0))
});
export type StoryFilters = z.infer<typeof StoryFilters>;
