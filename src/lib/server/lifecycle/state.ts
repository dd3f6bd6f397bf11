import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { lifecycles } from '../db/schema';
import { NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { authorize, can, type Actor } from '../policy';
import { organisationsOf } from '../roadmap/state';
import { initiatives } from '../db/schema';

export type LifecycleRow = typeof lifecycles.$inferSelect;

/**
 * Who may change a lifecycle, asked of the policy: an initiative's lifecycle as the initiative
 * itself (`initiative.edit`: those taking part), the consortium's own as its content (`content.write`).
 */
export async function lifecycleDecision(tx: Transaction, actor: Actor, consortiumId: string, initiativeId: string | null, raise: boolean): Promise<boolean> {
	if (!initiativeId) {
		if (raise) authorize(actor, 'content.write', { consortiumId });
		return can(actor, 'content.write', { consortiumId });
	}
	const [initiative] = await tx
		.select({ id: initiatives.id, ownerOrganisationId: initiatives.ownerOrganisationId })
		.from(initiatives)
		.where(and(eq(initiatives.id, initiativeId), eq(initiatives.consortiumId, consortiumId)));
	if (!initiative) throw new NotFound();
	const resource = { consortiumId, organisationIds: await organisationsOf(tx, initiative) };
	if (raise) authorize(actor, 'initiative.edit', resource);
	return can(actor, 'initiative.edit', resource);
}

/**
 * A lifecycle of the consortium the person may change, queued behind any other change to it for the
 * rest of the transaction. NotFound when it is not the consortium's or the person may not read it;
 * Forbidden when they may read but not change it.
 */
export async function editableLifecycle(tx: Transaction, who: Who, consortiumId: string, id: string): Promise<{ actor: Actor; lifecycle: LifecycleRow }> {
	const actor = await readerFor(tx, who, consortiumId);
	await advisoryLock(tx, `lifecycle:${id}`);
	const [lifecycle] = await tx
		.select()
		.from(lifecycles)
		.where(and(eq(lifecycles.id, id), eq(lifecycles.consortiumId, consortiumId)));
	if (!lifecycle) throw new NotFound();
	await lifecycleDecision(tx, actor, consortiumId, lifecycle.initiativeId, true);
	return { actor, lifecycle };
}
