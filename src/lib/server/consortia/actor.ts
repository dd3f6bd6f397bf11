import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { consortia, delegations, mandates, memberships } from '../db/schema';
import type { Actor, Membership } from '../policy';

export interface ConsortiumRef {
	id: string;
	slug: string;
	name: string;
}

export interface MyConsortium extends ConsortiumRef {
	role: Membership['role'];
}

interface Person {
	id: string;
	isOperator: boolean;
}

const today = sql`current_date`;

/** Whether a deputy may speak for the organisation today: delegated to, or no representative in office. */
async function deputySpeaks(tx: Transaction, userId: string, consortiumId: string, organisationId: string) {
	const [delegated] = await tx
		.select({ id: delegations.id })
		.from(delegations)
		.where(
			and(
				eq(delegations.consortiumId, consortiumId),
				eq(delegations.organisationId, organisationId),
				eq(delegations.toUserId, userId),
				isNull(delegations.revokedAt),
				lte(delegations.validFrom, today),
				or(isNull(delegations.validTo), gte(delegations.validTo, today))
			)
		)
		.limit(1);
	if (delegated) return true;
	const [representative] = await tx
		.select({ id: mandates.id })
		.from(mandates)
		.where(
			and(
				eq(mandates.organisationId, organisationId),
				eq(mandates.kind, 'representative'),
				lte(mandates.validFrom, today),
				or(isNull(mandates.validTo), gte(mandates.validTo, today))
			)
		)
		.limit(1);
	return !representative;
}

/** Whether the person holds a representative mandate for the organisation today (the register decides). */
async function holdsMandate(tx: Transaction, userId: string, organisationId: string) {
	const [row] = await tx
		.select({ id: mandates.id })
		.from(mandates)
		.where(
			and(
				eq(mandates.organisationId, organisationId),
				eq(mandates.userId, userId),
				eq(mandates.kind, 'representative'),
				lte(mandates.validFrom, today),
				or(isNull(mandates.validTo), gte(mandates.validTo, today))
			)
		)
		.limit(1);
	return Boolean(row);
}

/** Builds a person's actor in one consortium, inside a request transaction. */
export async function actorIn(tx: Transaction, person: Person, consortiumId: string): Promise<Actor> {
	const [row] = await tx
		.select({ organisationId: memberships.organisationId, role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.consortiumId, consortiumId), eq(memberships.userId, person.id)));
	if (!row) return { id: person.id, isOperator: person.isOperator, membership: null };
	const speaksForOrganisation =
		(row.role === 'representative' && (await holdsMandate(tx, person.id, row.organisationId))) ||
		(row.role === 'deputy' && (await deputySpeaks(tx, person.id, consortiumId, row.organisationId)));
	return {
		id: person.id,
		isOperator: person.isOperator,
		membership: { consortiumId, organisationId: row.organisationId, role: row.role, speaksForOrganisation }
	};
}

/**
 * The consortium behind a slug and the person's actor in it; null when it does not exist or the
 * person may not see it, so that both answer the same 404.
 */
export async function loadConsortiumActor(person: Person, slug: string): Promise<{ consortium: ConsortiumRef; actor: Actor } | null> {
	return withUser(person, async (tx) => {
		const [consortium] = await tx.select({ id: consortia.id, slug: consortia.slug, name: consortia.name }).from(consortia).where(eq(consortia.slug, slug));
		if (!consortium) return null;
		const actor = await actorIn(tx, person, consortium.id);
		if (!actor.membership && !person.isOperator) return null;
		return { consortium, actor };
	});
}

/** The consortia a person belongs to, with their role in each, for the switcher. */
export async function listMyConsortia(person: Person): Promise<MyConsortium[]> {
	return withUser(person, (tx) =>
		tx
			.select({ id: consortia.id, slug: consortia.slug, name: consortia.name, role: memberships.role })
			.from(memberships)
			.innerJoin(consortia, eq(consortia.id, memberships.consortiumId))
			.where(eq(memberships.userId, person.id))
			.orderBy(consortia.name)
	);
}

/** A person's actor in every consortium they belong to, for the live-event stream. */
export async function actorsByConsortium(person: Person): Promise<Map<string, Actor>> {
	return withUser(person, async (tx) => {
		const rows = await tx.select({ consortiumId: memberships.consortiumId }).from(memberships).where(eq(memberships.userId, person.id));
		const entries = await Promise.all(rows.map(async (r) => [r.consortiumId, await actorIn(tx, person, r.consortiumId)] as const));
		return new Map(entries);
	});
}
