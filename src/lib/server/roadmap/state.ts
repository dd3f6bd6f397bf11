import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { consortia, initiativeParticipants, initiatives } from '../db/schema';
import { NotFound } from '../errors';
import { actorOf, readerFor, type Who } from '../consortia/actor';
import { authorize, can, type Actor, type InitiativeResource } from '../policy';

export type InitiativeRow = typeof initiatives.$inferSelect;

/** The organisations an initiative answers to: its owner first, then those taking part. */
export async function organisationsOf(tx: Transaction, initiative: Pick<InitiativeRow, 'id' | 'ownerOrganisationId'>): Promise<string[]> {
	const rows = await tx
		.select({ id: initiativeParticipants.organisationId })
		.from(initiativeParticipants)
		.where(eq(initiativeParticipants.initiativeId, initiative.id));
	return [...new Set([initiative.ownerOrganisationId, ...rows.map((r) => r.id)])];
}

/**
 * An initiative of the consortium that the person may change (`initiative.edit`), queued behind
 * any other change to it for the rest of the transaction. NotFound when it is not the consortium's
 * or the person may not read it; Forbidden when they may read but not change it.
 */
export async function editableInitiative(
	tx: Transaction,
	who: Who,
	consortiumId: string,
	id: string
): Promise<{ actor: Actor; initiative: InitiativeRow; resource: InitiativeResource }> {
	const actor = await readerFor(tx, who, consortiumId);
	await advisoryLock(tx, `initiative:${id}`);
	const [initiative] = await tx
		.select()
		.from(initiatives)
		.where(and(eq(initiatives.id, id), eq(initiatives.consortiumId, consortiumId)));
	if (!initiative) throw new NotFound();
	const resource = { consortiumId, organisationIds: await organisationsOf(tx, initiative) };
	authorize(actor, 'initiative.edit', resource);
	return { actor, initiative, resource };
}

/** Whether the person may change the initiative (for the pages' buttons). */
export async function mayEdit(tx: Transaction, who: Who, consortiumId: string, initiative: Pick<InitiativeRow, 'id' | 'ownerOrganisationId'>) {
	const actor = await actorOf(tx, who, consortiumId);
	return can(actor, 'initiative.edit', { consortiumId, organisationIds: await organisationsOf(tx, initiative) });
}

/** The consortium's content language, which phase names and gate texts are written in. */
export async function contentLocale(tx: Transaction, consortiumId: string): Promise<'sv' | 'en'> {
	const [row] = await tx.select({ language: consortia.contentLanguage }).from(consortia).where(eq(consortia.id, consortiumId));
	return row?.language === 'en' ? 'en' : 'sv';
}
