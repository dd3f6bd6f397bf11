import { and, desc, eq, isNull, lt, max } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { withUser } from '../db/request';
import { initiatives, statusReportRows, statusReports } from '../db/schema';
import { CommandError, StaleWrite } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import { standardRowKinds, type TrafficLight } from '../../status-reports/values';
import type { CustomRowInput, StatusReportInput, StatusReportUpdate } from './schemas';
import { reportFor, type StatusReportRow } from './state';

type RowRow = typeof statusReportRows.$inferSelect;

/** Audits a change to a report and announces it to the consortium's internal members. */
async function audit(tx: Transaction, actorId: string | null, report: StatusReportRow, action: string, before: unknown, after: unknown) {
	await recordChange(tx, {
		actorId,
		consortiumId: report.consortiumId,
		action,
		entityType: 'status_report',
		entityId: report.id,
		before,
		after,
		related: report.initiativeId ? [report.initiativeId] : []
	});
}

async function checkInitiative(tx: Transaction, consortiumId: string, initiativeId: string | undefined | null) {
	if (!initiativeId) return;
	const [found] = await tx
		.select({ id: initiatives.id })
		.from(initiatives)
		.where(and(eq(initiatives.id, initiativeId), eq(initiatives.consortiumId, consortiumId)));
	if (!found) throw new CommandError('invalid_choice', 'initiativeId', 422);
}

const rowsOf = (tx: Transaction, reportId: string) =>
	tx.select().from(statusReportRows).where(eq(statusReportRows.reportId, reportId)).orderBy(statusReportRows.position);

/**
 * Begins a draft report for a month, for an initiative or the consortium as a whole, with the
 * standard rows Budget, Tid and Personal and the custom rows of the scope's latest earlier report
 * (green, nothing to report yet). A writer's
 * (`content.write`); a second report for the same scope and month is refused.
 */
export async function createStatusReport(person: Who, consortiumId: string, input: StatusReportInput): Promise<StatusReportRow> {
	return withUser(person, async (tx) => {
		authorize(await readerFor(tx, person, consortiumId), 'content.write', { consortiumId });
		return createStatusReportIn(tx, person.id, consortiumId, input);
	});
}

/** Writes a draft report in the caller's transaction (the command above, and the demo seed). */
export async function createStatusReportIn(tx: Transaction, authorId: string | null, consortiumId: string, input: StatusReportInput): Promise<StatusReportRow> {
	const initiativeId = input.initiativeId ?? null;
	await checkInitiative(tx, consortiumId, initiativeId);
	await advisoryLock(tx, `status_reports:${consortiumId}:${initiativeId ?? 'own'}:${input.period}`);
	const [existing] = await tx
		.select({ id: statusReports.id })
		.from(statusReports)
		.where(
			and(
				eq(statusReports.consortiumId, consortiumId),
				initiativeId ? eq(statusReports.initiativeId, initiativeId) : isNull(statusReports.initiativeId),
				eq(statusReports.period, input.period)
			)
		);
	if (existing) throw new CommandError('status_report_exists', 'period', 409);
	// The custom rows the scope's latest earlier report had (e.g. "Leverantörens bemanning") come back,
	// green and empty: a row someone added is usually reported on every month.
	const [previous] = await tx
		.select({ id: statusReports.id })
		.from(statusReports)
		.where(
			and(
				eq(statusReports.consortiumId, consortiumId),
				initiativeId ? eq(statusReports.initiativeId, initiativeId) : isNull(statusReports.initiativeId),
				lt(statusReports.period, input.period)
			)
		)
		.orderBy(desc(statusReports.period))
		.limit(1);
	const carried = previous ? (await rowsOf(tx, previous.id)).filter((r) => r.kind === 'custom').map((r) => r.name) : [];
	const [report] = await tx.insert(statusReports).values({ consortiumId, initiativeId, period: input.period, summary: input.summary, authorId }).returning();
	const rows = await tx
		.insert(statusReportRows)
		.values([
			...standardRowKinds.map((kind, i) => ({ consortiumId, reportId: report!.id, position: i + 1, kind })),
			...carried.map((name, i) => ({ consortiumId, reportId: report!.id, position: standardRowKinds.length + i + 1, kind: 'custom', name }))
		])
		.returning();
	await audit(tx, authorId, report!, 'status_report.created', null, { ...report, rows });
	return report!;
}

/** Saves a draft's summary and rows at once, unless someone saved it since `input.version`. */
export async function saveStatusReport(person: Who, consortiumId: string, id: string, input: StatusReportUpdate): Promise<StatusReportRow> {
	return withUser(person, async (tx) => {
		const { report } = await reportFor(tx, person, consortiumId, id, 'status_report.edit');
		return saveStatusReportIn(tx, person.id, report, input);
	});
}

/** Saves a draft in the caller's transaction (the command above, and the demo seed). */
export async function saveStatusReportIn(
	tx: Transaction,
	actorId: string | null,
	before: StatusReportRow,
	input: StatusReportUpdate
): Promise<StatusReportRow> {
	if (before.version !== input.version) throw new StaleWrite({ version: before.version, summary: before.summary });
	const rowsBefore = await rowsOf(tx, before.id);
	const known = new Map(rowsBefore.map((r) => [r.id, r]));
	if (input.rows.some((r) => !known.has(r.id))) throw new StaleWrite({ version: before.version, summary: before.summary });
	for (const row of input.rows) {
		await tx
			.update(statusReportRows)
			.set({ light: row.light, deviation: row.deviation, action: row.action, done: row.done, updatedAt: new Date() })
			.where(eq(statusReportRows.id, row.id));
	}
	const [after] = await tx
		.update(statusReports)
		.set({ summary: input.summary, version: before.version + 1, updatedAt: new Date() })
		.where(eq(statusReports.id, before.id))
		.returning();
	await audit(tx, actorId, before, 'status_report.saved', { ...before, rows: rowsBefore }, { ...after, rows: input.rows });
	return after!;
}

/** Adds a custom row (green, empty) at the end of a draft. */
export async function addCustomRow(person: Who, consortiumId: string, id: string, input: CustomRowInput): Promise<RowRow> {
	return withUser(person, async (tx) => {
		const { report } = await reportFor(tx, person, consortiumId, id, 'status_report.edit');
		return addCustomRowIn(tx, person.id, report, input.name);
	});
}

/** Adds a custom row in the caller's transaction (the command above, and the demo seed). */
export async function addCustomRowIn(
	tx: Transaction,
	actorId: string | null,
	report: StatusReportRow,
	name: string,
	light: TrafficLight = 'green'
): Promise<RowRow> {
	const [last] = await tx
		.select({ n: max(statusReportRows.position) })
		.from(statusReportRows)
		.where(eq(statusReportRows.reportId, report.id));
	const [row] = await tx
		.insert(statusReportRows)
		.values({ consortiumId: report.consortiumId, reportId: report.id, position: (last?.n ?? 0) + 1, kind: 'custom', name, light })
		.returning();
	await tx
		.update(statusReports)
		.set({ version: report.version + 1, updatedAt: new Date() })
		.where(eq(statusReports.id, report.id));
	await audit(tx, actorId, report, 'status_report.row_added', null, row);
	return row!;
}

/** Removes a custom row of a draft (the standard rows stay). */
export async function removeCustomRow(person: Who, consortiumId: string, id: string, rowId: string): Promise<void> {
	await withUser(person, async (tx) => {
		const { report } = await reportFor(tx, person, consortiumId, id, 'status_report.edit');
		const [row] = await tx
			.select()
			.from(statusReportRows)
			.where(and(eq(statusReportRows.id, rowId), eq(statusReportRows.reportId, report.id)));
		if (!row) throw new CommandError('invalid_choice', 'form', 422);
		if (row.kind !== 'custom') throw new CommandError('status_report_row_standard', 'form', 409);
		await tx.delete(statusReportRows).where(eq(statusReportRows.id, row.id));
		await tx
			.update(statusReports)
			.set({ version: report.version + 1, updatedAt: new Date() })
			.where(eq(statusReports.id, report.id));
		await audit(tx, person.id, report, 'status_report.row_removed', row, null);
	});
}

/** Submits a draft to the steering group, unless someone saved it since `version`; it is locked from then on. */
export async function submitStatusReport(person: Who, consortiumId: string, id: string, version: number): Promise<StatusReportRow> {
	return withUser(person, async (tx) => {
		const { report } = await reportFor(tx, person, consortiumId, id, 'status_report.submit');
		return submitStatusReportIn(tx, person.id, report, version);
	});
}

/** Submits a draft in the caller's transaction (the command above, and the demo seed). */
export async function submitStatusReportIn(
	tx: Transaction,
	actorId: string | null,
	before: StatusReportRow,
	version: number,
	at = new Date()
): Promise<StatusReportRow> {
	if (before.version !== version) throw new StaleWrite({ version: before.version, summary: before.summary });
	const [after] = await tx
		.update(statusReports)
		.set({ status: 'submitted', submittedAt: at, submittedBy: actorId, version: before.version + 1, updatedAt: new Date() })
		.where(eq(statusReports.id, before.id))
		.returning();
	await audit(tx, actorId, before, 'status_report.submitted', before, after);
	return after!;
}

/** Notes a submitted report as read by the steering group: who and when (an admin's or a representative's). */
export async function acknowledgeStatusReport(person: Who, consortiumId: string, id: string): Promise<StatusReportRow> {
	return withUser(person, async (tx) => {
		const { report } = await reportFor(tx, person, consortiumId, id, 'status_report.acknowledge');
		const [after] = await tx
			.update(statusReports)
			.set({ acknowledgedAt: new Date(), acknowledgedBy: person.id, updatedAt: new Date() })
			.where(eq(statusReports.id, report.id))
			.returning();
		await audit(tx, person.id, report, 'status_report.acknowledged', report, after);
		return after!;
	});
}
