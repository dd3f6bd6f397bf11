import type { SessionUser } from '../auth/session';
import { actorIn } from '../consortia/actor';
import type { Transaction } from '../db/client';
import { NotFound } from '../errors';
import { authorize, can, type Action, type Actor } from '../policy';

/** Who acts: a signed-in person (or the creator behind an API token). */
export type Person = Pick<SessionUser, 'id' | 'isOperator'>;

/** The actor in the consortium, refused with Forbidden unless the policy allows `action`. */
export async function actorFor(tx: Transaction, person: Person, consortiumId: string, action: Action): Promise<Actor> {
	const actor = await actorIn(tx, person, consortiumId);
	authorize(actor, action, { consortiumId });
	return actor;
}

/** For reads: someone who may not read internal content gets the same 404 as for a missing thing. */
export async function readerFor(tx: Transaction, person: Person, consortiumId: string): Promise<Actor> {
	const actor = await actorIn(tx, person, consortiumId);
	if (!can(actor, 'internal.read', { consortiumId })) throw new NotFound();
	return actor;
}
