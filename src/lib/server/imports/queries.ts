import { and, eq, gt, inArray } from 'drizzle-orm';
import { withUser } from '../db/request';
import { pendingImports } from '../db/schema';
import { NotFound } from '../errors';
import { actorFor, type Who } from '../consortia/actor';
import { importKinds, type ImportKind, type ImportRow } from './rows';

/** The person's own pending import with its row-by-row report; anyone else's is not found. */
export async function getPendingImport(person: Who, consortiumId: string, importId: string) {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const [pending] = await tx
			.select()
			.from(pendingImports)
			.where(
				and(
					eq(pendingImports.id, importId),
					eq(pendingImports.consortiumId, consortiumId),
					eq(pendingImports.createdBy, person.id),
					inArray(pendingImports.kind, importKinds),
					gt(pendingImports.expiresAt, new Date())
				)
			);
		if (!pending) throw new NotFound();
		return { ...pending, kind: pending.kind as ImportKind, rows: pending.rows as ImportRow[], ignoredColumns: pending.ignoredColumns as string[] };
	});
}
