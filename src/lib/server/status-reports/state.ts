import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { statusReports } from '../db/schema';
import { NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { authorize, type Actor, type StatusReportResource } from '../policy';
import type { StatusReportStatus } from '../../status-reports/values';

export type StatusReportRow = typeof statusReports.$inferSelect;

/** A report as the policy sees it. */
export const reportResource = (r: StatusReportRow): StatusReportResource => ({
	consortiumId: r.consortiumId,
	status: r.status as StatusReportStatus,
	authorId: r.authorId,
	acknowledged: r.acknowledgedAt !== null
});

/**
 * A report of the consortium on which the person may do `action`, queued behind any other change to
 * it for the rest of the transaction. NotFound when it is not the consortium's or the person may not
 * read it; Forbidden or a lock (409) when they may read but not do it.
 */
export async function reportFor(
	tx: Transaction,
	who: Who,
	consortiumId: string,
	id: string,
	action: 'status_report.edit' | 'status_report.submit' | 'status_report.acknowledge'
): Promise<{ actor: Actor; report: StatusReportRow }> {
	const actor = await readerFor(tx, who, consortiumId);
	await advisoryLock(tx, `status_report:${id}`);
	const [report] = await tx
		.select()
		.from(statusReports)
		.where(and(eq(statusReports.id, id), eq(statusReports.consortiumId, consortiumId)));
	if (!report) throw new NotFound();
	authorize(actor, action, reportResource(report));
	return { actor, report };
}
