import { and, asc, desc, eq, sql, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import { stockholmDate } from '../../decisions/deadline';
import { riskBand } from '../../risks/bands';
import type { Actor } from '../policy';
import type { Transaction } from '../db/client';
import {
	backlogReleases,
	budgetLines,
	consortia,
	decisionItems,
	initiatives,
	meetingAgendaItems,
	meetings,
	questions,
	releaseGates,
	risks
} from '../db/schema';
import { initiativesIn } from '../roadmap/queries';
import { bandLimits } from '../risks/state';
import { contentLocale } from '../roadmap/state';
import { initiativesWithRedRow, submittedSince } from '../status-reports/queries';
import { m } from '$lib/paraglide/messages';
import { periodLabel } from '../../status-reports/labels';
import type { AgendaSources } from './assemble';

/** Every source of the steering group's agenda, read in the caller's transaction (an internal reader's). */
export async function agendaSourcesIn(tx: Transaction, actor: Actor, consortiumId: string, now = new Date()): Promise<AgendaSources> {
	const today = stockholmDate(now);
	const steering = and(eq(meetings.consortiumId, consortiumId), eq(meetings.level, 'steering_group'));
	const [last] = await tx
		.select({ date: meetings.meetingDate })
		.from(meetings)
		.where(and(steering, lt(meetings.meetingDate, today)))
		.orderBy(desc(meetings.meetingDate))
		.limit(1);

	// Risks and the dates of the steering-group meetings that had each on the agenda.
	const limits = await bandLimits(tx, consortiumId);
	const riskRows = await tx
		.select({
			id: risks.id,
			number: risks.number,
			title: risks.title,
			score: risks.score,
			status: risks.status,
			escalatedAt: risks.escalatedAt,
			decisionItemId: risks.decisionItemId,
			decisionStatus: decisionItems.status
		})
		.from(risks)
		.leftJoin(decisionItems, eq(decisionItems.id, risks.decisionItemId))
		.where(and(eq(risks.consortiumId, consortiumId), isNotNull(risks.escalatedAt)));
	// What each source's earlier agenda items were: `<kind>:<id>` to the dates of their meetings.
	const heard = new Map<string, string[]>();
	for (const a of await tx
		.select({ kind: meetingAgendaItems.sourceKind, sourceId: meetingAgendaItems.sourceId, date: meetings.meetingDate })
		.from(meetingAgendaItems)
		.innerJoin(meetings, eq(meetings.id, meetingAgendaItems.meetingId))
		.where(and(steering, inArray(meetingAgendaItems.sourceKind, ['risk', 'initiative', 'question', 'budget'])))) {
		const key = `${a.kind}:${a.sourceId}`;
		heard.set(key, [...(heard.get(key) ?? []), a.date]);
	}
	const agendaDates = (kind: string, id: string) => heard.get(`${kind}:${id}`) ?? [];

	// Decision items already on the agenda of a steering-group meeting from today on.
	const upcoming = new Set(
		(
			await tx
				.select({ id: meetingAgendaItems.decisionItemId })
				.from(meetingAgendaItems)
				.innerJoin(meetings, eq(meetings.id, meetingAgendaItems.meetingId))
				.where(and(steering, gte(meetings.meetingDate, today), isNotNull(meetingAgendaItems.decisionItemId)))
		).map((r) => r.id!)
	);

	// Gates of each initiative's current phase still awaiting their decision.
	const roadmap = await initiativesIn(tx, actor, consortiumId);
	const gates = roadmap
		.filter((i) => !i.ended)
		.flatMap((i) =>
			i.gates
				.filter((g) => g.phase === i.currentPhase && (g.state === 'draft' || g.state === 'open'))
				.map((g) => ({
					id: g.id,
					decisionItemId: g.decisionItemId,
					initiativeNumber: i.number,
					initiativeTitle: i.title,
					phaseName: i.phases.find((p) => p.position === g.phase)?.name ?? String(g.phase),
					upcomingAgenda: upcoming.has(g.decisionItemId)
				}))
		);
	// Releases presented for Godkännande av delleverans, still awaiting the steering group.
	const presented = await tx
		.select({ id: releaseGates.id, decisionItemId: releaseGates.decisionItemId, number: backlogReleases.number, version: backlogReleases.version })
		.from(releaseGates)
		.innerJoin(backlogReleases, eq(backlogReleases.id, releaseGates.releaseId))
		.innerJoin(decisionItems, eq(decisionItems.id, releaseGates.decisionItemId))
		.where(and(eq(releaseGates.consortiumId, consortiumId), inArray(decisionItems.status, ['draft', 'open', 'closed'])))
		.orderBy(asc(backlogReleases.number), asc(releaseGates.createdAt));
	const items = await tx
		.select({ id: decisionItems.id, title: decisionItems.title, deadline: decisionItems.deadline })
		.from(decisionItems)
		.where(
			and(
				eq(decisionItems.consortiumId, consortiumId),
				eq(decisionItems.level, 'steering_group'),
				inArray(decisionItems.status, ['draft', 'open', 'closed']),
				// A gate's item goes with its gate under Godkännande av delleverans, a risk's with the risk under Riskhantering.
				sql`not exists (select 1 from initiative_gates g where g.decision_item_id = decision_items.id)`,
				sql`not exists (select 1 from release_gates g where g.decision_item_id = decision_items.id)`,
				sql`not exists (select 1 from risks r where r.decision_item_id = decision_items.id)`
			)
		)
		.orderBy(asc(decisionItems.deadline), asc(decisionItems.createdAt));

	const overdue = await tx
		.select({ id: questions.id, number: questions.number, title: questions.title, dueAt: questions.dueAt })
		.from(questions)
		.where(and(eq(questions.consortiumId, consortiumId), eq(questions.status, 'open'), lt(questions.dueAt, now)))
		.orderBy(asc(questions.dueAt));

	// Budget lines (the consortium's own and its initiatives') whose outcome exceeds the budget.
	const overruns = await tx
		.select({
			id: budgetLines.id,
			category: budgetLines.category,
			year: budgetLines.year,
			budget: budgetLines.budget,
			outcome: budgetLines.outcome,
			updatedAt: budgetLines.updatedAt,
			initiativeTitle: initiatives.title,
			consortiumName: consortia.name
		})
		.from(budgetLines)
		.innerJoin(consortia, eq(consortia.id, budgetLines.consortiumId))
		.leftJoin(initiatives, eq(initiatives.id, budgetLines.initiativeId))
		.where(and(eq(budgetLines.consortiumId, consortiumId), isNotNull(budgetLines.budget), sql`${budgetLines.outcome} > ${budgetLines.budget}`))
		.orderBy(asc(budgetLines.year), asc(budgetLines.category));

	// Status reports (all submitted ones: the assembly keeps those since the last meeting), and the red rows of each initiative's latest.
	const locale = await contentLocale(tx, consortiumId);
	const reports = await submittedSince(tx, consortiumId, null);
	const rowNames: Record<string, string> = {
		budget: m.status_report_row_budget({}, { locale }),
		time: m.status_report_row_time({}, { locale }),
		staff: m.status_report_row_staff({}, { locale })
	};
	const reportedOn = new Map<string, string>();
	for (const r of reports) if (r.initiativeId) reportedOn.set(r.initiativeId, stockholmDate(r.submittedAt));
	const red = new Map((await initiativesWithRedRow(tx, consortiumId)).map((r) => [r.initiativeId, r.redRows.map((row) => rowNames[row] ?? row)]));

	return {
		today,
		lastMeetingDate: last?.date ?? null,
		risks: riskRows.map((r) => ({
			id: r.id,
			number: r.number,
			title: r.title,
			score: r.score,
			high: riskBand(r.score, limits) === 'high',
			closed: r.status === 'closed',
			escalatedOn: r.escalatedAt ? stockholmDate(r.escalatedAt) : null,
			agendaDates: agendaDates('risk', r.id),
			decisionItemId:
				r.decisionItemId && (r.decisionStatus === 'draft' || r.decisionStatus === 'open' || r.decisionStatus === 'closed') ? r.decisionItemId : null
		})),
		statusReports: reports.map((r) => ({
			id: r.id,
			title: `${r.scopeTitle}, ${periodLabel(r.period, locale)}`,
			submittedOn: stockholmDate(r.submittedAt),
			red: r.hasRed
		})),
		initiatives: roadmap
			.filter((i) => !i.ended)
			.map((i) => ({
				id: i.id,
				number: i.number,
				title: i.title,
				status: i.status,
				redRows: red.get(i.id) ?? [],
				reportedOn: reportedOn.get(i.id) ?? null,
				agendaDates: agendaDates('initiative', i.id)
			})),
		gates,
		releaseGates: presented.map((g) => ({ ...g, upcomingAgenda: upcoming.has(g.decisionItemId) })),
		decisionItems: items.map((d) => ({
			id: d.id,
			title: d.title,
			deadline: d.deadline ? stockholmDate(d.deadline) : null,
			upcomingAgenda: upcoming.has(d.id)
		})),
		overdueQuestions: overdue.map((q) => ({
			id: q.id,
			number: q.number,
			title: q.title,
			dueOn: stockholmDate(q.dueAt),
			agendaDates: agendaDates('question', q.id)
		})),
		budgetOverruns: overruns.map((b) => ({
			id: b.id,
			scope: b.initiativeTitle ?? b.consortiumName,
			category: b.category,
			year: b.year,
			budget: b.budget!,
			outcome: b.outcome!,
			changedOn: stockholmDate(b.updatedAt),
			agendaDates: agendaDates('budget', b.id)
		}))
	};
}
