import { describe, expect, it } from 'vitest';
import { CommandError, NotFound } from './errors';
import { hasMessage } from '$lib/forms/messages';
import {
	abilities,
	actions,
	can,
	canReceiveEvent,
	authorize,
	decide,
	Forbidden,
	itemAbilities,
	type Action,
	type Actor,
	type AttachmentTargetResource,
	type DocumentResource,
	type DocumentVersionResource,
	type MeetingResource,
	type PriorityRoundResource,
	type PublishingRight,
	type RequirementResource,
	type Role
} from './policy';

const A = 'consortium-a';
const B = 'consortium-b';
const OWN = 'org-own';
const OTHER = 'org-other';

function actor(
	role: Role,
	speaks = role === 'representative',
	options: { isOperator?: boolean; kind?: 'municipality' | 'region' | 'convenor' | 'supplier' } = {}
): Actor {
	return {
		id: `user-${role}`,
		isOperator: options.isOperator ?? false,
		membership: {
			consortiumId: A,
			organisationId: OWN,
			organisationKind: options.kind ?? (role === 'supplier' ? 'supplier' : 'municipality'),
			role,
			speaksForOrganisation: speaks
		}
	};
}

const all = (...allowed: Action[]) => Object.fromEntries(actions.map((a) => [a, allowed.includes(a)])) as Record<Action, boolean>;

/**
 * The product brief's role matrix, row by row, for someone in the consortium acting on their own
 * organisation with the default ground rules (only admins publish). A representative holds their
 * mandate; a deputy has no delegation and a representative is in office.
 */
const matrix: Record<Role, Record<Action, boolean>> = {
	admin: all(
		'consortium.view',
		'internal.read',
		'content.write',
		'delegation.manage',
		'members.manage',
		'rules.manage',
		'decisions.manage',
		'priorities.manage',
		'webhooks.manage',
		'portfolio.manage',
		'audit.read',
		'supplier.publish',
		'published.read',
		'documents.read'
	),
	representative: all(
		'consortium.view',
		'internal.read',
		'content.write',
		'organisation.state_position',
		'organisation.approve',
		'delegation.manage',
		'published.read',
		'documents.read'
	),
	deputy: all('consortium.view', 'internal.read', 'content.write', 'published.read', 'documents.read'),
	member: all('consortium.view', 'internal.read', 'content.write', 'published.read', 'documents.read'),
	observer: all('consortium.view', 'internal.read', 'published.read', 'documents.read'),
	supplier: all('consortium.view', 'published.read', 'documents.read', 'supplier.interact'),
	// An external reviewer: nothing of the consortium but the documents area, where only its rounds exist.
	reviewer: all('consortium.view', 'documents.read')
};

describe('the role matrix: every role × every action', () => {
	for (const [role, expected] of Object.entries(matrix) as [Role, Record<Action, boolean>][]) {
		for (const action of actions) {
			const verdict = expected[action] ? 'may' : 'may not';
			it(`${role} ${verdict} ${action}`, () => {
				expect(can(actor(role), action, { consortiumId: A })).toBe(expected[action]);
			});
		}
	}

	it('abilities() gives the same answers as can() for every action', () => {
		for (const role of Object.keys(matrix) as Role[]) {
			expect(abilities(actor(role), { consortiumId: A })).toEqual(matrix[role]);
		}
	});
});

describe('outside the consortium', () => {
	for (const role of Object.keys(matrix) as Role[]) {
		it(`a ${role} of consortium A may do nothing in consortium B`, () => {
			for (const action of actions.filter((a) => a !== 'platform.operate')) {
				expect(can(actor(role), action, { consortiumId: B }), action).toBe(false);
			}
		});
	}

	it('nobody (no actor, no membership, no resource) may do anything', () => {
		const stranger: Actor = { id: 'x', isOperator: false, membership: null };
		for (const action of actions) {
			expect(can(null, action, { consortiumId: A })).toBe(false);
			expect(can(stranger, action, { consortiumId: A })).toBe(false);
			if (action !== 'platform.operate') expect(can(actor('admin'), action)).toBe(false);
		}
	});

	it('only operators operate the platform, and being one gives no rights inside a consortium', () => {
		const operator: Actor = { id: 'op', isOperator: true, membership: null };
		expect(can(operator, 'platform.operate')).toBe(true);
		expect(can(actor('admin'), 'platform.operate')).toBe(false);
		for (const action of actions.filter((a) => a !== 'platform.operate')) {
			expect(can(operator, action, { consortiumId: A }), action).toBe(false);
		}
	});
});

describe('speaking for an organisation', () => {
	const speakingActions: Action[] = ['organisation.state_position', 'organisation.approve'];
	const cases: { who: string; actor: Actor; organisationId?: string; allowed: boolean }[] = [
		{ who: 'representative holding the mandate', actor: actor('representative', true), allowed: true },
		{ who: 'representative whose mandate has ended', actor: actor('representative', false), allowed: false },
		{ who: 'deputy without delegation, representative in office', actor: actor('deputy', false), allowed: false },
		{ who: 'deputy with a delegation in force', actor: actor('deputy', true), allowed: true },
		{ who: 'deputy with no representative in office', actor: actor('deputy', true), allowed: true },
		{ who: 'representative, for another organisation', actor: actor('representative', true), organisationId: OTHER, allowed: false },
		{ who: 'deputy with delegation, for another organisation', actor: actor('deputy', true), organisationId: OTHER, allowed: false },
		{ who: 'representative, for their own organisation named explicitly', actor: actor('representative', true), organisationId: OWN, allowed: true },
		{ who: 'admin (never speaks for an organisation)', actor: actor('admin', true), allowed: false },
		{ who: 'member flagged as speaking (role decides)', actor: actor('member', true), allowed: false },
		{ who: 'observer flagged as speaking (role decides)', actor: actor('observer', true), allowed: false }
	];
	for (const c of cases) {
		for (const action of speakingActions) {
			it(`${c.who}: ${action} ${c.allowed ? 'allowed' : 'refused'}`, () => {
				expect(can(c.actor, action, { consortiumId: A, organisationId: c.organisationId })).toBe(c.allowed);
			});
		}
	}
});

describe('delegating the organisation’s voice', () => {
	it('a representative delegates for their own organisation only; an admin for any', () => {
		expect(can(actor('representative'), 'delegation.manage', { consortiumId: A, organisationId: OWN })).toBe(true);
		expect(can(actor('representative'), 'delegation.manage', { consortiumId: A, organisationId: OTHER })).toBe(false);
		expect(can(actor('admin'), 'delegation.manage', { consortiumId: A, organisationId: OTHER })).toBe(true);
		for (const role of ['deputy', 'member', 'observer', 'supplier'] as const) {
			expect(can(actor(role, true), 'delegation.manage', { consortiumId: A, organisationId: OWN }), role).toBe(false);
		}
	});
});

describe('publishing to the supplier under each ground-rules setting', () => {
	const table: Record<PublishingRight, Record<Role, boolean>> = {
		admins: { admin: true, representative: false, deputy: false, member: false, observer: false, supplier: false, reviewer: false },
		admins_and_representatives: { admin: true, representative: true, deputy: false, member: false, observer: false, supplier: false, reviewer: false },
		representatives: { admin: false, representative: true, deputy: false, member: false, observer: false, supplier: false, reviewer: false }
	};
	for (const [publishing, byRole] of Object.entries(table) as [PublishingRight, Record<Role, boolean>][]) {
		for (const [role, allowed] of Object.entries(byRole) as [Role, boolean][]) {
			it(`${publishing}: ${role} ${allowed ? 'may' : 'may not'} publish`, () => {
				expect(can(actor(role), 'supplier.publish', { consortiumId: A, publishing })).toBe(allowed);
			});
		}
	}

	it('a deputy acting for the organisation still may not publish', () => {
		for (const publishing of Object.keys(table) as PublishingRight[]) {
			expect(can(actor('deputy', true), 'supplier.publish', { consortiumId: A, publishing })).toBe(false);
		}
	});
});

describe('authorize', () => {
	it('throws Forbidden naming the action when refused, and passes when allowed', () => {
		expect(() => authorize(actor('member'), 'members.manage', { consortiumId: A })).toThrow(Forbidden);
		expect(() => authorize(actor('admin'), 'members.manage', { consortiumId: A })).not.toThrow();
	});

	it('answers someone outside the consortium as for a missing thing, and an item locked by its state with a 409 and the reason', () => {
		expect(() => authorize(actor('admin'), 'members.manage', { consortiumId: B })).toThrow(NotFound);
		const approved: RequirementResource = { consortiumId: A, status: 'approved', isLatest: true, revision: 1 };
		let refusal: unknown;
		try {
			authorize(actor('member'), 'requirement.submit', approved);
		} catch (e) {
			refusal = e;
		}
		expect(refusal).toBeInstanceOf(CommandError);
		expect(refusal).toMatchObject({ key: 'requirement_wrong_status', status: 409 });
	});
});

describe('per-item rules', () => {
	const requirement = (status: RequirementResource['status'], more: Partial<RequirementResource> = {}): RequirementResource => ({
		consortiumId: A,
		status,
		isLatest: true,
		revision: 1,
		...more
	});

	it('a comment is removed by its author or an admin, nobody else (the reason is said)', () => {
		const mine = { consortiumId: A, authorId: 'user-member' };
		const theirs = { consortiumId: A, authorId: 'someone-else' };
		expect(can(actor('member'), 'comment.delete', mine)).toBe(true);
		expect(decide(actor('member'), 'comment.delete', theirs)).toEqual({ kind: 'forbidden', key: 'comment_not_yours' });
		expect(can(actor('representative'), 'comment.delete', theirs)).toBe(false);
		expect(can(actor('admin'), 'comment.delete', theirs)).toBe(true);
		expect(can(actor('observer'), 'comment.delete', { consortiumId: A, authorId: 'user-observer' })).toBe(false);
		expect(can(actor('admin'), 'comment.delete', { consortiumId: B, authorId: 'user-admin' })).toBe(false);
	});

	it('an organisation joins a need captured by another organisation, never its own', () => {
		expect(can(actor('member'), 'need.join', { consortiumId: A, capturedByOrganisationId: OTHER })).toBe(true);
		expect(can(actor('member'), 'need.join', { consortiumId: A, capturedByOrganisationId: null })).toBe(true);
		expect(decide(actor('member'), 'need.join', { consortiumId: A, capturedByOrganisationId: OWN })).toEqual({ kind: 'locked', key: 'need_own_organisation' });
		expect(can(actor('observer'), 'need.join', { consortiumId: A, capturedByOrganisationId: OTHER })).toBe(false);
	});

	it('the workflow of a requirement revision, status by status (the table the page shows its buttons from)', () => {
		const table: [RequirementResource, Record<string, boolean>][] = [
			[requirement('draft'), { update: true, edit_text: true, delete: true, submit: true, return: false, withdraw: true }],
			[requirement('draft', { revision: 2 }), { update: true, edit_text: true, delete: false, submit: true, return: false, withdraw: true }],
			[requirement('in_review'), { update: true, edit_text: true, delete: false, submit: false, return: true, withdraw: true }],
			[requirement('approved'), { update: true, edit_text: false, delete: false, submit: false, return: false, withdraw: true }],
			[requirement('approved', { isLatest: false }), { update: false, edit_text: false, delete: false, submit: false, return: false, withdraw: true }],
			[requirement('replaced', { isLatest: false }), { update: false, edit_text: false, delete: false, submit: false, return: false, withdraw: false }],
			[requirement('withdrawn'), { update: false, edit_text: false, delete: false, submit: false, return: false, withdraw: false }]
		];
		for (const [row, expected] of table) {
			const { verdict: _verdict, ...got } = itemAbilities(actor('member'), 'requirement', row);
			expect(got, `${row.status} rev ${row.revision} latest ${row.isLatest}`).toEqual(expected);
			// an observer may do none of it, whatever the status
			expect(Object.values(itemAbilities(actor('observer'), 'requirement', row)).some(Boolean)).toBe(false);
		}
	});

	it('a verdict is given by whoever speaks for a voting organisation, only while the revision is in review', () => {
		expect(can(actor('representative', true), 'requirement.verdict', requirement('in_review'))).toBe(true);
		expect(can(actor('deputy', true), 'requirement.verdict', requirement('in_review'))).toBe(true);
		expect(can(actor('deputy', false), 'requirement.verdict', requirement('in_review'))).toBe(false);
		expect(can(actor('member', true), 'requirement.verdict', requirement('in_review'))).toBe(false);
		expect(decide(actor('representative', true), 'requirement.verdict', requirement('draft'))).toEqual({ kind: 'locked', key: 'requirement_not_in_review' });
		expect(decide(actor('representative', true, { kind: 'convenor' }), 'requirement.verdict', requirement('in_review'))).toEqual({
			kind: 'forbidden',
			key: 'organisation_not_voting'
		});
	});

	it("a delegation is revoked by an admin or the organisation's representative, also one appointed after it was given", () => {
		const delegation = { consortiumId: A, organisationId: OWN };
		expect(can(actor('admin'), 'delegation.revoke', { consortiumId: A, organisationId: OTHER })).toBe(true);
		expect(can(actor('representative'), 'delegation.revoke', delegation)).toBe(true);
		expect(can(actor('representative'), 'delegation.revoke', { consortiumId: A, organisationId: OTHER })).toBe(false);
		expect(can(actor('deputy', true), 'delegation.revoke', delegation)).toBe(false);
		expect(can(actor('member'), 'delegation.revoke', delegation)).toBe(false);
	});

	it('a meeting is run by admins until justerat; writers draft paragraphs; only a named adjuster approves, once (the reason is said)', () => {
		const meeting = (more: Partial<MeetingResource> = {}): MeetingResource => ({
			consortiumId: A,
			minutesStarted: true,
			adjusted: false,
			adjuster: null,
			...more
		});
		expect(can(actor('admin'), 'meeting.edit', meeting())).toBe(true);
		expect(can(actor('member'), 'meeting.edit', meeting())).toBe(false);
		expect(decide(actor('admin'), 'meeting.edit', meeting({ adjusted: true }))).toEqual({ kind: 'locked', key: 'meetings_adjusted' });
		expect(decide(actor('admin'), 'meeting.start_minutes', meeting())).toEqual({ kind: 'locked', key: 'meetings_minutes_started' });
		expect(can(actor('admin'), 'meeting.start_minutes', meeting({ minutesStarted: false }))).toBe(true);
		expect(can(actor('member'), 'meeting.write_paragraph', meeting())).toBe(true);
		expect(can(actor('observer'), 'meeting.write_paragraph', meeting())).toBe(false);
		expect(decide(actor('member'), 'meeting.write_paragraph', meeting({ minutesStarted: false }))).toEqual({
			kind: 'locked',
			key: 'meetings_minutes_not_started'
		});
		expect(decide(actor('member'), 'meeting.write_paragraph', meeting({ adjusted: true }))).toEqual({ kind: 'locked', key: 'meetings_adjusted' });
		expect(decide(actor('admin'), 'meeting.approve', meeting())).toEqual({ kind: 'forbidden', key: 'meetings_not_adjuster' });
		expect(can(actor('observer'), 'meeting.approve', meeting({ adjuster: { approved: false } }))).toBe(true);
		expect(decide(actor('representative'), 'meeting.approve', meeting({ adjuster: { approved: true } }))).toEqual({
			kind: 'locked',
			key: 'meetings_already_approved'
		});
		expect(decide(actor('representative'), 'meeting.approve', meeting({ minutesStarted: false, adjuster: { approved: false } }))).toEqual({
			kind: 'locked',
			key: 'meetings_minutes_not_started'
		});
		expect(decide(actor('supplier'), 'meeting.approve', meeting({ adjuster: { approved: false } }))).toEqual({
			kind: 'forbidden',
			key: 'meetings_not_adjuster'
		});
		expect(can(actor('supplier'), 'meeting.read_minutes', meeting())).toBe(false);
		expect(can(actor('observer'), 'meeting.read_minutes', meeting())).toBe(true);
		expect(can(actor('admin'), 'meeting.edit', { ...meeting(), consortiumId: B })).toBe(false);
	});
});

describe('priority rounds', () => {
	const round = (more: Partial<PriorityRoundResource> = {}): PriorityRoundResource => ({ consortiumId: A, status: 'open', deadlinePassed: false, ...more });

	it('admins prepare, open and close a round, each in its state (the reason is said)', () => {
		expect(can(actor('admin'), 'priority_round.edit', round({ status: 'draft' }))).toBe(true);
		expect(decide(actor('admin'), 'priority_round.edit', round())).toEqual({ kind: 'locked', key: 'priority_round_not_draft' });
		expect(can(actor('admin'), 'priority_round.open', round({ status: 'draft' }))).toBe(true);
		expect(decide(actor('admin'), 'priority_round.open', round({ status: 'draft', deadlinePassed: true }))).toEqual({
			kind: 'locked',
			key: 'priority_deadline_past'
		});
		expect(can(actor('admin'), 'priority_round.close', round())).toBe(true);
		expect(decide(actor('admin'), 'priority_round.close', round({ status: 'closed' }))).toEqual({ kind: 'locked', key: 'priority_round_not_open' });
		for (const role of ['representative', 'deputy', 'member', 'observer', 'supplier'] as const) {
			expect(can(actor(role, true), 'priority_round.open', round({ status: 'draft' })), role).toBe(false);
			expect(can(actor(role, true), 'priority_round.close', round()), role).toBe(false);
		}
		expect(can(actor('admin'), 'priority_round.close', { ...round(), consortiumId: B })).toBe(false);
	});

	it('whoever speaks for a voting organisation submits while the round is open and before its deadline', () => {
		expect(can(actor('representative', true), 'priority_round.submit', round())).toBe(true);
		expect(can(actor('deputy', true), 'priority_round.submit', round())).toBe(true);
		expect(decide(actor('deputy', false), 'priority_round.submit', round())).toEqual({ kind: 'forbidden', key: 'priority_not_speaker' });
		expect(decide(actor('representative', false), 'priority_round.submit', round())).toEqual({ kind: 'forbidden', key: 'priority_not_speaker' });
		expect(decide(actor('member', true), 'priority_round.submit', round())).toEqual({ kind: 'forbidden', key: 'priority_not_speaker' });
		expect(decide(actor('admin', true), 'priority_round.submit', round())).toEqual({ kind: 'forbidden', key: 'priority_not_speaker' });
		expect(decide(actor('representative', true, { kind: 'convenor' }), 'priority_round.submit', round())).toEqual({
			kind: 'forbidden',
			key: 'organisation_not_voting'
		});
		expect(decide(actor('supplier', true), 'priority_round.submit', round())).toEqual({ kind: 'forbidden', key: 'forbidden' });
		expect(decide(actor('representative', true), 'priority_round.submit', round({ deadlinePassed: true }))).toEqual({
			kind: 'locked',
			key: 'priority_deadline_past'
		});
		expect(decide(actor('representative', true), 'priority_round.submit', round({ status: 'closed' }))).toEqual({
			kind: 'locked',
			key: 'priority_round_not_open'
		});
		expect(decide(actor('representative', true), 'priority_round.submit', { ...round(), consortiumId: B })).toEqual({ kind: 'outside', key: 'not_found' });
	});
});

describe('live events', () => {
	const actors = new Map<string, Actor>([[A, actor('supplier')]]);
	const internalActors = new Map<string, Actor>([[A, actor('member')]]);
	const adminActors = new Map<string, Actor>([[A, actor('admin')]]);
	const event = (audience: 'internal' | 'everyone' | 'admins' | 'user', consortiumId: string | null = A, userId: string | null = null) => ({
		consortiumId,
		audience,
		userId
	});

	it('internal events reach internal members only, never the supplier or another consortium', () => {
		expect(canReceiveEvent('u', internalActors, event('internal'))).toBe(true);
		expect(canReceiveEvent('u', actors, event('internal'))).toBe(false);
		expect(canReceiveEvent('u', internalActors, event('internal', B))).toBe(false);
	});

	it('a reviewer receives no consortium event, internal or everyone, only its own user events', () => {
		const reviewers = new Map<string, Actor>([[A, actor('reviewer')]]);
		expect(canReceiveEvent('user-reviewer', reviewers, event('internal'))).toBe(false);
		expect(canReceiveEvent('user-reviewer', reviewers, event('everyone'))).toBe(false);
		expect(canReceiveEvent('user-reviewer', reviewers, event('admins'))).toBe(false);
		expect(canReceiveEvent('user-reviewer', reviewers, event('user', A, 'user-reviewer'))).toBe(true);
	});

	it('admin events reach admins; everyone-events reach the supplier; user events their user', () => {
		expect(canReceiveEvent('u', adminActors, event('admins'))).toBe(true);
		expect(canReceiveEvent('u', internalActors, event('admins'))).toBe(false);
		expect(canReceiveEvent('u', actors, event('everyone'))).toBe(true);
		expect(canReceiveEvent('u', new Map(), event('user', null, 'u'))).toBe(true);
		expect(canReceiveEvent('v', new Map(), event('user', null, 'u'))).toBe(false);
	});
});

describe('the portfolio: who keeps a municipality’s row', () => {
	const own = { consortiumId: A, organisationId: OWN };
	const other = { consortiumId: A, organisationId: OTHER };
	it.each([
		['admin', true, true],
		['representative', true, false],
		['deputy', true, false],
		['member', true, false],
		['observer', false, false],
		['supplier', false, false]
	] as const)('%s: own organisation %s, another %s', (role, onOwn, onOther) => {
		expect(can(actor(role), 'portfolio_status.edit', own)).toBe(onOwn);
		expect(can(actor(role), 'portfolio_status.edit', other)).toBe(onOther);
	});

	it('says why a member may not keep another municipality’s row, and answers someone outside like a missing thing', () => {
		expect(decide(actor('member'), 'portfolio_status.edit', other)).toEqual({ kind: 'forbidden', key: 'portfolio_not_own_organisation' });
		expect(decide(actor('member'), 'portfolio_status.edit', { consortiumId: B, organisationId: OWN })).toEqual({ kind: 'outside', key: 'not_found' });
		expect(itemAbilities(actor('deputy'), 'portfolio_status', own)).toEqual({ edit: true });
	});
});

describe('initiatives (initiative.edit)', () => {
	const taking = { consortiumId: A, organisationIds: [OWN] };
	const outside = { consortiumId: A, organisationIds: ['99999999-9999-4999-8999-999999999999'] };
	it.each([
		['admin', true, true],
		['representative', true, false],
		['deputy', true, false],
		['member', true, false],
		['observer', false, false],
		['supplier', false, false]
	] as const)('%s: taking part %s, not taking part %s', (role, onOwn, onOther) => {
		expect(can(actor(role), 'initiative.edit', taking)).toBe(onOwn);
		expect(can(actor(role), 'initiative.edit', outside)).toBe(onOther);
	});

	it('says why a member outside it may not change it, and answers someone outside the consortium like a missing thing', () => {
		expect(decide(actor('member'), 'initiative.edit', outside)).toEqual({ kind: 'forbidden', key: 'initiative_not_participant' });
		expect(decide(actor('member'), 'initiative.edit', { consortiumId: B, organisationIds: [OWN] })).toEqual({ kind: 'outside', key: 'not_found' });
	});
});

describe('attachments (attachment.add, attachment.read, attachment.delete)', () => {
	const item = (status: 'draft' | 'open' | 'closed' | 'recorded' | 'withdrawn') => ({ consortiumId: A, kind: 'decision_item' as const, status });
	const meeting = (adjusted: boolean) => ({ consortiumId: A, kind: 'meeting' as const, adjusted });
	const mine = (role: Role, target: AttachmentTargetResource) => ({ consortiumId: A, uploadedBy: `user-${role}`, target });
	const theirs = (target: AttachmentTargetResource) => ({ consortiumId: A, uploadedBy: 'user-someone-else', target });

	it.each([
		['admin', true],
		['representative', true],
		['deputy', true],
		['member', true],
		['observer', false],
		['supplier', false]
	] as const)('%s may attach to an open item: %s; to a recorded one: never', (role, allowed) => {
		expect(can(actor(role), 'attachment.add', item('open'))).toBe(allowed);
		expect(can(actor(role), 'attachment.add', item('recorded'))).toBe(false);
	});

	it('says why: the target no longer takes changes (409), or the initiative is not theirs', () => {
		expect(decide(actor('member'), 'attachment.add', item('recorded'))).toEqual({ kind: 'locked', key: 'attachments_target_closed' });
		expect(decide(actor('member'), 'attachment.add', meeting(true))).toEqual({ kind: 'locked', key: 'meetings_adjusted' });
		expect(decide(actor('member'), 'attachment.add', { consortiumId: A, kind: 'initiative', organisationIds: [OTHER] })).toEqual({
			kind: 'forbidden',
			key: 'initiative_not_participant'
		});
		const replaced = { consortiumId: A, kind: 'requirement' as const, status: 'replaced' as const, isLatest: false, revision: 1 };
		expect(decide(actor('member'), 'attachment.add', replaced)).toEqual({ kind: 'locked', key: 'attachments_target_closed' });
	});

	it('internal members read every attachment; the supplier only what reached it, and to it the rest does not exist', () => {
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer'] as const)
			expect(can(actor(role), 'attachment.read', { consortiumId: A, publishedToSupplier: false })).toBe(true);
		expect(can(actor('supplier'), 'attachment.read', { consortiumId: A, publishedToSupplier: true })).toBe(true);
		expect(decide(actor('supplier'), 'attachment.read', { consortiumId: A, publishedToSupplier: false })).toEqual({ kind: 'outside', key: 'not_found' });
		expect(decide(actor('admin'), 'attachment.read', { consortiumId: B, publishedToSupplier: true })).toEqual({ kind: 'outside', key: 'not_found' });
	});

	it('is removed by its uploader or an admin while the target takes changes', () => {
		expect(can(actor('member'), 'attachment.delete', mine('member', meeting(false)))).toBe(true);
		expect(can(actor('admin'), 'attachment.delete', theirs(meeting(false)))).toBe(true);
		expect(decide(actor('member'), 'attachment.delete', theirs(meeting(false)))).toEqual({ kind: 'forbidden', key: 'attachments_not_yours' });
		expect(decide(actor('observer'), 'attachment.delete', mine('observer', meeting(false)))).toEqual({ kind: 'forbidden', key: 'forbidden' });
		expect(decide(actor('supplier'), 'attachment.delete', theirs(meeting(false)))).toEqual({ kind: 'outside', key: 'not_found' });
		expect(decide(actor('admin'), 'attachment.delete', theirs(meeting(true)))).toEqual({ kind: 'locked', key: 'meetings_adjusted' });
	});
});

describe('procurement documents (document.*)', () => {
	const writing: [Role, boolean][] = [
		['admin', true],
		['representative', true],
		['deputy', true],
		['member', true],
		['observer', false],
		['supplier', false],
		['reviewer', false]
	];
	const doc = (more: Partial<DocumentResource> = {}): DocumentResource => ({
		consortiumId: A,
		inApproval: false,
		everApproved: false,
		publishing: 'admins',
		...more
	});
	const version = (status: DocumentVersionResource['status'], more: Partial<Omit<DocumentVersionResource, 'audience'>> = {}): DocumentVersionResource => ({
		consortiumId: A,
		status,
		audience: 'supplier',
		published: false,
		openForComments: false,
		publishing: 'admins',
		...more
	});
	/** A reviewer round of the version: `user-reviewer` (the test reviewer) named in it unless `reviewerIds` says otherwise. */
	const round = (
		status: DocumentVersionResource['status'],
		more: Partial<{ published: boolean; openForComments: boolean; reviewerIds: string[]; replyByPassed: boolean; publishing: PublishingRight }> = {}
	): DocumentVersionResource => ({
		consortiumId: A,
		status,
		audience: 'reviewers',
		published: true,
		openForComments: true,
		reviewerIds: ['user-reviewer'],
		replyByPassed: false,
		publishing: 'admins',
		...more
	});

	it.each(writing)('%s co-writes the draft and sends a version for approval: %s', (role, allowed) => {
		expect(can(actor(role), 'document.edit', doc())).toBe(allowed);
		expect(can(actor(role), 'document.edit', doc({ inApproval: true, everApproved: true }))).toBe(allowed);
		expect(can(actor(role), 'document.send', doc())).toBe(allowed);
		expect(can(actor(role), 'document.send', doc({ everApproved: true }))).toBe(allowed);
	});

	it('sends one version at a time: while one is in approval, sending another is locked (409)', () => {
		expect(decide(actor('member'), 'document.send', doc({ inApproval: true }))).toEqual({ kind: 'locked', key: 'document_approval_pending' });
		expect(decide(actor('observer'), 'document.send', doc({ inApproval: true }))).toEqual({ kind: 'forbidden', key: 'forbidden' });
		expect(decide(actor('member'), 'document.edit', { ...doc(), consortiumId: B })).toEqual({ kind: 'outside', key: 'not_found' });
	});

	it('is deleted by an admin only, and never once a version of it was approved', () => {
		expect(can(actor('admin'), 'document.delete', doc())).toBe(true);
		expect(can(actor('admin'), 'document.delete', doc({ inApproval: true }))).toBe(true);
		for (const role of ['representative', 'deputy', 'member', 'observer', 'supplier'] as const)
			expect(decide(actor(role, true), 'document.delete', doc()), role).toEqual({ kind: 'forbidden', key: 'forbidden' });
		expect(decide(actor('admin'), 'document.delete', doc({ everApproved: true }))).toEqual({ kind: 'locked', key: 'document_approved_kept' });
		expect(decide(actor('member'), 'document.delete', doc({ everApproved: true }))).toEqual({ kind: 'forbidden', key: 'forbidden' });
	});

	it('a verdict is given by whoever speaks for a municipality or a region, only while the version is in approval', () => {
		const inApproval = version('in_approval');
		expect(can(actor('representative', true), 'document.verdict', inApproval)).toBe(true);
		expect(can(actor('deputy', true), 'document.verdict', inApproval)).toBe(true);
		expect(can(actor('representative', true, { kind: 'region' }), 'document.verdict', inApproval)).toBe(true);
		expect(can(actor('deputy', true, { kind: 'region' }), 'document.verdict', inApproval)).toBe(true);
		// Without the voice: a deputy with no delegation, a representative out of office, other roles whatever the flag.
		for (const who of [actor('deputy', false), actor('representative', false), actor('admin', true), actor('member', true), actor('observer', true)])
			expect(decide(who, 'document.verdict', inApproval), who.membership!.role).toEqual({ kind: 'forbidden', key: 'forbidden' });
		expect(decide(actor('representative', true, { kind: 'convenor' }), 'document.verdict', inApproval)).toEqual({
			kind: 'forbidden',
			key: 'organisation_not_voting'
		});
		// To the supplier, a version in approval does not exist.
		expect(decide(actor('supplier'), 'document.verdict', inApproval)).toEqual({ kind: 'outside', key: 'not_found' });
		expect(decide(actor('supplier', true), 'document.verdict', inApproval)).toEqual({ kind: 'outside', key: 'not_found' });
		for (const status of ['saved', 'approved', 'rejected'] as const)
			expect(decide(actor('representative', true), 'document.verdict', version(status)), status).toEqual({
				kind: 'locked',
				key: 'document_not_in_approval'
			});
		expect(decide(actor('representative', true), 'document.verdict', { ...inApproval, consortiumId: B })).toEqual({ kind: 'outside', key: 'not_found' });
	});

	it('an approved version is published by whoever may speak to the supplier under the ground rules, once', () => {
		const table: Record<PublishingRight, Record<Role, boolean>> = {
			admins: { admin: true, representative: false, deputy: false, member: false, observer: false, supplier: false, reviewer: false },
			admins_and_representatives: { admin: true, representative: true, deputy: false, member: false, observer: false, supplier: false, reviewer: false },
			representatives: { admin: false, representative: true, deputy: false, member: false, observer: false, supplier: false, reviewer: false }
		};
		for (const [publishing, byRole] of Object.entries(table) as [PublishingRight, Record<Role, boolean>][])
			for (const [role, allowed] of Object.entries(byRole) as [Role, boolean][]) {
				const approved = version('approved', { publishing });
				expect(can(actor(role), 'document.publish', approved), `${publishing} ${role}`).toBe(allowed);
				// The same answer as for publishing anything else to the supplier.
				expect(can(actor(role), 'document.publish', approved)).toBe(can(actor(role), 'supplier.publish', { consortiumId: A, publishing }));
			}
		for (const status of ['saved', 'in_approval', 'rejected'] as const)
			expect(decide(actor('admin'), 'document.publish', version(status)), status).toEqual({ kind: 'locked', key: 'document_not_approved' });
		expect(decide(actor('admin'), 'document.publish', version('approved', { published: true }))).toEqual({
			kind: 'locked',
			key: 'document_already_published'
		});
		expect(decide(actor('member'), 'document.publish', version('approved'))).toEqual({ kind: 'forbidden', key: 'forbidden' });
		expect(decide(actor('member'), 'document.publish', version('saved'))).toEqual({ kind: 'forbidden', key: 'forbidden' });
	});

	it('a published version is read by every internal member, and by the supplier only once published; to it the rest does not exist', () => {
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer'] as const) {
			expect(can(actor(role), 'document.read_published', version('approved')), role).toBe(true);
			expect(can(actor(role), 'document.read_published', version('approved', { published: true })), role).toBe(true);
		}
		expect(can(actor('supplier'), 'document.read_published', version('approved', { published: true }))).toBe(true);
		for (const status of ['saved', 'in_approval', 'approved', 'rejected'] as const)
			expect(decide(actor('supplier'), 'document.read_published', version(status)), status).toEqual({ kind: 'outside', key: 'not_found' });
		expect(decide(actor('supplier'), 'document.read_published', { ...version('approved', { published: true }), consortiumId: B })).toEqual({
			kind: 'outside',
			key: 'not_found'
		});
	});

	it('the supplier alone comments, on a published version open for comments (the reason is said)', () => {
		const open = version('approved', { published: true, openForComments: true });
		expect(can(actor('supplier'), 'document.feedback', open)).toBe(true);
		expect(decide(actor('supplier'), 'document.feedback', version('approved', { published: true }))).toEqual({
			kind: 'locked',
			key: 'document_feedback_closed'
		});
		expect(decide(actor('supplier'), 'document.feedback', version('approved'))).toEqual({ kind: 'outside', key: 'not_found' });
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer'] as const)
			expect(decide(actor(role, true), 'document.feedback', open), role).toEqual({ kind: 'forbidden', key: 'forbidden' });
	});

	it('publishes an approved version to any number of reviewer rounds, under the same right as to the supplier', () => {
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer', 'supplier', 'reviewer'] as const)
			expect(can(actor(role), 'document.publish', round('approved', { published: false })), role).toBe(role === 'admin');
		// A version already published to the supplier, or to another round, still goes to a new round.
		expect(can(actor('admin'), 'document.publish', round('approved', { published: false, reviewerIds: [] }))).toBe(true);
		for (const status of ['saved', 'in_approval', 'rejected'] as const)
			expect(decide(actor('admin'), 'document.publish', round(status, { published: false })), status).toEqual({ kind: 'locked', key: 'document_not_approved' });
		expect(can(actor('representative'), 'document.publish', round('approved', { published: false, publishing: 'admins_and_representatives' }))).toBe(true);
	});

	it('a reviewer reads a round it is named in, and nothing else: to it the rest does not exist', () => {
		expect(can(actor('reviewer'), 'document.read_published', round('approved'))).toBe(true);
		for (const [what, resource] of [
			['a round it is not named in', round('approved', { reviewerIds: ['someone-else'] })],
			['a round not published', round('approved', { published: false })],
			['the supplier publication', version('approved', { published: true })],
			['an unpublished version', version('saved')],
			['another consortium', { ...round('approved'), consortiumId: B }]
		] as const)
			expect(decide(actor('reviewer'), 'document.read_published', resource), what).toEqual({ kind: 'outside', key: 'not_found' });
		// The supplier never reads a reviewer round; internal members read every one.
		expect(decide(actor('supplier'), 'document.read_published', round('approved'))).toEqual({ kind: 'outside', key: 'not_found' });
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer'] as const)
			expect(can(actor(role), 'document.read_published', round('approved', { reviewerIds: [] })), role).toBe(true);
		// Nor the verdicts on a version: for a reviewer, a version in approval does not exist.
		expect(decide(actor('reviewer', true), 'document.verdict', version('in_approval'))).toEqual({ kind: 'outside', key: 'not_found' });
	});

	it('a reviewer named in a round comments while it takes comments and until its last day', () => {
		expect(can(actor('reviewer'), 'document.feedback', round('approved'))).toBe(true);
		expect(decide(actor('reviewer'), 'document.feedback', round('approved', { openForComments: false }))).toEqual({
			kind: 'locked',
			key: 'document_feedback_closed'
		});
		expect(decide(actor('reviewer'), 'document.feedback', round('approved', { replyByPassed: true }))).toEqual({
			kind: 'locked',
			key: 'document_round_past_reply_by'
		});
		expect(decide(actor('reviewer'), 'document.feedback', round('approved', { reviewerIds: ['someone-else'] }))).toEqual({ kind: 'outside', key: 'not_found' });
		expect(decide(actor('reviewer'), 'document.feedback', version('approved', { published: true, openForComments: true }))).toEqual({
			kind: 'outside',
			key: 'not_found'
		});
		expect(decide(actor('supplier'), 'document.feedback', round('approved'))).toEqual({ kind: 'outside', key: 'not_found' });
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer'] as const)
			expect(decide(actor(role, true), 'document.feedback', round('approved')), role).toEqual({ kind: 'forbidden', key: 'forbidden' });
	});

	it('has a sentence for every reason it gives', () => {
		for (const key of [
			'document_round_past_reply_by',
			'document_approval_pending',
			'document_approved_kept',
			'organisation_not_voting',
			'document_not_in_approval',
			'document_not_approved',
			'document_already_published',
			'document_feedback_closed',
			'document_baseline_only_specification',
			'document_version_not_saved'
		])
			expect(hasMessage(key), key).toBe(true);
	});
});

describe('effect goal measurements (goal_measurement.record, goal_measurement.change)', () => {
	const forOwn = { consortiumId: A, organisationId: OWN, recordedBy: null };
	const forOther = { consortiumId: A, organisationId: OTHER, recordedBy: null };
	const forAll = { consortiumId: A, organisationId: null, recordedBy: null };
	it.each([
		['admin', true, true, true],
		['representative', true, false, true],
		['deputy', true, false, true],
		['member', true, false, true],
		['observer', false, false, false],
		['supplier', false, false, false]
	] as const)('%s records: own municipality %s, another %s, the consortium as a whole %s', (role, own, other, whole) => {
		expect(can(actor(role), 'goal_measurement.record', forOwn)).toBe(own);
		expect(can(actor(role), 'goal_measurement.record', forOther)).toBe(other);
		expect(can(actor(role), 'goal_measurement.record', forAll)).toBe(whole);
	});

	it.each([
		['admin', true, true],
		['representative', true, false],
		['member', true, false],
		['observer', false, false],
		['supplier', false, false]
	] as const)('%s corrects or removes: own measurement %s, someone else’s %s', (role, mine, theirs) => {
		expect(can(actor(role), 'goal_measurement.change', { ...forOwn, recordedBy: `user-${role}` })).toBe(mine);
		expect(can(actor(role), 'goal_measurement.change', { ...forOwn, recordedBy: 'user-someone' })).toBe(theirs);
	});

	it('says why, answers someone outside like a missing thing, and has a sentence for each reason', () => {
		expect(decide(actor('member'), 'goal_measurement.record', forOther)).toEqual({ kind: 'forbidden', key: 'goals_measurement_not_own_organisation' });
		expect(decide(actor('member'), 'goal_measurement.change', { ...forOwn, recordedBy: 'user-someone' })).toEqual({
			kind: 'forbidden',
			key: 'goals_measurement_not_yours'
		});
		expect(decide(actor('admin'), 'goal_measurement.record', { ...forOwn, consortiumId: B })).toEqual({ kind: 'outside', key: 'not_found' });
		expect(itemAbilities(actor('member'), 'goal_measurement', { ...forOther, recordedBy: 'user-member' })).toEqual({ record: false, change: true });
		for (const key of ['goals_measurement_not_own_organisation', 'goals_measurement_not_yours', 'goals_target_before_baseline', 'goals_target_equals_baseline'])
			expect(hasMessage(key), key).toBe(true);
	});
});

describe('status reports (status_report.edit, status_report.submit, status_report.acknowledge)', () => {
	const report = (role: Role, overrides: { status?: 'draft' | 'submitted'; acknowledged?: boolean; mine?: boolean } = {}) => ({
		consortiumId: A,
		status: overrides.status ?? ('draft' as const),
		authorId: overrides.mine === false ? 'user-someone-else' : `user-${role}`,
		acknowledged: overrides.acknowledged ?? false
	});
	it.each([
		['admin', true, true],
		['representative', true, false],
		['deputy', true, false],
		['member', true, false],
		['observer', false, false],
		['supplier', false, false]
	] as const)('%s: edits and submits their own draft %s, someone else’s %s', (role, own, others) => {
		for (const action of ['status_report.edit', 'status_report.submit'] as const) {
			expect(can(actor(role), action, report(role))).toBe(own);
			expect(can(actor(role), action, report(role, { mine: false }))).toBe(others);
		}
	});

	it('locks a submitted report, and says why someone else’s draft is not theirs', () => {
		expect(decide(actor('member'), 'status_report.edit', report('member', { status: 'submitted' }))).toEqual({
			kind: 'locked',
			key: 'status_report_submitted'
		});
		expect(decide(actor('admin'), 'status_report.submit', report('admin', { status: 'submitted' }))).toEqual({
			kind: 'locked',
			key: 'status_report_submitted'
		});
		expect(decide(actor('member'), 'status_report.edit', report('member', { mine: false }))).toEqual({ kind: 'forbidden', key: 'status_report_not_yours' });
		expect(decide(actor('member'), 'status_report.edit', { ...report('member'), consortiumId: B })).toEqual({ kind: 'outside', key: 'not_found' });
	});

	it.each([
		['admin', true],
		['representative', true],
		['deputy', false],
		['member', false],
		['observer', false],
		['supplier', false]
	] as const)('%s notes a submitted report as read: %s', (role, allowed) => {
		expect(can(actor(role), 'status_report.acknowledge', report(role, { status: 'submitted', mine: false }))).toBe(allowed);
	});

	it('notes only a submitted report, and only once', () => {
		expect(decide(actor('admin'), 'status_report.acknowledge', report('admin'))).toEqual({ kind: 'locked', key: 'status_report_not_submitted' });
		expect(decide(actor('representative'), 'status_report.acknowledge', report('representative', { status: 'submitted', acknowledged: true }))).toEqual({
			kind: 'locked',
			key: 'status_report_already_acknowledged'
		});
		for (const key of ['status_report_not_yours', 'status_report_submitted', 'status_report_not_submitted', 'status_report_already_acknowledged'])
			expect(hasMessage(key)).toBe(true);
	});
});

describe('change impact (impact_flag.clear)', () => {
	const flag = (cleared = false) => ({ consortiumId: A, cleared });
	it.each([
		['admin', true],
		['representative', true],
		['deputy', true],
		['member', true],
		['observer', false],
		['supplier', false]
	] as const)('%s clears an open flag: %s; the flags are read by internal members only', (role, allowed) => {
		expect(can(actor(role), 'impact_flag.clear', flag())).toBe(allowed);
		expect(can(actor(role), 'internal.read', { consortiumId: A })).toBe(role !== 'supplier');
	});

	it('clears a flag once, and nothing of another consortium', () => {
		expect(decide(actor('member'), 'impact_flag.clear', flag(true))).toEqual({ kind: 'locked', key: 'impact_flag_cleared' });
		expect(decide(actor('admin'), 'impact_flag.clear', { ...flag(), consortiumId: B })).toEqual({ kind: 'outside', key: 'not_found' });
		expect(itemAbilities(actor('observer'), 'impact_flag', flag())).toEqual({ clear: false });
		expect(hasMessage('impact_flag_cleared')).toBe(true);
	});
});
