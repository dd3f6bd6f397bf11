import { and, asc, desc, eq, inArray, isNotNull, lt, lte, ne, sql } from 'drizzle-orm';
import { internalRoles } from '$lib/roles';
import { stockholmDate } from '../../decisions/deadline';
import type { RiskStatus } from '../../enums';
import { riskBand, riskMatrix, type MatrixCell, type RiskBand, type RiskBandLimits } from '../../risks/bands';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { decisionItems, initiatives, meetingAgendaItems, meetings, memberships, riskActions, riskAssessments, risks, users } from '../db/schema';
import { NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { can, type Actor } from '../policy';
import { bandLimits } from './state';
import type { RiskSort } from '../../risks/sorts';

export { riskSorts, type RiskSort } from '../../risks/sorts';

export interface RiskListRow {
	id: string;
	number: number;
	title: string;
	initiative: { id: string; number: number; title: string } | null;
	probability: number;
	impact: number;
	score: number;
	band: RiskBand;
	status: RiskStatus;
	owner: { id: string; name: string } | null;
	nextReview: string | null;
	reviewOverdue: boolean;
	openActions: number;
	escalatedAt: Date | null;
}

/** Closed risks leave the matrix and the steering group's view; the register still lists them. */
const active = (status: RiskStatus) => status !== 'closed';

async function choices(tx: Transaction, consortiumId: string) {
	const members = await tx
		.select({ id: users.id, name: users.name })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.consortiumId, consortiumId), inArray(memberships.role, [...internalRoles])))
		.orderBy(asc(users.name));
	const initiativeChoices = await tx
		.select({ id: initiatives.id, number: initiatives.number, title: initiatives.title })
		.from(initiatives)
		.where(eq(initiatives.consortiumId, consortiumId))
		.orderBy(asc(initiatives.number));
	return { members, initiatives: initiativeChoices };
}

/** The register's rows in the caller's transaction, highest score first (then by number). */
export async function riskRowsIn(
	tx: Transaction,
	consortiumId: string,
	limits: RiskBandLimits,
	filter: { initiativeId?: string } = {}
): Promise<RiskListRow[]> {
	const today = stockholmDate(new Date());
	const rows = await tx
		.select({
			id: risks.id,
			number: risks.number,
			title: risks.title,
			initiativeId: risks.initiativeId,
			initiativeNumber: initiatives.number,
			initiativeTitle: initiatives.title,
			probability: risks.probability,
			impact: risks.impact,
			score: risks.score,
			status: risks.status,
			ownerId: risks.ownerId,
			ownerName: users.name,
			nextReview: risks.nextReview,
			escalatedAt: risks.escalatedAt,
			openActions: sql<number>`(select count(*)::int from risk_actions a where a.risk_id = risks.id and not a.done)`
		})
		.from(risks)
		.leftJoin(initiatives, eq(initiatives.id, risks.initiativeId))
		.leftJoin(users, eq(users.id, risks.ownerId))
		.where(and(eq(risks.consortiumId, consortiumId), filter.initiativeId ? eq(risks.initiativeId, filter.initiativeId) : undefined))
		.orderBy(desc(risks.score), asc(risks.number));
	return rows.map((r) => ({
		id: r.id,
		number: r.number,
		title: r.title,
		initiative: r.initiativeId && r.initiativeNumber !== null ? { id: r.initiativeId, number: r.initiativeNumber, title: r.initiativeTitle ?? '' } : null,
		probability: r.probability,
		impact: r.impact,
		score: r.score,
		band: riskBand(r.score, limits),
		status: r.status,
		owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
		nextReview: r.nextReview,
		reviewOverdue: r.nextReview !== null && r.nextReview < today && active(r.status),
		openActions: Number(r.openActions),
		escalatedAt: r.escalatedAt
	}));
}

/** Sorts the register: by score (highest first), by number, or by the next review (soonest first, none last). */
export function sortRisks(rows: RiskListRow[], sort: RiskSort): RiskListRow[] {
	const copy = [...rows];
	if (sort === 'number') return copy.sort((a, b) => a.number - b.number);
	if (sort === 'review') return copy.sort((a, b) => (a.nextReview ?? '9999').localeCompare(b.nextReview ?? '9999') || b.score - a.score);
	return copy.sort((a, b) => b.score - a.score || a.number - b.number);
}

/**
 * The risk register as its page shows it: the rows, the 5×5 matrix of the risks still open, the
 * bands, what to choose from, and what the person may do. The supplier gets NotFound.
 */
export async function riskRegister(person: Who, consortiumId: string, options: { sort: RiskSort; initiativeId?: string }) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const limits = await bandLimits(tx, consortiumId);
		const rows = await riskRowsIn(tx, consortiumId, limits, { initiativeId: options.initiativeId });
		const matrix: MatrixCell[][] = riskMatrix(
			rows.filter((r) => active(r.status)),
			limits
		);
		return {
			limits,
			risks: sortRisks(rows, options.sort),
			matrix,
			...(await choices(tx, consortiumId)),
			canWrite: can(actor, 'content.write', { consortiumId }),
			canSetBands: can(actor, 'rules.manage', { consortiumId })
		};
	});
}

/** One risk with its assessments (oldest first), actions, the meetings that had it on the agenda, and what the person may do. */
export async function riskPage(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const limits = await bandLimits(tx, consortiumId);
		const [row] = (await riskRowsIn(tx, consortiumId, limits)).filter((r) => r.id === id);
		if (!row) throw new NotFound();
		const [risk] = await tx.select().from(risks).where(eq(risks.id, id));
		const [decisionItem] = risk!.decisionItemId
			? await tx
					.select({ id: decisionItems.id, title: decisionItems.title, status: decisionItems.status })
					.from(decisionItems)
					.where(eq(decisionItems.id, risk!.decisionItemId))
			: [];
		const assessments = await tx
			.select({
				id: riskAssessments.id,
				probability: riskAssessments.probability,
				impact: riskAssessments.impact,
				note: riskAssessments.note,
				assessedAt: riskAssessments.assessedAt,
				by: users.name
			})
			.from(riskAssessments)
			.leftJoin(users, eq(users.id, riskAssessments.assessedBy))
			.where(eq(riskAssessments.riskId, id))
			.orderBy(asc(riskAssessments.assessedAt), asc(riskAssessments.id));
		const actions = await tx
			.select({
				id: riskActions.id,
				title: riskActions.title,
				ownerId: riskActions.ownerId,
				ownerName: users.name,
				due: riskActions.due,
				done: riskActions.done
			})
			.from(riskActions)
			.leftJoin(users, eq(users.id, riskActions.ownerId))
			.where(eq(riskActions.riskId, id))
			.orderBy(asc(riskActions.done), asc(riskActions.due), asc(riskActions.createdAt));
		const onAgendas = await tx
			.select({ meetingId: meetings.id, title: meetings.title, date: meetings.meetingDate })
			.from(meetingAgendaItems)
			.innerJoin(meetings, eq(meetings.id, meetingAgendaItems.meetingId))
			.where(and(eq(meetingAgendaItems.sourceKind, 'risk'), inArray(meetingAgendaItems.sourceId, [id])))
			.orderBy(desc(meetings.meetingDate));
		return {
			limits,
			risk: { ...row, threat: risk!.threat, vulnerability: risk!.vulnerability, consequence: risk!.consequence, version: risk!.version },
			assessments: assessments.map((a) => ({ ...a, score: a.probability * a.impact, band: riskBand(a.probability * a.impact, limits), by: a.by ?? '' })),
			actions: actions.map((a) => ({
				id: a.id,
				title: a.title,
				owner: a.ownerId ? { id: a.ownerId, name: a.ownerName ?? '' } : null,
				due: a.due,
				done: a.done
			})),
			onAgendas,
			decisionItem: decisionItem ?? null,
			...(await choices(tx, consortiumId)),
			canWrite: can(actor, 'content.write', { consortiumId })
		};
	});
}

/**
 * For the home page: the risks the person owns that are due for review, the risk actions they own
 * that are past their date and not done, and, for whoever convenes the steering group, the risks in
 * the high band that no steering-group meeting since they entered it had on its agenda.
 */
export async function risksAttentionIn(tx: Transaction, actor: Actor, consortiumId: string) {
	if (!can(actor, 'internal.read', { consortiumId })) return { risksToReview: [], overdueRiskActions: [], escalatedRisks: [] };
	const today = stockholmDate(new Date());
	const risksToReview = await tx
		.select({ id: risks.id, number: risks.number, title: risks.title, nextReview: risks.nextReview })
		.from(risks)
		.where(and(eq(risks.consortiumId, consortiumId), eq(risks.ownerId, actor.id), ne(risks.status, 'closed'), lte(risks.nextReview, today)))
		.orderBy(asc(risks.nextReview));
	const overdueRiskActions = await tx
		.select({ id: riskActions.id, title: riskActions.title, due: riskActions.due, riskId: risks.id, riskNumber: risks.number })
		.from(riskActions)
		.innerJoin(risks, eq(risks.id, riskActions.riskId))
		.where(and(eq(riskActions.consortiumId, consortiumId), eq(riskActions.ownerId, actor.id), eq(riskActions.done, false), lt(riskActions.due, today)))
		.orderBy(asc(riskActions.due));
	const escalatedRisks = can(actor, 'decisions.manage', { consortiumId })
		? await tx
				.select({ id: risks.id, number: risks.number, title: risks.title, score: risks.score })
				.from(risks)
				.where(
					and(
						eq(risks.consortiumId, consortiumId),
						ne(risks.status, 'closed'),
						isNotNull(risks.escalatedAt),
						sql`not exists (select 1 from meeting_agenda_items a join meetings mt on mt.id = a.meeting_id
							where a.source_kind = 'risk' and a.source_id = risks.id and mt.level = 'steering_group'
							and mt.meeting_date >= (risks.escalated_at at time zone 'Europe/Stockholm')::date)`
					)
				)
				.orderBy(desc(risks.score), asc(risks.number))
		: [];
	return { risksToReview, overdueRiskActions, escalatedRisks };
}
