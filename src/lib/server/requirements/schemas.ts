import { z } from 'zod';
import {
	approvalVerdict,
	needSource,
	requirementObligation,
	requirementScope,
	requirementStatus,
	requirementSubtype,
	requirementType,
	storyKind,
	verificationMethod
} from '../db/schema/enums';
import {
	blankToUndefined,
	INT4_MAX,
	IntegerBetween,
	IntegerBetweenOr,
	OptionalDateString,
	OptionalFilterText,
	OptionalIntegerBetween,
	OptionalText,
	RequiredText,
	Text
} from '../validation';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const uuidList = z.preprocess(list, z.array(z.uuid({ message: 'invalid' })).max(500, 'too_long'));
const optionalUuid = z.preprocess(blankToUndefined, z.uuid({ message: 'invalid' }).optional());
const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'invalid' });
const version = IntegerBetween(1, INT4_MAX);
const limit = IntegerBetweenOr(1, 500, 100);
const offset = IntegerBetweenOr(0, INT4_MAX, 0);

// The database's enums decide the values (src/lib/enums.ts holds them for server and browser alike).
export const needSources = needSource.enumValues;
export const storyKinds = storyKind.enumValues;
export const obligations = requirementObligation.enumValues;
export const requirementTypes = requirementType.enumValues;
export const requirementSubtypes = requirementSubtype.enumValues;
export const verificationMethods = verificationMethod.enumValues;
export const scopes = requirementScope.enumValues;
export const statuses = requirementStatus.enumValues;
export type { RequirementStatus, RequirementType } from '../../enums';

export const NeedInput = z.object({
	title: RequiredText(300),
	description: OptionalText(20_000),
	source: enumOf(needSources).default('workshop'),
	capturedByOrganisationId: optionalUuid,
	capturedOn: OptionalDateString
});
export type NeedInput = z.infer<typeof NeedInput>;
/** The description is co-edited on the need's page, so saving the form never touches it. */
export const UpdateNeedInput = NeedInput.omit({ description: true }).extend({ id: z.uuid({ message: 'invalid' }), version });
export type UpdateNeedInput = z.infer<typeof UpdateNeedInput>;

export const JoinNeedInput = z.object({ needId: z.uuid({ message: 'invalid' }), comment: OptionalText(2000) });
export type JoinNeedInput = z.infer<typeof JoinNeedInput>;

export const StoryInput = z.object({
	role: RequiredText(200),
	goal: RequiredText(1000),
	purpose: RequiredText(1000),
	details: OptionalText(20_000),
	kind: enumOf(storyKinds).default('end_user'),
	needIds: uuidList
});
export type StoryInput = z.infer<typeof StoryInput>;
/** The details are co-edited on the story's page, so saving the form never touches them. */
export const UpdateStoryInput = StoryInput.omit({ details: true }).extend({ id: z.uuid({ message: 'invalid' }), version });
export type UpdateStoryInput = z.infer<typeof UpdateStoryInput>;

const requirementFields = z.object({
	title: RequiredText(300),
	body: OptionalText(50_000),
	rationale: OptionalText(5000),
	acceptanceCriteria: OptionalText(5000),
	obligation: enumOf(obligations).default('mandatory'),
	weight: OptionalIntegerBetween(1, 100),
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
	.extend({ id: z.uuid({ message: 'invalid' }), version, body: Text(50_000).optional() })
	.superRefine(requirementRules);
export type UpdateRequirementInput = z.infer<typeof UpdateRequirementInput>;

export const VersionedId = z.object({ id: z.uuid({ message: 'invalid' }), version });
export const VerdictInput = z
	.object({
		requirementId: z.uuid({ message: 'invalid' }),
		verdict: enumOf(approvalVerdict.enumValues),
		reason: OptionalText(2000)
	})
	.superRefine((v, ctx) => {
		if (v.verdict === 'object' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
	});
export type VerdictInput = z.infer<typeof VerdictInput>;

export const sorts = ['number', 'title', 'updated', 'status', 'quality'] as const;
/** The quality filter: requirements with findings nobody has dismissed ("behöver granskas"). */
export const qualityFilters = ['needs_review'] as const;
/** Filters for the requirement list (page and API). */
export const RequirementFilters = z.object({
	q: OptionalFilterText(200),
	status: z.preprocess(blankToUndefined, enumOf(statuses).optional()),
	type: z.preprocess(blankToUndefined, enumOf(requirementTypes).optional()),
	obligation: z.preprocess(blankToUndefined, enumOf(obligations).optional()),
	organisationId: optionalUuid,
	storyId: optionalUuid,
	quality: z.preprocess(blankToUndefined, enumOf(qualityFilters).optional()),
	sort: z.preprocess(blankToUndefined, enumOf(sorts).default('number')),
	limit,
	offset
});
export type RequirementFilters = z.infer<typeof RequirementFilters>;

export const NeedFilters = z.object({
	q: OptionalFilterText(200),
	organisationId: optionalUuid,
	source: z.preprocess(blankToUndefined, enumOf(needSources).optional()),
	limit,
	offset
});
export type NeedFilters = z.infer<typeof NeedFilters>;

export const StoryFilters = z.object({
	q: OptionalFilterText(200),
	needId: optionalUuid,
	kind: z.preprocess(blankToUndefined, enumOf(storyKinds).optional()),
	limit,
	offset
});
export type StoryFilters = z.infer<typeof StoryFilters>;
