import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApiToken, CreateTokenInput } from './api/tokens';
import { updateProfile } from './auth/commands';
import { ProfileInput } from './auth/schemas';
import { createBaseline } from './baselines/commands';
import { CreateBaselineInput } from './baselines/schemas';
import { addComment } from './comments/commands';
import { CommentInput } from './comments/schemas';
import { createOrganisation, updateGroundRules } from './consortia/commands';
import { appointMandate } from './consortia/mandates';
import {
	AppointMandateInput,
	CreateConsortiumInput,
	DelegateInput,
	EndMandateInput,
	GroundRulesInput,
	InviteInput,
	OrganisationInput
} from './consortia/schemas';
import { asSystem } from './db/request';
import { buildConsortium, buildMembership, buildNeed, buildOrganisation, buildRequirement, buildUser } from './demo/factories';
import { fieldErrors } from './form-action';
import { createNeed, createRequirement } from './requirements/commands';
import {
	NeedFilters,
	NeedInput,
	RequirementFilters,
	RequirementInput,
	StoryInput,
	UpdateNeedInput,
	UpdateRequirementInput,
	VerdictInput
} from './requirements/schemas';
import { useFreshDatabase } from './testing/database';

/*
 * Per domain: values PostgreSQL would refuse (year 0, 2026-02-30, five-digit years, numbers beyond
 * int4, NUL in text) are field errors with a key saying what is wrong, and the edge values that pass
 * are stored by the domain's real command without an exception.
 */

useFreshDatabase();

const schemas = {
	NeedInput,
	UpdateNeedInput,
	StoryInput,
	RequirementInput,
	UpdateRequirementInput,
	VerdictInput,
	RequirementFilters,
	NeedFilters,
	AppointMandateInput,
	EndMandateInput,
	DelegateInput,
	OrganisationInput,
	GroundRulesInput,
	InviteInput,
	CreateConsortiumInput,
	CreateBaselineInput,
	CommentInput,
	ProfileInput,
	CreateTokenInput
};
const id = '7b0c3f7e-9a55-4c3e-8a43-0a6f1b1f2d11';
const outcome = (schema: z.ZodType, input: object) => {
	const result = schema.safeParse(input);
	return result.success ? 'ok' : Object.fromEntries(Object.entries(fieldErrors(result.error)).map(([field, error]) => [field, error.key]));
};

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		await buildRequirement(tx, consortium.id, { status: 'approved' }); // so there is something to freeze
		const kinda = await buildOrganisation(tx, consortium.id, { name: 'Kinda', population: 9940 });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const person = async (organisationId: string, role: 'admin' | 'member') => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId, role });
			return { id: user.id, email: user.email, isOperator: false };
		};
		return { consortium, admin: await person(convenor.id, 'admin'), member: await person(kinda.id, 'member'), need: await buildNeed(tx, consortium.id) };
	});
}

describe('needs, user stories and requirements', () => {
	it.each([
		['NeedInput', { title: 'Behov', capturedOn: '0000-01-01' }, { capturedOn: 'date_out_of_range' }],
		['NeedInput', { title: 'Behov', capturedOn: '2026-02-30' }, { capturedOn: 'date_invalid' }],
		['NeedInput', { title: 'Behov', capturedOn: '10000-01-01' }, { capturedOn: 'date_invalid' }],
		['NeedInput', { title: '\u0000' }, { title: 'required' }],
		['NeedInput', { title: 'x'.repeat(301) }, { title: 'too_long' }],
		['UpdateNeedInput', { id, version: '2147483648', title: 'Behov' }, { version: 'out_of_range' }],
		['StoryInput', { role: 'brukare', goal: 'g', purpose: 'x'.repeat(1001) }, { purpose: 'too_long' }],
		['RequirementInput', { title: 'Krav', obligation: 'criterion', weight: '2147483648' }, { weight: 'out_of_range' }],
		['RequirementInput', { title: 'Krav', obligation: 'criterion', weight: '101' }, { weight: 'out_of_range' }],
		['RequirementInput', { title: 'Krav', obligation: 'criterion', weight: '' }, { weight: 'required' }],
		['RequirementInput', { title: 'Krav', type: 'nonsense' }, { type: 'invalid_choice' }],
		['UpdateRequirementInput', { id, version: String(2 ** 53 + 2), title: 'Krav' }, { version: 'out_of_range' }],
		['VerdictInput', { requirementId: id, verdict: 'object', reason: '\u0000' }, { reason: 'required' }],
		['RequirementFilters', { offset: '2147483648' }, { offset: 'out_of_range' }],
		['RequirementFilters', { limit: '501' }, { limit: 'out_of_range' }],
		['NeedFilters', { q: 'x'.repeat(201) }, { q: 'too_long' }]
	] as const)('%s %j → %j', (name, input, expected) => {
		expect(outcome(schemas[name], input)).toEqual(expected);
	});

	it('stores the edge values and text without NUL', async () => {
		const { consortium, member } = await world();
		const need = await createNeed(member, consortium.id, NeedInput.parse({ title: 'Natt\u0000larm', description: 'a\u0000b', capturedOn: '1900-01-01' }));
		expect(need).toMatchObject({ title: 'Nattlarm', capturedOn: '1900-01-01' });
		const late = await createNeed(member, consortium.id, NeedInput.parse({ title: 'Sent', capturedOn: '2999-12-31' }));
		expect(late.capturedOn).toBe('2999-12-31');
		const requirement = await createRequirement(
			member,
			consortium.id,
			RequirementInput.parse({ title: 'Krav\u0000', body: 'Ska\u0000 larma', obligation: 'criterion', weight: '100' })
		);
		expect(requirement).toMatchObject({ title: 'Krav', weight: 100 });
	});
});

describe('consortia, organisations, mandates and invitations', () => {
	it.each([
		['AppointMandateInput', { userId: id, kind: 'deputy', validFrom: '0000-01-01' }, { validFrom: 'date_out_of_range' }],
		['AppointMandateInput', { userId: id, kind: 'deputy', validFrom: '2026-01-10', validTo: '2026-01-09' }, { validTo: 'before_start' }],
		['EndMandateInput', { mandateId: id, validTo: '' }, { validTo: 'required' }],
		['DelegateInput', { toUserId: id, validFrom: '2026-02-30' }, { validFrom: 'date_invalid' }],
		['DelegateInput', { toUserId: id, validFrom: '2026-01-01', validTo: '10000-01-01' }, { validTo: 'date_invalid' }],
		['OrganisationInput', { name: 'Ydre', kind: 'municipality', skrGroup: 'C9', population: '2147483648' }, { population: 'out_of_range' }],
		['GroundRulesInput', { ...rules(), quorumPercent: '2147483648' }, { quorumPercent: 'out_of_range' }],
		['GroundRulesInput', { ...rules(), qualifiedMajorityPercent: '50' }, { qualifiedMajorityPercent: 'out_of_range' }],
		['InviteInput', { email: 'a\u0000@b.se', organisationId: id, role: 'member' }, { email: 'email' }],
		['CreateConsortiumInput', { name: '\u0000', slug: 'ab', convenorName: 'K', adminEmail: 'a@b.se' }, { name: 'required' }]
	] as const)('%s %j → %j', (name, input, expected) => {
		expect(outcome(schemas[name], input)).toEqual(expected);
	});

	it('stores the edge values and text without NUL', async () => {
		const { consortium, admin, member } = await world();
		const organisation = await createOrganisation(
			admin,
			consortium.id,
			OrganisationInput.parse({ name: 'Ydre\u0000 kommun', kind: 'municipality', skrGroup: 'C9', population: '2000000' })
		);
		expect(organisation).toMatchObject({ name: 'Ydre kommun', population: 2_000_000 });
		const mandate = await appointMandate(admin, consortium.id, AppointMandateInput.parse({ userId: member.id, kind: 'deputy', validFrom: '2999-12-31' }));
		expect(mandate.validFrom).toBe('2999-12-31');
		await updateGroundRules(admin, consortium.id, GroundRulesInput.parse({ ...rules(), quorumPercent: '100' }));
	});
});

function rules() {
	return { decisionRule: 'majority', qualifiedMajorityPercent: '67', quorumPercent: '50', weighting: 'per_organisation', publishing: 'admins' };
}

describe('baselines, comments, accounts and API tokens', () => {
	it.each([
		['CreateBaselineInput', { name: 'x'.repeat(201) }, { name: 'too_long' }],
		['CreateBaselineInput', { name: ' \u0000 ' }, { name: 'required' }],
		['CommentInput', { targetKind: 'need', targetId: id, body: 'x'.repeat(10_001) }, { body: 'too_long' }],
		['CommentInput', { targetKind: 'need', targetId: id, body: '\u0000' }, { body: 'required' }],
		['ProfileInput', { name: '\u0000', locale: 'sv' }, { name: 'required' }],
		['CreateTokenInput', { name: 'x'.repeat(101) }, { name: 'too_long' }]
	] as const)('%s %j → %j', (name, input, expected) => {
		expect(outcome(schemas[name], input)).toEqual(expected);
	});

	it('stores text without NUL', async () => {
		const { consortium, admin, member, need } = await world();
		const baseline = await createBaseline(admin, consortium.id, CreateBaselineInput.parse({ name: 'Bas\u0000linje', description: 'a\u0000b' }));
		expect(baseline).toMatchObject({ name: 'Baslinje', description: 'ab' });
		const comment = await addComment(member, consortium.id, CommentInput.parse({ targetKind: 'need', targetId: need.id, body: 'Bra\u0000!' }));
		expect(comment.comment).toMatchObject({ body: 'Bra!' });
		const profile = await updateProfile(member, ProfileInput.parse({ name: 'Anna\u0000 A', locale: 'sv' }));
		expect(profile.name).toBe('Anna A');
		const token = await createApiToken(admin, consortium.id, CreateTokenInput.parse({ name: 'Int\u0000egration' }).name);
		expect(token.token).toMatch(/^smsn_/);
	});
});
