/**
 * The one authorisation vocabulary. Loads, actions, endpoints, the event stream and the
 * WebSocket all ask `can`; row-level security in supabase/migrations mirrors it in the database.
 * The role matrix is the product brief's.
 */

import type { Role } from '../roles';

export { roles, type Role } from '../roles';

export const publishingRights = ['admins', 'admins_and_representatives', 'representatives'] as const;
export type PublishingRight = (typeof publishingRights)[number];

/** A person's standing in one consortium. */
export interface Membership {
	consortiumId: string;
	organisationId: string;
	role: Role;
	/**
	 * Whether this person may commit their organisation right now: a representative while their
	 * mandate in the register is in force; a deputy while a delegation to them is in force or the
	 * organisation has no representative in office.
	 */
	speaksForOrganisation: boolean;
}

export interface Actor {
	id: string;
	isOperator: boolean;
	/** The membership in the consortium being acted on; null for someone outside it. */
	membership: Membership | null;
}

export const actions = [
	'consortium.view',
	'internal.read',
	'content.write',
	'organisation.state_position',
	'organisation.approve',
	'delegation.manage',
	'members.manage',
	'rules.manage',
	'audit.read',
	'supplier.publish',
	'published.read',
	'supplier.interact',
	'platform.operate'
] as const;
export type Action = (typeof actions)[number];

export interface Resource {
	consortiumId: string;
	/** The ground rules' publishing right, for `supplier.publish`. */
	publishing?: PublishingRight;
	/** The organisation a position, approval or delegation is for; defaults to the actor's own. */
	organisationId?: string;
}

const internalRoles: readonly Role[] = ['admin', 'representative', 'deputy', 'member', 'observer'];
const writers: readonly Role[] = ['admin', 'representative', 'deputy', 'member'];

type Rule = (membership: Membership, resource: Resource) => boolean;

const speaksFor: Rule = (m, r) =>
	(m.role === 'representative' || m.role === 'deputy') && m.speaksForOrganisation && (r.organisationId === undefined || r.organisationId === m.organisationId);

const rules: Record<Exclude<Action, 'platform.operate'>, Rule> = {
	'consortium.view': () => true,
	'internal.read': (m) => internalRoles.includes(m.role),
	'content.write': (m) => writers.includes(m.role),
	'organisation.state_position': speaksFor,
	'organisation.approve': speaksFor,
	'delegation.manage': (m, r) =>
		m.role === 'admin' || (m.role === 'representative' && (r.organisationId === undefined || r.organisationId === m.organisationId)),
	'members.manage': (m) => m.role === 'admin',
	'rules.manage': (m) => m.role === 'admin',
	'audit.read': (m) => m.role === 'admin',
	'supplier.publish': (m, r) => {
		const right = r.publishing ?? 'admins';
		if (m.role === 'admin') return right !== 'representatives';
		if (m.role === 'representative') return right !== 'admins';
		return false;
	},
	'published.read': () => true,
	'supplier.interact': (m) => m.role === 'supplier'
};

/** Whether `actor` may do `action` to `resource`. Nobody outside a consortium may do anything in it. */
export function can(actor: Actor | null, action: Action, resource?: Resource): boolean {
	if (!actor) return false;
	if (action === 'platform.operate') return actor.isOperator;
	const membership = actor.membership;
	if (!membership || !resource || membership.consortiumId !== resource.consortiumId) return false;
	return rules[action](membership, resource);
}

export type Abilities = Record<Action, boolean>;

/** Every action's answer at once, for the UI to show or hide controls. */
export function abilities(actor: Actor | null, resource?: Resource): Abilities {
	return Object.fromEntries(actions.map((action) => [action, can(actor, action, resource)])) as Abilities;
}

/** Thrown by commands when the policy says no; routes answer 404 or 403 as fits. */
export class Forbidden extends Error {
	constructor(readonly action: Action) {
		super(`forbidden: ${action}`);
		this.name = 'Forbidden';
	}
}

/** Throws Forbidden unless `can(actor, action, resource)`. */
export function authorize(actor: Actor | null, action: Action, resource?: Resource): asserts actor is Actor {
	if (!can(actor, action, resource)) throw new Forbidden(action);
}

/** The shape of a live event that matters for who may receive it. */
export interface EventAddress {
	consortiumId: string | null;
	audience: 'internal' | 'everyone' | 'admins' | 'user';
	userId: string | null;
}

/** Whether a person, with their actor per consortium, may receive a live event. */
export function canReceiveEvent(userId: string, actors: Map<string, Actor>, event: EventAddress): boolean {
	if (event.audience === 'user') return event.userId === userId;
	if (!event.consortiumId) return false;
	const actor = actors.get(event.consortiumId) ?? null;
	const resource = { consortiumId: event.consortiumId };
	if (event.audience === 'internal') return can(actor, 'internal.read', resource);
	if (event.audience === 'admins') return can(actor, 'members.manage', resource);
	return can(actor, 'published.read', resource);
}
