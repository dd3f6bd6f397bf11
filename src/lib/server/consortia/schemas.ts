import { z } from 'zod';
import { decisionRule, mandateKind, memberTier, membershipRole, organisationKind, publishingRight, voteWeighting } from '../db/schema/enums';
import type { OrganisationKind } from '../../enums';
import { locales } from '../../paraglide/runtime';
import { NewPassword } from '../auth/password-rules';
import { blankToUndefined, DateString, IntegerBetween, OptionalDateString, OptionalIntegerBetween, OptionalText, RequiredText } from '../validation';

const id = z.uuid({ message: 'invalid' });
const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'invalid' });
const percent = (min: number) => IntegerBetween(min, 100);

// The database's enums decide the values (src/lib/enums.ts holds them for server and browser alike).
export const organisationKinds = organisationKind.enumValues;
export type { OrganisationKind };
export const memberTiers = memberTier.enumValues;
export const decisionRules = decisionRule.enumValues;
export const weightings = voteWeighting.enumValues;
export const publishingRights = publishingRight.enumValues;
export const mandateKinds = mandateKind.enumValues;

/** SKR's municipality groups (kommungruppsindelning 2017): A1–A3, B4–B6, C7–C9. */
export const skrGroups = ['A1', 'A2', 'A3', 'B4', 'B5', 'B6', 'C7', 'C8', 'C9'] as const;

export const RoleInput = enumOf(membershipRole.enumValues);

export const ChangeRoleInput = z.object({ membershipId: id, role: RoleInput });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

export const RemoveMemberInput = z.object({ membershipId: id });
export type RemoveMemberInput = z.infer<typeof RemoveMemberInput>;

const organisationShape = {
	name: RequiredText(200),
	kind: enumOf(organisationKinds),
	skrGroup: z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toUpperCase()) : v), enumOf(skrGroups).optional()),
	population: OptionalIntegerBetween(1, 2_000_000),
	tier: z.preprocess(blankToUndefined, enumOf(memberTiers).optional())
};

interface OrganisationFields {
	kind: OrganisationKind;
	skrGroup?: (typeof skrGroups)[number];
	population?: number;
	tier?: (typeof memberTiers)[number];
}

function requireMunicipalFacts(value: OrganisationFields, ctx: z.RefinementCtx) {
	if (value.kind !== 'municipality') return;
	if (!value.skrGroup) ctx.addIssue({ code: 'custom', path: ['skrGroup'], message: 'required' });
	if (value.population === undefined) ctx.addIssue({ code: 'custom', path: ['population'], message: 'required' });
}

/** Municipalities keep SKR group, population and tier; other kinds carry none of them. */
function normaliseOrganisation<T extends OrganisationFields>(value: T) {
	const municipal = value.kind === 'municipality';
	return {
		...value,
		skrGroup: municipal ? (value.skrGroup ?? null) : null,
		population: municipal ? (value.population ?? null) : null,
		tier: municipal ? (value.tier ?? null) : null
	};
}

/**
 * An organisation taking part. Municipalities must carry an SKR group and a population; for other
 * kinds those fields are cleared rather than refused, since a form may send them empty or stale.
 */
export const OrganisationInput = z.object(organisationShape).superRefine(requireMunicipalFacts).transform(normaliseOrganisation);
export type OrganisationInput = z.infer<typeof OrganisationInput>;

export const UpdateOrganisationInput = z
	.object({ organisationId: id, ...organisationShape })
	.superRefine(requireMunicipalFacts)
	.transform(normaliseOrganisation);
export type UpdateOrganisationInput = z.infer<typeof UpdateOrganisationInput>;

export const GroundRulesInput = z.object({
	decisionRule: enumOf(decisionRules),
	qualifiedMajorityPercent: percent(51),
	quorumPercent: percent(0),
	weighting: enumOf(weightings),
	publishing: enumOf(publishingRights),
	/** The target for answering the supplier's questions, in Swedish working days; left out, it stays as it is. */
	questionResponseDays: OptionalIntegerBetween(1, 60)
});
export type GroundRulesInput = z.infer<typeof GroundRulesInput>;

const startsBeforeEnd = (v: { validFrom: string; validTo?: string }) => !v.validTo || v.validTo >= v.validFrom;
const endAfterStart = { path: ['validTo'], message: 'before_start' };

export const AppointMandateInput = z
	.object({ userId: id, kind: enumOf(mandateKinds), validFrom: DateString, validTo: OptionalDateString })
	.refine(startsBeforeEnd, endAfterStart);
export type AppointMandateInput = z.infer<typeof AppointMandateInput>;

export const EndMandateInput = z.object({ mandateId: id, validTo: DateString });
export type EndMandateInput = z.infer<typeof EndMandateInput>;

export const DelegateInput = z
	.object({ toUserId: id, reason: OptionalText(300), validFrom: DateString, validTo: OptionalDateString })
	.refine(startsBeforeEnd, endAfterStart);
export type DelegateInput = z.infer<typeof DelegateInput>;

export const RevokeDelegationInput = z.object({ delegationId: id });
export type RevokeDelegationInput = z.infer<typeof RevokeDelegationInput>;

export const InviteInput = z.object({
	email: z.string({ message: 'required' }).trim().toLowerCase().min(1, 'required').max(320, 'too_long').pipe(z.email('email')),
	name: OptionalText(200),
	organisationId: id,
	role: RoleInput,
	locale: enumOf(locales).default('sv')
});
export type InviteInput = z.infer<typeof InviteInput>;

export const RevokeInvitationInput = z.object({ invitationId: id });
export type RevokeInvitationInput = z.infer<typeof RevokeInvitationInput>;

/**
 * Someone new accepting an invitation: a name and a password by the shared password rules. (The
 * rule that the password may not be the person's own address is checked by the command, which
 * knows the address.)
 */
export const AcceptAsNewInput = z
	.object({ name: RequiredText(200), password: NewPassword, confirm: z.string({ message: 'required' }) })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'password_mismatch' });
export type AcceptAsNewInput = z.infer<typeof AcceptAsNewInput>;

export const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export const CreateConsortiumInput = z.object({
	name: RequiredText(200),
	slug: z.string({ message: 'required' }).trim().toLowerCase().min(2, 'slug').max(64, 'too_long').regex(slugPattern, 'slug'),
	description: OptionalText(5000),
	convenorName: RequiredText(200),
	adminEmail: InviteInput.shape.email,
	adminName: OptionalText(200),
	locale: enumOf(locales).default('sv')
});
export type CreateConsortiumInput = z.infer<typeof CreateConsortiumInput>;

export const AuditPage = z.object({
	page: IntegerBetween(1, 100_000).catch(1)
});
