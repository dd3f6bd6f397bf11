import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { technologies, technologyStatuses } from '../db/schema';
import { NotFound } from '../errors';

export type TechnologyRow = typeof technologies.$inferSelect;
export type StatusRow = typeof technologyStatuses.$inferSelect;

/** A technology of the consortium, locked for the rest of the transaction (merging and renaming queue); NotFound when it is not the consortium's. */
export async function lockTechnology(tx: Transaction, consortiumId: string, id: string): Promise<TechnologyRow> {
	const [row] = await tx
		.select()
		.from(technologies)
		.where(and(eq(technologies.id, id), eq(technologies.consortiumId, consortiumId)))
		.for('update');
	if (!row) throw new NotFound();
	return row;
}
