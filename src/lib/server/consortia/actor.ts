import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { rowsOf } from '../db/rows';
import { consortia, memberships } from '../db/schema';
import { NotFound } from '../errors';
import { authorize, can, type Action, type Actor, type Membership, type ResourceOf } from '../policy';

export interface ConsortiumRef {
	id: string;
	slug: string;
	name: string;
	/** The language its content is written in, for `lang` on that content. */
	contentLanguage: string;
}

export interface MyConsortium extends Omit<ConsortiumRef, 'contentLanguage'> {
	role: Membership['role'];
}

/** A signed-in person (or the creator behind an API token). */
export type Person = Pick<SessionUser, 'id' | 'isOperator'>;

/**
 * Who acts: a person, whose actor in the consortium is resolved inside the command's transaction,
 * or an actor the request resolved once already (`resolvedIn` says for which consortium).
 */
export type Who = Person | (Actor & { resolvedIn: string });

interface ActorRow {
	consortium_id: string;
	slug: string;
	name: string;
	content_language: string;
	organisation_id: string | null;
	organisation_kind: Membership['organisationKind'] | null;
	role: Membership['role'] | null;
	speaks: boolean | null;
}

/**
 * The person's membership and whether they speak for their organisation today, in one statement:
 * a representative while their mandate in the register is in force; a deputy while a delegation to
 * them is in force or the organisation has no representative in office.
 */
function actorQuery(userId: string, where: ReturnType<typeof sql>) {
	return sql`
		select c.id as consortium_id, c.slug, c.name, c.content_language, m.organisation_id, o.kind as organisation_kind, m.role,
			case
				when m.role = 'representative' then exists (
					select 1 from mandates md
					where md.organisation_id = m.organisation_id and md.user_id = m.user_id and md.kind = 'representative'
						and md.valid_from <= current_date and (md.valid_to is null or md.valid_to >= current_date))
				when m.role = 'deputy' then exists (
					select 1 from delegations d
					where d.consortium_id = m.consortium_id and d.organisation_id = m.organisation_id and d.to_user_id = m.user_id
						and d.revoked_at is null and d.valid_from <= current_date and (d.valid_to is null or d.valid_to >= current_date))
					or not exists (
					select 1 from mandates md
					where md.organisation_id = m.organisation_id and md.kind = 'representative'
						and md.valid_from <= current_date and (md.valid_to is null or md.valid_to >= current_date))
				else false
			end as speaks
		from consortia c
		left join memberships m on m.consortium_id = c.id and m.user_id = ${userId}
		left join organisations o on o.id = m.organisation_id
		where ${where}`;
}

function toActor(person: Person, row: ActorRow): Actor & { resolvedIn: string } {
	const membership: Membership | null =
		row.role && row.organisation_id && row.organisation_kind
			? {
					consortiumId: row.consortium_id,
					organisationId: row.organisation_id,
					organisationKind: row.organisation_kind,
					role: row.role,
					speaksForOrganisation: Boolean(row.speaks)
				}
			: null;
	return { id: person.id, isOperator: person.isOperator, membership, resolvedIn: row.consortium_id };
}

/** Builds a person's actor in one consortium, inside a request transaction (one statement). */
export async function actorIn(tx: Transaction, person: Person, consortiumId: string): Promise<Actor & { resolvedIn: string }> {
	const [row] = rowsOf<ActorRow>(await tx.execute(actorQuery(person.id, sql`c.id = ${consortiumId}`)));
	if (!row) return { id: person.id, isOperator: person.isOperator, membership: null, resolvedIn: consortiumId };
	return toActor(person, row);
}

/** The actor of `who` in the consortium: the one already resolved for it, or resolved now. */
export async function actorOf(tx: Transaction, who: Who, consortiumId: string): Promise<Actor> {
	if ('resolvedIn' in who && who.resolvedIn === consortiumId) return who;
	return actorIn(tx, who, consortiumId);
}

/** The actor in the consortium, refused (NotFound, Forbidden or a lock) unless the policy allows `action`. */
export async function actorFor<A extends Action>(tx: Transaction, who: Who, consortiumId: string, action: A, resource?: ResourceOf<A>): Promise<Actor> {
	const actor = await actorOf(tx, who, consortiumId);
	authorize(actor, action, resource ?? ({ consortiumId } as ResourceOf<A>));
	return actor;
}

/** For reads: someone who may not read internal content gets the same 404 as for a missing thing. */
export async function readerFor(tx: Transaction, who: Who, consortiumId: string, action: Action = 'internal.read'): Promise<Actor> {
	const actor = await actorOf(tx, who, consortiumId);
	if (!can(actor, action, { consortiumId } as ResourceOf<typeof action>)) throw new NotFound();
	return actor;
}

/**
 * The consortium behind a slug and the person's actor in it, inside a caller's transaction; null
 * when it does not exist or the person may not see it, so that both answer the same 404.
 */
export async function consortiumActorIn(tx: Transaction, person: Person, slug: string) {
	const [row] = rowsOf<ActorRow>(await tx.execute(actorQuery(person.id, sql`c.slug = ${slug}`)));
	if (!row) return null;
	const actor = toActor(person, row);
	if (!actor.membership && !person.isOperator) return null;
	return { consortium: { id: row.consortium_id, slug: row.slug, name: row.name, contentLanguage: row.content_language } satisfies ConsortiumRef, actor };
}

/** `consortiumActorIn` in a request transaction of its own. */
export async function loadConsortiumActor(person: Person, slug: string) {
	return withUser(person, (tx) => consortiumActorIn(tx, person, slug));
}

/** The consortia a person belongs to, with their role in each, for the switcher. */
export async function myConsortiaIn(tx: Transaction, person: Person): Promise<MyConsortium[]> {
	return tx
		.select({ id: consortia.id, slug: consortia.slug, name: consortia.name, role: memberships.role })
		.from(memberships)
		.innerJoin(consortia, eq(consortia.id, memberships.consortiumId))
		.where(eq(memberships.userId, person.id))
		.orderBy(consortia.name);
}

/** `myConsortiaIn` in a request transaction of its own. */
export async function listMyConsortia(person: Person): Promise<MyConsortium[]> {
	return withUser(person, (tx) => myConsortiaIn(tx, person));
}

/** A person's actor in every consortium they belong to, for the live-event stream (one statement). */
export async function actorsByConsortium(person: Person): Promise<Map<string, Actor>> {
	return withUser(person, async (tx) => {
		const rows = rowsOf<ActorRow>(
			await tx.execute(actorQuery(person.id, sql`exists (select 1 from memberships mm where mm.consortium_id = c.id and mm.user_id = ${person.id})`))
		);
		return new Map(rows.map((row) => [row.consortium_id, toActor(person, row)]));
	});
}
