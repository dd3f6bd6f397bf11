import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { decisions, meetingAgendaItems, meetings, organisations } from '../db/schema';
import { addAgendaItemIn, approveMinutesIn, createMeetingIn, setAttendanceIn, startMinutesIn, writeParagraphIn } from '../meetings/commands';
import { lockMeeting } from '../meetings/state';
import { MeetingInput } from '../meetings/schemas';
import { stockholmDate } from '../../decisions/deadline';
import { userIdByEmail } from './factories';
import { ostergotlandRepresented, representativeEmail } from './data';

const paragraphTexts: Record<number, string> = {
	1: 'Ordföranden öppnade mötet och hälsade alla välkomna. Dagordningen godkändes.',
	2: 'Projektledaren redogjorde för läget: kravspecifikationen är på remiss och tidplanen håller.',
	3: 'Styrgruppen behandlade projektdirektivet.',
	4: 'Styrgruppen behandlade MVP-omfattningen.',
	5: 'Styrgruppen behandlade tidplanen.'
};

/**
 * The demo's meetings in Östergötland: the steering group's meeting on 2026-10-15 (§ 1 Mötets
 * öppnande, § 2 Statusrapport, § 3–5 the three decisions the demo decisions recorded there), with the
 * thirteen municipalities' attendance and minutes justerade by Linköping's and Vadstena's
 * representatives; and an upcoming project-group meeting. Through the commands' own in-transaction
 * steps. Idempotent: nothing when the consortium has meetings. Runs after `ensureDecisionsDemo`.
 */
export async function ensureMeetingsDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ n: count() }).from(meetings).where(eq(meetings.consortiumId, consortiumId));
	if ((existing?.n ?? 0) > 0) return;
	const person = (email: string) => userIdByEmail(tx, email);
	const admin = await person('admin@samsyn.demo');
	const linkoping = await person(representativeEmail('Linköping'));
	const vadstena = await person(representativeEmail('Vadstena'));
	const adjusterIds = [linkoping, vadstena].filter((id): id is string => id !== null);

	const october = await createMeetingIn(
		tx,
		admin,
		consortiumId,
		MeetingInput.parse({
			title: 'Styrgruppens möte oktober',
			level: 'steering_group',
			date: '2026-10-15',
			startsAt: '13:00',
			endsAt: '15:30',
			place: 'Linköpings stadshus, sal Ågatan',
			agenda: ['Mötets öppnande', 'Statusrapport'],
			adjusterIds
		})
	);
	// § 3–5: the decisions recorded at this meeting, in their paragraphs' order.
	const recorded = await tx
		.select({ itemId: decisions.itemId, paragraph: decisions.meetingParagraph })
		.from(decisions)
		.where(and(eq(decisions.consortiumId, consortiumId), sql`${decisions.meetingParagraph} like 'Styrgruppen 2026-10-15, § %'`))
		.orderBy(asc(decisions.meetingParagraph));
	for (const r of recorded) if (r.itemId) await addAgendaItemIn(tx, october, { decisionItemId: r.itemId, municipalitiesOnly: false });

	const municipalities = await tx
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(and(eq(organisations.consortiumId, consortiumId), eq(organisations.kind, 'municipality')))
		.orderBy(asc(organisations.name));
	let others = 0;
	for (const organisation of municipalities) {
		const present = ostergotlandRepresented.includes(organisation.name);
		const userId = present ? await person(representativeEmail(organisation.name)) : null;
		await setAttendanceIn(tx, october, {
			organisationId: organisation.id,
			status: present ? 'present' : others++ % 2 === 0 ? 'excused' : 'absent',
			userId: userId ?? undefined,
			capacity: present ? 'representative' : undefined
		});
	}

	const started = await startMinutesIn(tx, admin, await lockMeeting(tx, consortiumId, october.id));
	const agenda = await tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, october.id)).orderBy(asc(meetingAgendaItems.position));
	for (const [i, item] of agenda.entries()) {
		const text = paragraphTexts[i + 1];
		if (text) await writeParagraphIn(tx, admin, started, { agendaItemId: item.id, text });
	}
	for (const adjuster of adjusterIds) await approveMinutesIn(tx, adjuster, started);

	const inTwoWeeks = stockholmDate(new Date(Date.now() + 14 * 86_400_000));
	await createMeetingIn(
		tx,
		admin,
		consortiumId,
		MeetingInput.parse({
			title: 'Projektgruppens avstämning',
			level: 'project_group',
			date: inTwoWeeks,
			startsAt: '09:00',
			endsAt: '10:30',
			place: 'Teams (länk i kallelsen)',
			agenda: ['Mötets öppnande', 'Remissvar på kravspecifikationen', 'Testplan för läkemedelsautomaten', 'Övriga frågor'],
			adjusterIds: adjusterIds.slice(0, 1)
		})
	);
}
