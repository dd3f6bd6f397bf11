import type { SessionUser } from '../auth/session';
import type { Transaction } from '../db/client';
import { NotFound } from '../errors';
import { authorize, can, type Action, type Actor, type Resource } from '../policy';
import { actorIn } from './actor';

/** Who acts: a signed-in person. */
export type Person = Pick<SessionUser, 'id' | 'isOperator'>;

/** The person's actor in the consortium; throws Forbidden unless the policy allows `action`. */
export async function allowed(
	tx: Transaction,
	person: Person,
	consortiumId: string,
	action: Action,
	extra: Omit<Resource, 'consortiumId'> = {}
): Promise<Actor> {
	const actor = await actorIn(tx, person, consortiumId);
	authorize(actor, action, { consortiumId, ...extra });
	return actor;
}

/** For reads: someone who may not do `action` gets the same 404 as for a missing thing. */
export async function readable(tx: Transaction, person: Person, consortiumId: string, action: Action = 'internal.read'): Promise<Actor> {
	const actor = await actorIn(tx, person, consortiumId);
	if (!can(actor, action, { consortiumId })) throw new NotFound();
	return actor;
}
