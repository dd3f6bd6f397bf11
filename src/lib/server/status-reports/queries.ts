import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { consortia, initiatives, statusReportRows, statusReports, users } from '../db/schema';
import { NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { can, itemAbilities, type Actor } from '../policy';
import type { RowKind, StatusReportStatus, TrafficLight } from '../../status-reports/values';
import { reportResource } from './state';

/** How many months of the same scope a report's trend shows (this one included). */
export const TREND_MONTHS = 6;

export interface StatusReportSummary {
	id: string;
	period: string;
	initiativeId: string | null;
	initiativeTitle: string | null;
	status: StatusReportStatus;
	authorName: string | null;
	submittedAt: Date | null;
	acknowledgedAt: Date | null;
	/** The rows' lights, in order, for the list's at-a-glance column. */
	lights: { kind: RowKind; name: string; light: TrafficLight }[];
}

export interface StatusReportRowView {
	id: string;
	kind: RowKind;
	name: string;
	light: TrafficLight;
	deviation: string;
	action: string;
	done: boolean;
}

const author = alias(users, 'author');
const submitter = alias(users, 'submitter');
const acknowledger = alias(users, 'acknowledger');

async function lightsOf(tx: Transaction, reportIds: string[]) {
	const byReport = new Map<string, StatusReportRowView[]>();
	if (reportIds.length === 0) return byReport;
	const rows = await tx
		.select()
		.from(statusReportRows)
		.where(inArray(statusReportRows.reportId, reportIds))
		.orderBy(asc(statusReportRows.reportId), asc(statusReportRows.position));
	for (const r of rows) {
		const list = byReport.get(r.reportId) ?? [];
		list.push({ id: r.id, kind: r.kind as RowKind, name: r.name, light: r.light as TrafficLight, deviation: r.deviation, action: r.action, done: r.done });
		byReport.set(r.reportId, list);
	}
	return byReport;
}

/** The consortium's status reports, newest month first, with what the person may begin. The supplier gets NotFound. */
export async function listStatusReports(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const reports = await tx
			.select({
				id: statusReports.id,
				period: statusReports.period,
				initiativeId: statusReports.initiativeId,
				initiativeTitle: initiatives.title,
				status: statusReports.status,
				authorName: author.name,
				submittedAt: statusReports.submittedAt,
				acknowledgedAt: statusReports.acknowledgedAt
			})
			.from(statusReports)
			.leftJoin(initiatives, eq(initiatives.id, statusReports.initiativeId))
			.leftJoin(author, eq(author.id, statusReports.authorId))
			.where(eq(statusReports.consortiumId, consortiumId))
			.orderBy(desc(statusReports.period), asc(initiatives.number));
		const rows = await lightsOf(
			tx,
			reports.map((r) => r.id)
		);
		const choices = await tx
			.select({ id: initiatives.id, title: initiatives.title })
			.from(initiatives)
			.where(eq(initiatives.consortiumId, consortiumId))
			.orderBy(asc(initiatives.number));
		return {
			reports: reports.map((r): StatusReportSummary => ({
				...r,
				status: r.status as StatusReportStatus,
				lights: (rows.get(r.id) ?? []).map(({ kind, name, light }) => ({ kind, name, light }))
			})),
			initiatives: choices,
			canCreate: can(actor, 'content.write', { consortiumId })
		};
	});
}

/** The key that matches a row across months: a standard row by its kind, a custom one by its name. */
const rowKey = (r: { kind: string; name: string }) => (r.kind === 'custom' ? `custom:${r.name.trim().toLocaleLowerCase('sv')}` : r.kind);

/**
 * One report as its page shows it: its rows, who wrote, submitted and noted it, what the person may
 * do, and the trend: each row's light over the last months of the same scope (this one included).
 */
export async function statusReportPage(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [report] = await tx
			.select({
				report: statusReports,
				initiativeTitle: initiatives.title,
				authorName: author.name,
				submitterName: submitter.name,
				acknowledgerName: acknowledger.name
			})
			.from(statusReports)
			.leftJoin(initiatives, eq(initiatives.id, statusReports.initiativeId))
			.leftJoin(author, eq(author.id, statusReports.authorId))
			.leftJoin(submitter, eq(submitter.id, statusReports.submittedBy))
			.leftJoin(acknowledger, eq(acknowledger.id, statusReports.acknowledgedBy))
			.where(and(eq(statusReports.id, id), eq(statusReports.consortiumId, consortiumId)));
		if (!report) throw new NotFound();
		const r = report.report;
		const earlier = await tx
			.select({ id: statusReports.id, period: statusReports.period, status: statusReports.status })
			.from(statusReports)
			.where(
				and(
					eq(statusReports.consortiumId, consortiumId),
					r.initiativeId ? eq(statusReports.initiativeId, r.initiativeId) : isNull(statusReports.initiativeId),
					lte(statusReports.period, r.period)
				)
			)
			.orderBy(desc(statusReports.period))
			.limit(TREND_MONTHS);
		const months = earlier.reverse();
		const rowsByReport = await lightsOf(
			tx,
			months.map((m) => m.id)
		);
		const rows = rowsByReport.get(r.id) ?? [];
		// The trend's rows: this report's, then any that earlier months had and this one no longer has.
		const trendRows = new Map<string, { kind: RowKind; name: string; lights: (TrafficLight | null)[] }>();
		for (const row of [...rows, ...months.flatMap((m) => rowsByReport.get(m.id) ?? [])]) {
			if (!trendRows.has(rowKey(row))) trendRows.set(rowKey(row), { kind: row.kind, name: row.name, lights: [] });
		}
		for (const [key, entry] of trendRows) {
			entry.lights = months.map((m) => (rowsByReport.get(m.id) ?? []).find((row) => rowKey(row) === key)?.light ?? null);
		}
		return {
			report: {
				id: r.id,
				period: r.period,
				initiativeId: r.initiativeId,
				initiativeTitle: report.initiativeTitle,
				summary: r.summary,
				status: r.status as StatusReportStatus,
				version: r.version,
				authorName: report.authorName,
				submittedAt: r.submittedAt,
				submitterName: report.submitterName,
				acknowledgedAt: r.acknowledgedAt,
				acknowledgerName: report.acknowledgerName
			},
			rows,
			trend: { periods: months.map((m) => m.period), rows: [...trendRows.values()] },
			can: itemAbilities(actor, 'status_report', reportResource(r))
		};
	});
}

/** A submitted report as the steering group's agenda lists it. */
export interface SubmittedReport {
	id: string;
	/** The initiative's title, or the consortium's name for a report on the consortium as a whole. */
	scopeTitle: string;
	initiativeId: string | null;
	/** The month reported on, `YYYY-MM`. */
	period: string;
	submittedAt: Date;
	hasRed: boolean;
}

/**
 * The reports submitted since `since` (a date `YYYY-MM-DD` or an ISO timestamp; null: all of them),
 * oldest first, each with whether any of its rows is red: the agenda's "Statusrapport" item. Reads
 * in the caller's transaction (its RLS applies).
 */
export async function submittedSince(tx: Transaction, consortiumId: string, since: string | null): Promise<SubmittedReport[]> {
	const rows = await tx
		.select({
			id: statusReports.id,
			initiativeTitle: initiatives.title,
			consortiumName: consortia.name,
			initiativeId: statusReports.initiativeId,
			period: statusReports.period,
			submittedAt: statusReports.submittedAt,
			hasRed: sql<boolean>`exists (select 1 from ${statusReportRows} where ${statusReportRows.reportId} = ${statusReports.id} and ${statusReportRows.light} = 'red')`
		})
		.from(statusReports)
		.innerJoin(consortia, eq(consortia.id, statusReports.consortiumId))
		.leftJoin(initiatives, eq(initiatives.id, statusReports.initiativeId))
		.where(
			and(
				eq(statusReports.consortiumId, consortiumId),
				eq(statusReports.status, 'submitted'),
				isNotNull(statusReports.submittedAt),
				since ? gte(statusReports.submittedAt, sql`${since}::timestamptz`) : undefined
			)
		)
		.orderBy(asc(statusReports.submittedAt), asc(statusReports.period));
	return rows.map((r) => ({
		id: r.id,
		scopeTitle: r.initiativeTitle ?? r.consortiumName,
		initiativeId: r.initiativeId,
		period: r.period,
		submittedAt: r.submittedAt!,
		hasRed: Boolean(r.hasRed)
	}));
}

/** An initiative whose latest submitted report has a red row. */
export interface InitiativeWithRedRow {
	initiativeId: string;
	reportId: string;
	/** The red rows' names: a standard row's kind (`budget`, `time`, `staff`), a custom row's own name. */
	redRows: string[];
}

/**
 * The initiatives whose latest submitted report (by month) has a red row, with that report and the
 * red rows' names: what the steering group must look at. Reads in the caller's transaction.
 */
export async function initiativesWithRedRow(tx: Transaction, consortiumId: string): Promise<InitiativeWithRedRow[]> {
	const latest = await tx
		.selectDistinctOn([statusReports.initiativeId], { id: statusReports.id, initiativeId: statusReports.initiativeId })
		.from(statusReports)
		.where(and(eq(statusReports.consortiumId, consortiumId), eq(statusReports.status, 'submitted'), isNotNull(statusReports.initiativeId)))
		.orderBy(statusReports.initiativeId, desc(statusReports.period));
	if (latest.length === 0) return [];
	const red = await tx
		.select({ reportId: statusReportRows.reportId, kind: statusReportRows.kind, name: statusReportRows.name })
		.from(statusReportRows)
		.where(
			and(
				inArray(
					statusReportRows.reportId,
					latest.map((l) => l.id)
				),
				eq(statusReportRows.light, 'red')
			)
		)
		.orderBy(asc(statusReportRows.position));
	return latest
		.map((l) => ({
			initiativeId: l.initiativeId!,
			reportId: l.id,
			redRows: red.filter((r) => r.reportId === l.id).map((r) => (r.kind === 'custom' ? r.name : r.kind))
		}))
		.filter((l) => l.redRows.length > 0);
}

/**
 * For the home page: the person's own draft reports not yet submitted, and (for an admin) the
 * submitted reports the steering group has not noted yet. Reads in the caller's transaction.
 */
export async function statusReportsAttentionIn(tx: Transaction, actor: Actor, consortiumId: string) {
	if (!can(actor, 'internal.read', { consortiumId })) return { draftReports: [], unreadReports: [] };
	const columns = { id: statusReports.id, period: statusReports.period, initiativeTitle: initiatives.title };
	const [draftReports, unreadReports] = await Promise.all([
		tx
			.select(columns)
			.from(statusReports)
			.leftJoin(initiatives, eq(initiatives.id, statusReports.initiativeId))
			.where(and(eq(statusReports.consortiumId, consortiumId), eq(statusReports.status, 'draft'), eq(statusReports.authorId, actor.id)))
			.orderBy(asc(statusReports.period))
			.limit(20),
		can(actor, 'members.manage', { consortiumId })
			? tx
					.select(columns)
					.from(statusReports)
					.leftJoin(initiatives, eq(initiatives.id, statusReports.initiativeId))
					.where(and(eq(statusReports.consortiumId, consortiumId), eq(statusReports.status, 'submitted'), isNull(statusReports.acknowledgedAt)))
					.orderBy(asc(statusReports.submittedAt))
					.limit(20)
			: Promise.resolve([])
	]);
	return { draftReports, unreadReports };
}
