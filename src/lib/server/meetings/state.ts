import { and, eq } from 'drizzle-orm';
import { advisoryLock } from '../db/locks';
import type { Transaction } from '../db/client';
import { meetingAdjusters, meetings } from '../db/schema';
import { NotFound } from '../errors';
import type { Actor, MeetingResource } from '../policy';

export type MeetingRow = typeof meetings.$inferSelect;

/**
 * The meeting, with a transaction-scoped advisory lock on it (the justering trigger takes the same
 * one): what changes its minutes queues, so two approvals at once, or two starts, do not race.
 * Advisory, because an adjuster who approves may not lock the meeting's row.
 */
export async function lockMeeting(tx: Transaction, consortiumId: string, id: string): Promise<MeetingRow> {
	await advisoryLock(tx, `meeting:${id}`);
	const [row] = await tx
		.select()
		.from(meetings)
		.where(and(eq(meetings.id, id), eq(meetings.consortiumId, consortiumId)));
	if (!row) throw new NotFound();
	return row;
}

/** The meeting as the policy decides on it, for this actor. */
export async function meetingResource(tx: Transaction, actor: Actor, meeting: MeetingRow): Promise<MeetingResource> {
	const [own] = await tx
		.select({ approvedAt: meetingAdjusters.approvedAt })
		.from(meetingAdjusters)
		.where(and(eq(meetingAdjusters.meetingId, meeting.id), eq(meetingAdjusters.userId, actor.id)));
	return {
		consortiumId: meeting.consortiumId,
		minutesStarted: meeting.minutesStartedAt !== null,
		adjusted: meeting.adjustedAt !== null,
		adjuster: own ? { approved: own.approvedAt !== null } : null
	};
}

/** "Styrgruppen 2026-11-12, § 4": how the decision log names the paragraph a decision was taken in. */
export function paragraphReference(levelName: string, date: string, number: number): string {
	return `${levelName} ${date}, § ${number}`;
}
