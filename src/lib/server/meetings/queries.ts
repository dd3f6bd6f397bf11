import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { internalRoles } from '$lib/roles';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import {
	consortia,
	decisionItems,
	decisions,
	meetingAdjusters,
	meetingAgendaItems,
	meetingAttendance,
	meetingParagraphs,
	meetings,
	memberships,
	organisations,
	users
} from '../db/schema';
import { abilities, can, itemAbilities } from '../policy';
import { readerFor, type Who } from '../consortia/actor';
import { NotFound } from '../errors';
import { meetingResource, type MeetingRow } from './state';
import { stockholmDate } from '../../decisions/deadline';

/** The consortium's meetings, upcoming first (soonest first), then past ones (latest first); the supplier sees them too. */
export async function listMeetings(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'published.read');
		const today = stockholmDate(new Date());
		const rows = await tx
			.select({
				id: meetings.id,
				title: meetings.title,
				level: meetings.level,
				meetingDate: meetings.meetingDate,
				startsAt: meetings.startsAt,
				place: meetings.place,
				minutesStartedAt: meetings.minutesStartedAt,
				adjustedAt: meetings.adjustedAt
			})
			.from(meetings)
			.where(eq(meetings.consortiumId, consortiumId))
			.orderBy(
				sql`case when ${meetings.meetingDate} >= ${today} then 0 else 1 end`,
				sql`case when ${meetings.meetingDate} >= ${today} then ${meetings.meetingDate} end asc`,
				desc(meetings.meetingDate)
			);
		const internal = can(actor, 'internal.read', { consortiumId });
		// The people who may be named adjusters, for the create form.
		const members = can(actor, 'decisions.manage', { consortiumId }) ? await adjusterCandidates(tx, consortiumId) : [];
		return {
			meetings: rows.map((r) => (internal ? r : { ...r, minutesStartedAt: null, adjustedAt: null })),
			internal,
			members,
			can: abilities(actor, { consortiumId })
		};
	});
}

/** The consortium's internal members, by name: who may be named an adjuster. */
async function adjusterCandidates(tx: Transaction, consortiumId: string) {
	return tx
		.select({ userId: users.id, name: users.name, organisationId: memberships.organisationId, role: memberships.role })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.consortiumId, consortiumId), inArray(memberships.role, [...internalRoles])))
		.orderBy(asc(users.name));
}

async function loadMeeting(tx: Transaction, consortiumId: string, id: string): Promise<MeetingRow> {
	const [meeting] = await tx
		.select()
		.from(meetings)
		.where(and(eq(meetings.id, id), eq(meetings.consortiumId, consortiumId)));
	if (!meeting) throw new NotFound();
	return meeting;
}

/** The minutes whole, for internal members: agenda with paragraphs and decisions, attendance, adjusters. */
async function minutesOf(tx: Transaction, meeting: MeetingRow) {
	const agenda = await tx
		.select({
			id: meetingAgendaItems.id,
			position: meetingAgendaItems.position,
			title: meetingAgendaItems.title,
			municipalitiesOnly: meetingAgendaItems.municipalitiesOnly,
			decisionItemId: meetingAgendaItems.decisionItemId,
			decisionStatus: decisionItems.status,
			proposal: decisionItems.proposal,
			paragraph: meetingParagraphs.number,
			text: meetingParagraphs.text,
			decisionId: decisions.id,
			decisionNumber: decisions.number,
			decisionText: decisions.text,
			decisionParagraph: decisions.meetingParagraph,
			reservations: decisions.reservations
		})
		.from(meetingAgendaItems)
		.leftJoin(meetingParagraphs, eq(meetingParagraphs.agendaItemId, meetingAgendaItems.id))
		.leftJoin(decisionItems, eq(decisionItems.id, meetingAgendaItems.decisionItemId))
		.leftJoin(decisions, eq(decisions.itemId, meetingAgendaItems.decisionItemId))
		.where(eq(meetingAgendaItems.meetingId, meeting.id))
		.orderBy(asc(meetingAgendaItems.position));
	const attendance = await tx
		.select({
			organisationId: organisations.id,
			organisation: organisations.name,
			status: meetingAttendance.status,
			userId: meetingAttendance.userId,
			person: users.name,
			capacity: meetingAttendance.capacity
		})
		.from(organisations)
		.leftJoin(meetingAttendance, and(eq(meetingAttendance.organisationId, organisations.id), eq(meetingAttendance.meetingId, meeting.id)))
		.leftJoin(users, eq(users.id, meetingAttendance.userId))
		.where(and(eq(organisations.consortiumId, meeting.consortiumId), inArray(organisations.kind, ['municipality', 'region'])))
		.orderBy(asc(organisations.name));
	const adjusters = await tx
		.select({ userId: meetingAdjusters.userId, name: users.name, approvedAt: meetingAdjusters.approvedAt })
		.from(meetingAdjusters)
		.innerJoin(users, eq(users.id, meetingAdjusters.userId))
		.where(eq(meetingAdjusters.meetingId, meeting.id))
		.orderBy(asc(meetingAdjusters.position));
	return {
		agenda: agenda.map((a) => ({ ...a, reservations: (a.reservations ?? []) as { organisation: string; reason: string; by: string | null }[] })),
		attendance,
		adjusters
	};
}

/**
 * One meeting. Internal members get the minutes whole, what they may do, and the choices the forms
 * need; the supplier gets the meeting and its agenda without the municipalities' own items (row-level
 * security leaves them out too), and nothing of the minutes.
 */
export async function meetingDetail(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'published.read');
		const meeting = await loadMeeting(tx, consortiumId, id);
		if (!can(actor, 'internal.read', { consortiumId })) {
			const agenda = await tx
				.select({ id: meetingAgendaItems.id, position: meetingAgendaItems.position, title: meetingAgendaItems.title })
				.from(meetingAgendaItems)
				.where(and(eq(meetingAgendaItems.meetingId, id), eq(meetingAgendaItems.municipalitiesOnly, false)))
				.orderBy(asc(meetingAgendaItems.position));
			// Nothing of the minutes: not whether they were started or justerade, nor who created the meeting.
			return { internal: false as const, meeting: { ...meeting, minutesStartedAt: null, adjustedAt: null, createdBy: null }, agenda };
		}
		const minutes = await minutesOf(tx, meeting);
		const resource = await meetingResource(tx, actor, meeting);
		const members = await adjusterCandidates(tx, consortiumId);
		const linkable = await tx
			.select({ id: decisionItems.id, title: decisionItems.title, status: decisionItems.status })
			.from(decisionItems)
			.where(and(eq(decisionItems.consortiumId, consortiumId), inArray(decisionItems.status, ['draft', 'open', 'closed'])))
			.orderBy(asc(decisionItems.title));
		return {
			internal: true as const,
			meeting,
			...minutes,
			members,
			linkable,
			can: { ...itemAbilities(actor, 'meeting', resource), manage: can(actor, 'decisions.manage', { consortiumId }) }
		};
	});
}

/** The minutes as the exports lay them out; internal members only. */
export async function minutesDocument(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const meeting = await loadMeeting(tx, consortiumId, id);
		const [consortium] = await tx
			.select({ name: consortia.name, contentLanguage: consortia.contentLanguage })
			.from(consortia)
			.where(eq(consortia.id, consortiumId));
		return {
			meeting,
			consortiumName: consortium!.name,
			contentLanguage: consortium!.contentLanguage,
			printedAt: new Date(),
			...(await minutesOf(tx, meeting))
		};
	});
}

/** What awaits the person on the front page: minutes they are named to justera and have not, and the meetings ahead. */
export async function meetingsAttention(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const today = stockholmDate(new Date());
		const toAdjust = await tx
			.select({ id: meetings.id, title: meetings.title, meetingDate: meetings.meetingDate, level: meetings.level })
			.from(meetingAdjusters)
			.innerJoin(meetings, eq(meetings.id, meetingAdjusters.meetingId))
			.where(
				and(
					eq(meetings.consortiumId, consortiumId),
					eq(meetingAdjusters.userId, person.id),
					isNull(meetingAdjusters.approvedAt),
					isNull(meetings.adjustedAt),
					sql`${meetings.minutesStartedAt} is not null`
				)
			)
			.orderBy(asc(meetings.meetingDate));
		const upcoming = await tx
			.select({ id: meetings.id, title: meetings.title, meetingDate: meetings.meetingDate, startsAt: meetings.startsAt, level: meetings.level })
			.from(meetings)
			.where(and(eq(meetings.consortiumId, consortiumId), gte(meetings.meetingDate, today)))
			.orderBy(asc(meetings.meetingDate))
			.limit(5);
		return { toAdjust, upcoming };
	});
}

export type MinutesDocument = Awaited<ReturnType<typeof minutesDocument>>;
