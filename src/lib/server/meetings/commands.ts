import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { internalRoles } from '$lib/roles';
import type { Transaction } from '../db/client';
import { asServerIn, withUser } from '../db/request';
import {
	consortia,
	decisionItems,
	meetingAdjusters,
	meetingAgendaItems,
	meetingAttendance,
	meetingParagraphCounters,
	meetingParagraphs,
	meetings,
	memberships,
	organisations
} from '../db/schema';
import { recordChange } from '../audit/record-change';
import { storeDerivedText } from '../collab/derived';
import { paragraphDocument } from '../collab/kinds/meetings';
import { CommandError, NotFound } from '../errors';
import { actorFor, type Who } from '../consortia/actor';
import { authorize, Forbidden } from '../policy';
import { lockItem } from '../decisions/state';
import { recordIn } from '../decisions/commands';
import { m } from '$lib/paraglide/messages';
import { lockMeeting, meetingResource, paragraphReference, type MeetingRow } from './state';
import type {
	AdjustersInput,
	AgendaItemInput,
	AttendanceInput,
	MeetingDetailsInput,
	MeetingInput,
	MoveAgendaItemInput,
	ParagraphInput,
	RecordFromMeetingInput
} from './schemas';

const TOPIC = 'meeting';

/**
 * The supplier reads meetings and their agendas (not the minutes): a change to either is announced
 * to it as well, except an item kept for the municipalities, whose change it must not even notice.
 */
const SUPPLIER_SEES = 'everyone';
const agendaAudience = (item: { municipalitiesOnly: boolean }) => (item.municipalitiesOnly ? 'internal' : 'everyone');

/** Refuses adjusters who are not internal members of the consortium. */
async function checkAdjusters(tx: Transaction, consortiumId: string, userIds: string[]): Promise<void> {
	if (userIds.length === 0) return;
	const found = await tx
		.select({ userId: memberships.userId, role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.consortiumId, consortiumId), inArray(memberships.userId, userIds)));
	if (found.length !== userIds.length || found.some((f) => !internalRoles.includes(f.role)))
		throw new CommandError('meetings_unknown_adjuster', 'adjuster1', 422);
}

/** Gives `count` paragraph numbers of the consortium's year, after the last one given: the counter row is locked, so they have no gaps. */
async function nextParagraphNumbers(tx: Transaction, consortiumId: string, year: number, count: number): Promise<number> {
	return asServerIn(tx, async (own) => {
		await own.insert(meetingParagraphCounters).values({ consortiumId, year, number: 0 }).onConflictDoNothing();
		const [row] = await own
			.select()
			.from(meetingParagraphCounters)
			.where(and(eq(meetingParagraphCounters.consortiumId, consortiumId), eq(meetingParagraphCounters.year, year)))
			.for('update');
		await own
			.update(meetingParagraphCounters)
			.set({ number: row!.number + count })
			.where(and(eq(meetingParagraphCounters.consortiumId, consortiumId), eq(meetingParagraphCounters.year, year)));
		return row!.number + 1;
	});
}

const yearOf = (meeting: MeetingRow) => Number(meeting.meetingDate.slice(0, 4));

/** Adds an agenda item in the caller's transaction, last in order; numbered at once when the minutes are started. */
export async function addAgendaItemIn(
	tx: Transaction,
	meeting: MeetingRow,
	input: { title?: string; decisionItemId?: string; municipalitiesOnly: boolean; source?: { kind: string; id: string } }
) {
	let title = input.title;
	if (input.decisionItemId) {
		const [item] = await tx
			.select({ title: decisionItems.title })
			.from(decisionItems)
			.where(and(eq(decisionItems.id, input.decisionItemId), eq(decisionItems.consortiumId, meeting.consortiumId)));
		if (!item) throw new CommandError('unknown_link', 'decisionItemId', 422);
		title ??= item.title;
	}
	if (!title) throw new CommandError('required', 'title', 422);
	const [{ last }] = (await tx
		.select({ last: max(meetingAgendaItems.position) })
		.from(meetingAgendaItems)
		.where(eq(meetingAgendaItems.meetingId, meeting.id))) as [{ last: number | null }];
	const [row] = await tx
		.insert(meetingAgendaItems)
		.values({
			consortiumId: meeting.consortiumId,
			meetingId: meeting.id,
			position: (last ?? 0) + 1,
			title,
			decisionItemId: input.decisionItemId ?? null,
			municipalitiesOnly: input.municipalitiesOnly,
			sourceKind: input.source?.kind ?? null,
			sourceId: input.source?.id ?? null
		})
		.returning();
	if (meeting.minutesStartedAt) {
		const number = await nextParagraphNumbers(tx, meeting.consortiumId, yearOf(meeting), 1);
		await tx
			.insert(meetingParagraphs)
			.values({ agendaItemId: row!.id, consortiumId: meeting.consortiumId, meetingId: meeting.id, year: yearOf(meeting), number });
	}
	return row!;
}

/** Creates a meeting in the caller's transaction, with its free-text agenda and adjusters (the command below, and the demo seed). */
export async function createMeetingIn(tx: Transaction, createdBy: string | null, consortiumId: string, input: MeetingInput): Promise<MeetingRow> {
	await checkAdjusters(tx, consortiumId, input.adjusterIds);
	const [meeting] = await tx
		.insert(meetings)
		.values({
			consortiumId,
			level: input.level,
			title: input.title,
			meetingDate: input.date,
			startsAt: input.startsAt,
			endsAt: input.endsAt ?? null,
			place: input.place,
			createdBy
		})
		.returning();
	for (const title of input.agenda) await addAgendaItemIn(tx, meeting!, { title, municipalitiesOnly: false });
	if (input.adjusterIds.length > 0)
		await tx.insert(meetingAdjusters).values(input.adjusterIds.map((userId, i) => ({ consortiumId, meetingId: meeting!.id, userId, position: i + 1 })));
	await recordChange(tx, {
		actorId: createdBy,
		consortiumId,
		action: 'meeting.created',
		entityType: TOPIC,
		entityId: meeting!.id,
		audience: SUPPLIER_SEES,
		after: { ...meeting, input }
	});
	return meeting!;
}

/** An admin creates a meeting of the steering group or the project group. */
export async function createMeeting(person: Who, consortiumId: string, input: MeetingInput): Promise<MeetingRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'decisions.manage');
		return createMeetingIn(tx, person.id, consortiumId, input);
	});
}

/** Runs `work` on the locked meeting once the policy allows `action` on it. */
async function onMeeting<T>(
	person: Who,
	consortiumId: string,
	meetingId: string,
	action: 'meeting.edit' | 'meeting.start_minutes' | 'meeting.write_paragraph' | 'meeting.record_decision' | 'meeting.approve',
	work: (tx: Transaction, meeting: MeetingRow) => Promise<T>
): Promise<T> {
	return withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'internal.read');
		const meeting = await lockMeeting(tx, consortiumId, meetingId);
		authorize(actor, action, await meetingResource(tx, actor, meeting));
		return work(tx, meeting);
	});
}

export async function addAgendaItem(person: Who, consortiumId: string, meetingId: string, input: AgendaItemInput) {
	return onMeeting(person, consortiumId, meetingId, 'meeting.edit', async (tx, meeting) => {
		const row = await addAgendaItemIn(tx, meeting, input);
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'meeting.agenda_item_added',
			entityType: TOPIC,
			entityId: meetingId,
			audience: agendaAudience(row),
			after: row
		});
		return row;
	});
}

/**
 * Changes the meeting's title, time and place until the minutes are justerade; its date and level
 * only until the minutes are started, since the decision log names a paragraph by them
 * ("Styrgruppen 2026-11-12, § 4") and the paragraphs are numbered in the date's year.
 */
export async function editMeeting(person: Who, consortiumId: string, meetingId: string, input: MeetingDetailsInput): Promise<MeetingRow> {
	return onMeeting(person, consortiumId, meetingId, 'meeting.edit', async (tx, meeting) => {
		if (meeting.minutesStartedAt && (input.date !== meeting.meetingDate || input.level !== meeting.level))
			throw new CommandError('meetings_date_fixed', input.date !== meeting.meetingDate ? 'date' : 'level', 409);
		const [after] = await tx
			.update(meetings)
			.set({
				title: input.title,
				level: input.level,
				meetingDate: input.date,
				startsAt: input.startsAt,
				endsAt: input.endsAt ?? null,
				place: input.place,
				updatedAt: new Date()
			})
			.where(eq(meetings.id, meetingId))
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'meeting.edited',
			entityType: TOPIC,
			entityId: meetingId,
			audience: SUPPLIER_SEES,
			before: meeting,
			after
		});
		return after!;
	});
}

/** Moves an agenda item one place up or down, before the minutes number the items in agenda order. */
export async function moveAgendaItem(person: Who, consortiumId: string, meetingId: string, input: MoveAgendaItemInput): Promise<number> {
	return onMeeting(person, consortiumId, meetingId, 'meeting.edit', async (tx, meeting) => {
		if (meeting.minutesStartedAt) throw new CommandError('meetings_minutes_started', 'form', 409);
		const agenda = await tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meetingId)).orderBy(asc(meetingAgendaItems.position));
		const at = agenda.findIndex((a) => a.id === input.agendaItemId);
		if (at < 0) throw new NotFound();
		const to = input.direction === 'up' ? at - 1 : at + 1;
		const other = agenda[to];
		if (!other) return at + 1; // already first (or last): nothing moves
		const item = agenda[at]!;
		// positions are unique per meeting: park the item outside the order while its neighbour moves
		await tx.update(meetingAgendaItems).set({ position: -item.position }).where(eq(meetingAgendaItems.id, item.id));
		await tx.update(meetingAgendaItems).set({ position: item.position }).where(eq(meetingAgendaItems.id, other.id));
		await tx.update(meetingAgendaItems).set({ position: other.position }).where(eq(meetingAgendaItems.id, item.id));
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'meeting.agenda_item_moved',
			entityType: TOPIC,
			entityId: meetingId,
			audience: agendaAudience(item),
			before: { id: item.id, position: item.position },
			after: { id: item.id, position: other.position }
		});
		return to + 1;
	});
}

/** Removes an agenda item, before the minutes number it (a removed paragraph would leave a gap). */
export async function removeAgendaItem(person: Who, consortiumId: string, meetingId: string, agendaItemId: string): Promise<void> {
	await onMeeting(person, consortiumId, meetingId, 'meeting.edit', async (tx, meeting) => {
		if (meeting.minutesStartedAt) throw new CommandError('meetings_minutes_started', 'form', 409);
		const [row] = await tx
			.delete(meetingAgendaItems)
			.where(and(eq(meetingAgendaItems.id, agendaItemId), eq(meetingAgendaItems.meetingId, meetingId)))
			.returning();
		if (!row) throw new NotFound();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'meeting.agenda_item_removed',
			entityType: TOPIC,
			entityId: meetingId,
			audience: agendaAudience(row),
			before: row
		});
	});
}

/** Sets an organisation's attendance in the caller's transaction: present (with whom, in which capacity), absent or excused. */
export async function setAttendanceIn(tx: Transaction, meeting: MeetingRow, input: AttendanceInput) {
	const [organisation] = await tx
		.select({ kind: organisations.kind })
		.from(organisations)
		.where(and(eq(organisations.id, input.organisationId), eq(organisations.consortiumId, meeting.consortiumId)));
	if (!organisation) throw new CommandError('unknown_organisation', 'organisationId', 422);
	const present = input.status === 'present';
	if (present && !input.capacity) throw new CommandError('required', 'capacity', 422);
	if (present && input.userId) {
		const [member] = await tx
			.select({ id: memberships.id })
			.from(memberships)
			.where(and(eq(memberships.userId, input.userId), eq(memberships.organisationId, input.organisationId)));
		if (!member) throw new CommandError('unknown_member', 'userId', 422);
	}
	const values = { status: input.status, userId: present ? (input.userId ?? null) : null, capacity: present ? input.capacity! : null };
	const [row] = await tx
		.insert(meetingAttendance)
		.values({ consortiumId: meeting.consortiumId, meetingId: meeting.id, organisationId: input.organisationId, ...values })
		.onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.organisationId], set: values })
		.returning();
	return row!;
}

export async function setAttendance(person: Who, consortiumId: string, meetingId: string, input: AttendanceInput) {
	return onMeeting(person, consortiumId, meetingId, 'meeting.edit', async (tx, meeting) => {
		const row = await setAttendanceIn(tx, meeting, input);
		await recordChange(tx, { actorId: person.id, consortiumId, action: 'meeting.attendance_set', entityType: TOPIC, entityId: meetingId, after: row });
		return row;
	});
}

/** Names the one or two adjusters; not once one of them has approved. */
export async function setAdjusters(person: Who, consortiumId: string, meetingId: string, input: AdjustersInput): Promise<void> {
	await onMeeting(person, consortiumId, meetingId, 'meeting.edit', async (tx) => {
		await checkAdjusters(tx, consortiumId, input.adjusterIds);
		const before = await tx.select().from(meetingAdjusters).where(eq(meetingAdjusters.meetingId, meetingId));
		if (before.some((a) => a.approvedAt)) throw new CommandError('meetings_already_approved', 'form', 409);
		await tx.delete(meetingAdjusters).where(eq(meetingAdjusters.meetingId, meetingId));
		await tx.insert(meetingAdjusters).values(input.adjusterIds.map((userId, i) => ({ consortiumId, meetingId, userId, position: i + 1 })));
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'meeting.adjusters_named',
			entityType: TOPIC,
			entityId: meetingId,
			before: before.map((a) => a.userId),
			after: input.adjusterIds
		});
	});
}

/** Starts the minutes in the caller's transaction (the meeting locked): one paragraph per agenda item, numbered in agenda order. */
export async function startMinutesIn(tx: Transaction, startedBy: string | null, meeting: MeetingRow): Promise<MeetingRow> {
	if (meeting.minutesStartedAt) throw new CommandError('meetings_minutes_started', 'form', 409);
	const agenda = await tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meeting.id)).orderBy(asc(meetingAgendaItems.position));
	if (agenda.length === 0) throw new CommandError('meetings_agenda_empty', 'form', 409);
	const year = yearOf(meeting);
	const first = await nextParagraphNumbers(tx, meeting.consortiumId, year, agenda.length);
	await tx
		.insert(meetingParagraphs)
		.values(agenda.map((a, i) => ({ agendaItemId: a.id, consortiumId: meeting.consortiumId, meetingId: meeting.id, year, number: first + i })));
	const [after] = await tx.update(meetings).set({ minutesStartedAt: new Date(), updatedAt: new Date() }).where(eq(meetings.id, meeting.id)).returning();
	await recordChange(tx, {
		actorId: startedBy,
		consortiumId: meeting.consortiumId,
		action: 'meeting.minutes_started',
		entityType: TOPIC,
		entityId: meeting.id,
		after: { year, paragraphs: [first, first + agenda.length - 1] }
	});
	return after!;
}

export async function startMinutes(person: Who, consortiumId: string, meetingId: string): Promise<MeetingRow> {
	return onMeeting(person, consortiumId, meetingId, 'meeting.start_minutes', (tx, meeting) => startMinutesIn(tx, person.id, meeting));
}

/**
 * Sets a paragraph's minutes text until the minutes are justerade: the demo's and the tests' way in;
 * people co-write the paragraph's document (`meeting/<id>/p<n>`), whose text lands on the same row.
 */
export async function writeParagraphIn(tx: Transaction, writtenBy: string | null, meeting: MeetingRow, input: ParagraphInput) {
	const [row] = await tx
		.update(meetingParagraphs)
		.set({ text: input.text, updatedBy: writtenBy, updatedAt: new Date() })
		.where(and(eq(meetingParagraphs.agendaItemId, input.agendaItemId), eq(meetingParagraphs.meetingId, meeting.id)))
		.returning();
	if (!row) throw new NotFound();
	await recordChange(tx, {
		actorId: writtenBy,
		consortiumId: meeting.consortiumId,
		action: 'meeting.paragraph_written',
		entityType: TOPIC,
		entityId: meeting.id,
		after: row
	});
	return row;
}

export async function writeParagraph(person: Who, consortiumId: string, meetingId: string, input: ParagraphInput) {
	return onMeeting(person, consortiumId, meetingId, 'meeting.write_paragraph', (tx, meeting) => writeParagraphIn(tx, person.id, meeting, input));
}

/** The paragraph's reference as the decision log takes it, in the consortium's content language: "Styrgruppen 2026-11-12, § 4". */
export async function paragraphReferenceIn(tx: Transaction, meeting: MeetingRow, number: number): Promise<string> {
	const [consortium] = await tx.select({ contentLanguage: consortia.contentLanguage }).from(consortia).where(eq(consortia.id, meeting.consortiumId));
	const locale = consortium?.contentLanguage === 'en' ? 'en' : 'sv';
	const level = meeting.level === 'project_group' ? m.decision_level_project_group({}, { locale }) : m.decision_level_steering_group({}, { locale });
	return paragraphReference(level, meeting.meetingDate, number);
}

/** Records the closed decision item of an agenda item into the decision log, with the paragraph it was taken in. */
export async function recordFromMeeting(person: Who, consortiumId: string, meetingId: string, input: RecordFromMeetingInput) {
	return onMeeting(person, consortiumId, meetingId, 'meeting.record_decision', async (tx, meeting) => {
		const [row] = await tx
			.select({ decisionItemId: meetingAgendaItems.decisionItemId, number: meetingParagraphs.number })
			.from(meetingAgendaItems)
			.innerJoin(meetingParagraphs, eq(meetingParagraphs.agendaItemId, meetingAgendaItems.id))
			.where(and(eq(meetingAgendaItems.id, input.agendaItemId), eq(meetingAgendaItems.meetingId, meetingId)));
		if (!row?.decisionItemId) throw new NotFound();
		const actor = await actorFor(tx, person, consortiumId, 'decisions.manage');
		const item = await lockItem(tx, consortiumId, row.decisionItemId);
		authorize(actor, 'decision_item.record', { consortiumId, status: item.status, actorConflicted: false, representativeConflicted: false });
		return recordIn(tx, person.id, item, {
			registrationNumber: input.registrationNumber,
			meetingParagraph: await paragraphReferenceIn(tx, meeting, row.number),
			secret: false,
			communicated: input.communicated
		});
	});
}

/** An adjuster's approval in the caller's transaction (the meeting locked); the last one justerar the minutes (a trigger sets it). */
export async function approveMinutesIn(tx: Transaction, userId: string, meeting: MeetingRow): Promise<MeetingRow> {
	// What the adjuster approves is the co-written text as it is now, not as last debounced
	const paragraphs = await tx.select({ number: meetingParagraphs.number }).from(meetingParagraphs).where(eq(meetingParagraphs.meetingId, meeting.id));
	for (const { number } of paragraphs) await storeDerivedText(tx, paragraphDocument(meeting.id, number));
	const [row] = await tx
		.update(meetingAdjusters)
		.set({ approvedAt: new Date() })
		.where(and(eq(meetingAdjusters.meetingId, meeting.id), eq(meetingAdjusters.userId, userId)))
		.returning();
	if (!row) throw new Forbidden('meeting.approve', 'meetings_not_adjuster');
	const [after] = await tx.select().from(meetings).where(eq(meetings.id, meeting.id));
	await recordChange(tx, {
		actorId: userId,
		consortiumId: meeting.consortiumId,
		action: after!.adjustedAt ? 'meeting.minutes_adjusted' : 'meeting.minutes_approved',
		entityType: TOPIC,
		entityId: meeting.id,
		after: { approvedAt: row.approvedAt, adjustedAt: after!.adjustedAt }
	});
	return after!;
}

/** A named adjuster approves the minutes (justerar); nobody else may. */
export async function approveMinutes(person: Who, consortiumId: string, meetingId: string): Promise<MeetingRow> {
	return onMeeting(person, consortiumId, meetingId, 'meeting.approve', (tx, meeting) => approveMinutesIn(tx, person.id, meeting));
}
