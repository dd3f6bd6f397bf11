import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { rowsOf } from '../db/rows';
import { auditLog, meetingAdjusters, meetingAgendaItems, meetingAttendance, meetingParagraphs, meetings } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { NotFound } from '../errors';
import { closeDecisionItem, createDecisionItem, openDecisionItem, registerReservation, statePosition } from '../decisions/commands';
import { DecisionItemInput, PositionInput } from '../decisions/schemas';
import {
	addAgendaItem,
	approveMinutes,
	createMeeting,
	editMeeting,
	moveAgendaItem,
	recordFromMeeting,
	removeAgendaItem,
	setAdjusters,
	setAttendance,
	startMinutes,
	writeParagraph
} from './commands';
import { listMeetings, meetingDetail, meetingsAttention } from './queries';
import { AgendaItemInput, AttendanceInput, MeetingDetailsInput, MeetingInput, ParagraphInput, RecordFromMeetingInput } from './schemas';
import { minutesDocx, minutesPdf } from './exports';
import { minutesDocument } from './queries';
import { resolveAccess } from '../collab/access';
import { documentKind } from '../collab/registry';
import { appendUpdates } from '../collab/store';
import { textToUpdate } from '../collab/render';
import { paragraphDocument } from '../collab/kinds/meetings';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };
type People = Record<Role | 'outsider' | 'rep2' | 'rep3', Who>;

/** Three municipalities, a convenor with the admin, a supplier and an outsider. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, {}, { decisionRule: 'majority', quorumPercent: 50 });
		const other = await buildConsortium(tx);
		const a = await buildOrganisation(tx, consortium.id, { name: 'Linköping', population: 167_000 });
		const b = await buildOrganisation(tx, consortium.id, { name: 'Kinda', population: 9940 });
		const c = await buildOrganisation(tx, consortium.id, { name: 'Vadstena', population: 7428 });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as People;
		const add = async (key: keyof People, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		await add('representative', a.id, 'representative');
		await add('rep2', b.id, 'representative');
		await add('rep3', c.id, 'representative');
		await add('deputy', a.id, 'deputy');
		await add('member', a.id, 'member');
		await add('observer', convenor.id, 'observer');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		return { consortium, people, orgs: { a, b, c } };
	});
}
type World = Awaited<ReturnType<typeof world>>;

const meetingInput = (w: World, over: Record<string, unknown> = {}) =>
	MeetingInput.parse({
		title: 'Styrgruppsmöte november',
		level: 'steering_group',
		date: '2026-11-12',
		startsAt: '13:00',
		endsAt: '15:00',
		place: 'Linköpings stadshus',
		agenda: 'Mötets öppnande\nStatusrapport',
		adjusterIds: [w.people.representative.id, w.people.rep2.id],
		...over
	});

async function started(w: World) {
	const meeting = await createMeeting(w.people.admin, w.consortium.id, meetingInput(w));
	await startMinutes(w.people.admin, w.consortium.id, meeting.id);
	return meeting;
}

describe('justering: the security cases', () => {
	it('lets only a named adjuster approve, each once, and justerar when both have', async () => {
		const w = await world();
		const meeting = await started(w);
		for (const who of [w.people.admin, w.people.member, w.people.rep3, w.people.observer])
			await expect(approveMinutes(who, w.consortium.id, meeting.id)).rejects.toMatchObject({ key: 'meetings_not_adjuster' });
		await expect(approveMinutes(w.people.supplier, w.consortium.id, meeting.id)).rejects.toBeInstanceOf(Forbidden);
		await expect(approveMinutes(w.people.outsider, w.consortium.id, meeting.id)).rejects.toBeInstanceOf(NotFound);
		const first = await approveMinutes(w.people.representative, w.consortium.id, meeting.id);
		expect(first.adjustedAt).toBeNull();
		await expect(approveMinutes(w.people.representative, w.consortium.id, meeting.id)).rejects.toMatchObject({ key: 'meetings_already_approved' });
		const second = await approveMinutes(w.people.rep2, w.consortium.id, meeting.id);
		expect(second.adjustedAt).not.toBeNull();
		const audit = await asSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, meeting.id)));
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['meeting.created', 'meeting.minutes_started', 'meeting.minutes_approved', 'meeting.minutes_adjusted'])
		);
	});

	it('refuses an adjuster’s approval written straight to the table for someone else (row-level security)', async () => {
		const w = await world();
		const meeting = await started(w);
		await withUser(w.people.rep3, (tx) => tx.update(meetingAdjusters).set({ approvedAt: new Date() }).where(eq(meetingAdjusters.meetingId, meeting.id)));
		const rows = await asSystem((tx) => tx.select().from(meetingAdjusters).where(eq(meetingAdjusters.meetingId, meeting.id)));
		expect(rows.every((r) => r.approvedAt === null)).toBe(true);
	});

	it('lets nobody justera past the adjusters or move an approval or a paragraph number, not even an admin writing to the tables', async () => {
		const w = await world();
		const meeting = await started(w);
		// Only the trigger sets adjusted_at; an adjuster changes their approval and nothing else; a paragraph keeps its number.
		await expect(withUser(w.people.admin, (tx) => tx.update(meetings).set({ adjustedAt: new Date() }).where(eq(meetings.id, meeting.id)))).rejects.toThrow();
		await expect(
			withUser(w.people.representative, (tx) =>
				tx.update(meetingAdjusters).set({ position: 2, approvedAt: new Date() }).where(eq(meetingAdjusters.userId, w.people.representative.id))
			)
		).rejects.toThrow();
		await expect(
			withUser(w.people.admin, (tx) => tx.update(meetingParagraphs).set({ number: 99 }).where(eq(meetingParagraphs.meetingId, meeting.id)))
		).rejects.toThrow();
		await expect(
			withUser(w.people.admin, (tx) =>
				tx
					.insert(meetingAdjusters)
					.values({ consortiumId: w.consortium.id, meetingId: meeting.id, userId: w.people.rep3.id, position: 3, approvedAt: new Date() })
			)
		).rejects.toThrow();
		const [row] = await asSystem((tx) => tx.select().from(meetings).where(eq(meetings.id, meeting.id)));
		expect(row!.adjustedAt).toBeNull();
	});

	it('justerar when both adjusters approve at the same time', async () => {
		const w = await world();
		const meeting = await started(w);
		await Promise.all([approveMinutes(w.people.representative, w.consortium.id, meeting.id), approveMinutes(w.people.rep2, w.consortium.id, meeting.id)]);
		const [row] = await asSystem((tx) => tx.select().from(meetings).where(eq(meetings.id, meeting.id)));
		expect(row!.adjustedAt).not.toBeNull();
	});

	it('refuses every change after justering, by the commands and by the trigger even on the server’s own connection', async () => {
		const w = await world();
		const meeting = await started(w);
		const [item] = await asSystem((tx) => tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meeting.id)));
		await approveMinutes(w.people.representative, w.consortium.id, meeting.id);
		await approveMinutes(w.people.rep2, w.consortium.id, meeting.id);
		await expect(
			writeParagraph(w.people.admin, w.consortium.id, meeting.id, ParagraphInput.parse({ agendaItemId: item!.id, text: 'Ändrat' }))
		).rejects.toMatchObject({
			key: 'meetings_adjusted'
		});
		await expect(addAgendaItem(w.people.admin, w.consortium.id, meeting.id, AgendaItemInput.parse({ title: 'Sent' }))).rejects.toMatchObject({
			key: 'meetings_adjusted'
		});
		const server = [
			() => asSystem((tx) => tx.update(meetingParagraphs).set({ text: 'Ändrat' }).where(eq(meetingParagraphs.meetingId, meeting.id))),
			() => asSystem((tx) => tx.delete(meetingParagraphs).where(eq(meetingParagraphs.meetingId, meeting.id))),
			() => asSystem((tx) => tx.update(meetingAgendaItems).set({ title: 'Ändrat' }).where(eq(meetingAgendaItems.meetingId, meeting.id))),
			() => asSystem((tx) => tx.insert(meetingAgendaItems).values({ consortiumId: w.consortium.id, meetingId: meeting.id, position: 99, title: 'Sent' })),
			() =>
				asSystem((tx) =>
					tx.insert(meetingAttendance).values({ consortiumId: w.consortium.id, meetingId: meeting.id, organisationId: w.orgs.c.id, status: 'absent' })
				),
			() => asSystem((tx) => tx.update(meetings).set({ title: 'Ändrat' }).where(eq(meetings.id, meeting.id))),
			() => asSystem((tx) => tx.delete(meetings).where(eq(meetings.id, meeting.id))),
			() => asSystem((tx) => tx.update(meetingAdjusters).set({ approvedAt: null }).where(eq(meetingAdjusters.meetingId, meeting.id)))
		];
		// Each attempt starts when it is awaited, so none is left unobserved.
		for (const attempt of server) await expect(attempt()).rejects.toThrow();
		const [still] = await asSystem((tx) => tx.select().from(meetingParagraphs).where(eq(meetingParagraphs.agendaItemId, item!.id)));
		expect(still!.text).toBe('');
	});

	it('numbers paragraphs § 1, § 2, … per consortium and year without gaps, one number each when minutes start at the same time', async () => {
		const w = await world();
		const one = await createMeeting(w.people.admin, w.consortium.id, meetingInput(w, { agenda: 'A\nB\nC' }));
		const two = await createMeeting(w.people.admin, w.consortium.id, meetingInput(w, { agenda: 'D\nE', date: '2026-11-20' }));
		const results = await Promise.allSettled([
			startMinutes(w.people.admin, w.consortium.id, one.id),
			startMinutes(w.people.admin, w.consortium.id, one.id),
			startMinutes(w.people.admin, w.consortium.id, two.id)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
		expect((results[0]!.status === 'rejected' ? results[0] : results[1]) as PromiseRejectedResult).toMatchObject({
			reason: { key: 'meetings_minutes_started' }
		});
		await addAgendaItem(w.people.admin, w.consortium.id, one.id, AgendaItemInput.parse({ title: 'Övrigt' }));
		const rows = await asSystem((tx) => tx.select().from(meetingParagraphs).where(eq(meetingParagraphs.consortiumId, w.consortium.id)));
		expect(rows.map((r) => r.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
		const detail = await meetingDetail(w.people.member, w.consortium.id, one.id);
		if (!detail.internal) throw new Error('internal');
		const numbers = detail.agenda.map((a) => a.paragraph!);
		// In agenda order within the meeting.
		expect([...numbers].slice(0, 3)).toEqual([...numbers].slice(0, 3).sort((x, y) => x - y));
		// A numbered item stays: removing it would leave a gap.
		await expect(removeAgendaItem(w.people.admin, w.consortium.id, one.id, detail.agenda[0]!.id)).rejects.toMatchObject({ key: 'meetings_minutes_started' });
		// A new year starts at § 1.
		const next = await createMeeting(w.people.admin, w.consortium.id, meetingInput(w, { agenda: 'X', date: '2027-01-15' }));
		await startMinutes(w.people.admin, w.consortium.id, next.id);
		const [first] = await asSystem((tx) => tx.select().from(meetingParagraphs).where(eq(meetingParagraphs.meetingId, next.id)));
		expect(first).toMatchObject({ year: 2027, number: 1 });
	});

	it('never shows the supplier minutes, attendance, adjusters or municipalities-only items, not even with direct SQL as authenticated', async () => {
		const w = await world();
		const meeting = await createMeeting(w.people.admin, w.consortium.id, meetingInput(w));
		await addAgendaItem(w.people.admin, w.consortium.id, meeting.id, AgendaItemInput.parse({ title: 'Förhandlingsläget', municipalitiesOnly: 'on' }));
		await setAttendance(
			w.people.admin,
			w.consortium.id,
			meeting.id,
			AttendanceInput.parse({ organisationId: w.orgs.a.id, status: 'present', capacity: 'representative', userId: w.people.representative.id })
		);
		await startMinutes(w.people.admin, w.consortium.id, meeting.id);
		const detail = await meetingDetail(w.people.supplier, w.consortium.id, meeting.id);
		expect(detail.internal).toBe(false);
		expect(detail.agenda.map((a) => a.title)).toEqual(['Mötets öppnande', 'Statusrapport']);
		expect(JSON.stringify(detail)).not.toContain('Förhandlingsläget');
		expect((await listMeetings(w.people.supplier, w.consortium.id)).meetings).toHaveLength(1);
		await expect(minutesDocument(w.people.supplier, w.consortium.id, meeting.id)).rejects.toBeInstanceOf(NotFound);
		const seen = await withUser(w.people.supplier, async (tx) => {
			const count = async (table: string) =>
				rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where meeting_id = ${meeting.id}`))[0]!.n;
			return {
				paragraphs: await count('meeting_paragraphs'),
				attendance: await count('meeting_attendance'),
				adjusters: await count('meeting_adjusters'),
				agenda: await count('meeting_agenda_items'),
				hidden: rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from meeting_agenda_items where municipalities_only`))[0]!.n
			};
		});
		expect(seen).toEqual({ paragraphs: 0, attendance: 0, adjusters: 0, agenda: 2, hidden: 0 });
		// The paragraph counter is the server's own: not even readable.
		await expect(withUser(w.people.supplier, (tx) => tx.execute(sql`select 1 from meeting_paragraph_counters`))).rejects.toThrow();
		// The same reads as an internal member see everything.
		const member = await withUser(w.people.member, async (tx) =>
			rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from meeting_paragraphs where meeting_id = ${meeting.id}`))
		);
		expect(member[0]!.n).toBe(3);
		// And the supplier cannot write either.
		await expect(
			withUser(w.people.supplier, (tx) =>
				tx.insert(meetingAgendaItems).values({ consortiumId: w.consortium.id, meetingId: meeting.id, position: 50, title: 'Från leverantören' })
			)
		).rejects.toThrow();
	});
});

describe('running a meeting', () => {
	it('lets admins create and run meetings, writers draft paragraphs, and refuses the rest', async () => {
		const w = await world();
		await expect(createMeeting(w.people.member, w.consortium.id, meetingInput(w))).rejects.toBeInstanceOf(Forbidden);
		await expect(createMeeting(w.people.outsider, w.consortium.id, meetingInput(w))).rejects.toBeInstanceOf(NotFound);
		await expect(createMeeting(w.people.admin, w.consortium.id, meetingInput(w, { adjusterIds: [w.people.supplier.id] }))).rejects.toMatchObject({
			key: 'meetings_unknown_adjuster'
		});
		const meeting = await createMeeting(w.people.admin, w.consortium.id, meetingInput(w));
		const [item] = await asSystem((tx) => tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meeting.id)));
		await expect(
			writeParagraph(w.people.member, w.consortium.id, meeting.id, ParagraphInput.parse({ agendaItemId: item!.id, text: 'x' }))
		).rejects.toMatchObject({
			key: 'meetings_minutes_not_started'
		});
		await expect(startMinutes(w.people.member, w.consortium.id, meeting.id)).rejects.toBeInstanceOf(Forbidden);
		await expect(approveMinutes(w.people.representative, w.consortium.id, meeting.id)).rejects.toMatchObject({ key: 'meetings_minutes_not_started' });
		await setAdjusters(w.people.admin, w.consortium.id, meeting.id, { adjusterIds: [w.people.rep3.id] });
		await setAttendance(w.people.admin, w.consortium.id, meeting.id, AttendanceInput.parse({ organisationId: w.orgs.b.id, status: 'excused' }));
		await expect(
			setAttendance(w.people.member, w.consortium.id, meeting.id, AttendanceInput.parse({ organisationId: w.orgs.b.id, status: 'absent' }))
		).rejects.toBeInstanceOf(Forbidden);
		await startMinutes(w.people.admin, w.consortium.id, meeting.id);
		await writeParagraph(w.people.member, w.consortium.id, meeting.id, ParagraphInput.parse({ agendaItemId: item!.id, text: 'Ordföranden öppnade mötet.' }));
		await expect(
			writeParagraph(w.people.observer, w.consortium.id, meeting.id, ParagraphInput.parse({ agendaItemId: item!.id, text: 'x' }))
		).rejects.toBeInstanceOf(Forbidden);
		expect((await meetingsAttention(w.people.rep3, w.consortium.id)).toAdjust.map((m) => m.id)).toEqual([meeting.id]);
		expect((await meetingsAttention(w.people.representative, w.consortium.id)).toAdjust).toHaveLength(0);
		await approveMinutes(w.people.rep3, w.consortium.id, meeting.id);
		expect((await meetingsAttention(w.people.rep3, w.consortium.id)).toAdjust).toHaveLength(0);
		const detail = await meetingDetail(w.people.observer, w.consortium.id, meeting.id);
		if (!detail.internal) throw new Error('internal');
		expect(detail.meeting.adjustedAt).not.toBeNull();
		expect(detail.agenda[0]!.text).toBe('Ordföranden öppnade mötet.');
		expect(detail.attendance.find((a) => a.organisationId === w.orgs.b.id)!.status).toBe('excused');
	});

	it('lets admins change the details and the order of the agenda; date and body stay fixed once the minutes are started', async () => {
		const w = await world();
		const meeting = await createMeeting(w.people.admin, w.consortium.id, meetingInput(w, { agenda: 'Mötets öppnande\nStatusrapport\nÖvriga frågor' }));
		const details = (over: Record<string, unknown> = {}) =>
			MeetingDetailsInput.parse({
				title: 'Styrgruppsmöte december',
				level: 'steering_group',
				date: '2026-12-03',
				startsAt: '09:00',
				endsAt: '',
				place: 'Teams',
				...over
			});
		await expect(editMeeting(w.people.member, w.consortium.id, meeting.id, details())).rejects.toBeInstanceOf(Forbidden);
		await expect(editMeeting(w.people.outsider, w.consortium.id, meeting.id, details())).rejects.toBeInstanceOf(NotFound);
		const edited = await editMeeting(w.people.admin, w.consortium.id, meeting.id, details());
		expect(edited).toMatchObject({ title: 'Styrgruppsmöte december', meetingDate: '2026-12-03', place: 'Teams', endsAt: null });

		const order = async () => (await meetingDetail(w.people.observer, w.consortium.id, meeting.id)).agenda.map((a) => a.title);
		const id = async (title: string) =>
			(await asSystem((tx) => tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meeting.id)))).find((a) => a.title === title)!.id;
		expect(await moveAgendaItem(w.people.admin, w.consortium.id, meeting.id, { agendaItemId: await id('Övriga frågor'), direction: 'up' })).toBe(2);
		expect(await order()).toEqual(['Mötets öppnande', 'Övriga frågor', 'Statusrapport']);
		expect(await moveAgendaItem(w.people.admin, w.consortium.id, meeting.id, { agendaItemId: await id('Mötets öppnande'), direction: 'up' })).toBe(1);
		await expect(
			moveAgendaItem(w.people.member, w.consortium.id, meeting.id, { agendaItemId: await id('Statusrapport'), direction: 'up' })
		).rejects.toBeInstanceOf(Forbidden);
		expect(await order()).toEqual(['Mötets öppnande', 'Övriga frågor', 'Statusrapport']);

		await startMinutes(w.people.admin, w.consortium.id, meeting.id);
		await expect(
			moveAgendaItem(w.people.admin, w.consortium.id, meeting.id, { agendaItemId: await id('Statusrapport'), direction: 'up' })
		).rejects.toMatchObject({
			key: 'meetings_minutes_started'
		});
		await expect(editMeeting(w.people.admin, w.consortium.id, meeting.id, details({ date: '2026-12-04' }))).rejects.toMatchObject({
			key: 'meetings_date_fixed',
			field: 'date'
		});
		await expect(editMeeting(w.people.admin, w.consortium.id, meeting.id, details({ level: 'project_group' }))).rejects.toMatchObject({
			key: 'meetings_date_fixed',
			field: 'level'
		});
		expect(await editMeeting(w.people.admin, w.consortium.id, meeting.id, details({ place: 'Linköpings stadshus, sal 3' }))).toMatchObject({
			place: 'Linköpings stadshus, sal 3'
		});
		const audit = await asSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, meeting.id)));
		expect(audit.filter((a) => a.action === 'meeting.edited')).toHaveLength(2);
		expect(audit.filter((a) => a.action === 'meeting.agenda_item_moved')).toHaveLength(1);
	});

	it('co-writes each paragraph as a document of its own: writers edit, observers read, the supplier nothing; the adjusters approve the words as they are, which then lock', async () => {
		const w = await world();
		const meeting = await started(w);
		const paragraphs = await asSystem((tx) => tx.select().from(meetingParagraphs).where(eq(meetingParagraphs.meetingId, meeting.id)));
		const first = Math.min(...paragraphs.map((p) => p.number));
		const doc = paragraphDocument(meeting.id, first);
		expect(doc).toBe(`meeting/${meeting.id}/p${first}`);
		expect((await resolveAccess(w.people.member, doc))?.level).toBe('edit');
		expect((await resolveAccess(w.people.observer, doc))?.level).toBe('read');
		expect(await resolveAccess(w.people.supplier, doc)).toBeNull();
		expect(await resolveAccess(w.people.outsider, doc)).toBeNull();
		expect(await resolveAccess(w.people.member, paragraphDocument(meeting.id, first + 100))).toBeNull();
		expect(await resolveAccess(w.people.member, `meeting/${meeting.id}/p0`)).toBeNull();
		expect(await resolveAccess(w.people.member, `meeting/${meeting.id}/text`)).toBeNull();

		// Words typed a moment ago, not yet written to the row by the debounce, are what the adjusters approve
		await appendUpdates([{ document: doc, consortiumId: w.consortium.id, update: textToUpdate('Ordföranden öppnade mötet.'), userId: w.people.member.id }]);
		await approveMinutes(w.people.representative, w.consortium.id, meeting.id);
		await approveMinutes(w.people.rep2, w.consortium.id, meeting.id);
		const [row] = await asSystem((tx) =>
			tx
				.select()
				.from(meetingParagraphs)
				.where(and(eq(meetingParagraphs.meetingId, meeting.id), eq(meetingParagraphs.number, first)))
		);
		expect(row!.text).toBe('Ordföranden öppnade mötet.');
		expect((await resolveAccess(w.people.member, doc))?.level).toBe('read');
		// a late debounced write after justering changes nothing
		await asSystem((tx) => documentKind('meeting')!.onDerived!(tx, meeting.id, `p${first}`, { text: 'Smygändring', html: '<p>Smygändring</p>' }));
		const [kept] = await asSystem((tx) =>
			tx
				.select()
				.from(meetingParagraphs)
				.where(and(eq(meetingParagraphs.meetingId, meeting.id), eq(meetingParagraphs.number, first)))
		);
		expect(kept!.text).toBe('Ordföranden öppnade mötet.');
	});

	it('records a closed decision item from the meeting with its §, and exports the minutes as PDF and Word', async () => {
		const w = await world();
		const decision = await createDecisionItem(
			w.people.member,
			w.consortium.id,
			DecisionItemInput.parse({
				title: 'Val av leverantör',
				proposal: 'Styrgruppen väljer leverantör A.',
				level: 'steering_group',
				deadline: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
			})
		);
		await openDecisionItem(w.people.admin, w.consortium.id, decision.id);
		await statePosition(w.people.representative, w.consortium.id, decision.id, PositionInput.parse({ stance: 'for' }));
		await statePosition(w.people.rep2, w.consortium.id, decision.id, PositionInput.parse({ stance: 'for' }));
		await statePosition(w.people.rep3, w.consortium.id, decision.id, PositionInput.parse({ stance: 'against' }));
		const meeting = await createMeeting(w.people.admin, w.consortium.id, meetingInput(w));
		const agendaItem = await addAgendaItem(w.people.admin, w.consortium.id, meeting.id, AgendaItemInput.parse({ decisionItemId: decision.id }));
		expect(agendaItem.title).toBe('Val av leverantör');
		await startMinutes(w.people.admin, w.consortium.id, meeting.id);
		await expect(
			recordFromMeeting(w.people.admin, w.consortium.id, meeting.id, RecordFromMeetingInput.parse({ agendaItemId: agendaItem.id }))
		).rejects.toMatchObject({ key: 'decision_not_closed' });
		await closeDecisionItem(w.people.admin, w.consortium.id, decision.id);
		await registerReservation(w.people.rep3, w.consortium.id, decision.id, 'Vadstena reserverar sig mot valet.');
		await expect(
			recordFromMeeting(w.people.member, w.consortium.id, meeting.id, RecordFromMeetingInput.parse({ agendaItemId: agendaItem.id }))
		).rejects.toBeInstanceOf(Forbidden);
		const entry = await recordFromMeeting(w.people.admin, w.consortium.id, meeting.id, RecordFromMeetingInput.parse({ agendaItemId: agendaItem.id }));
		expect(entry.meetingParagraph).toBe('Styrgruppen 2026-11-12, § 3');
		await setAttendance(
			w.people.admin,
			w.consortium.id,
			meeting.id,
			AttendanceInput.parse({ organisationId: w.orgs.a.id, status: 'present', capacity: 'representative', userId: w.people.representative.id })
		);
		await writeParagraph(
			w.people.admin,
			w.consortium.id,
			meeting.id,
			ParagraphInput.parse({ agendaItemId: agendaItem.id, text: 'Styrgruppen beslutade enligt förslaget.' })
		);
		await approveMinutes(w.people.representative, w.consortium.id, meeting.id);
		await approveMinutes(w.people.rep2, w.consortium.id, meeting.id);

		const doc = await minutesDocument(w.people.member, w.consortium.id, meeting.id);
		const { extractText, getDocumentProxy } = await import('unpdf');
		const pdf = await minutesPdf(doc, 'sv');
		expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
		expect(text).toContain('Protokoll');
		expect(text).toContain('§ 3');
		expect(text).toContain(entry.number);
		expect(text).toContain('Vadstena reserverar sig mot valet.');
		expect(text).toContain('Justerat');
		const docx = await minutesDocx(doc, 'sv');
		const JSZip = (await import('jszip')).default;
		const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
		expect(xml).toContain('§ 3');
		expect(xml).toContain(entry.number);
		expect(xml).toContain('Vadstena reserverar sig mot valet.');
	});
});
