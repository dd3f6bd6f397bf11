import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, meetings, users } from '../db/schema';
import { meetingDetail, meetingsAttention } from '../meetings/queries';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the Östergötland demo meetings', () => {
	it('holds the steering group’s justerade October minutes (§ 1–5, § 3–5 the recorded decisions, 13 municipalities’ attendance) and an upcoming project-group meeting; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { consortium, rows, person } = await asSystem(async (tx) => {
			const [c] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const ids = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
			return {
				consortium: c!,
				rows: await tx.select().from(meetings).where(eq(meetings.consortiumId, c!.id)),
				person: (email: string) => ({ id: ids.get(email)!, isOperator: false })
			};
		});
		expect(rows).toHaveLength(2);
		const october = rows.find((r) => r.meetingDate === '2026-10-15')!;
		expect(october.adjustedAt).not.toBeNull();
		const detail = await meetingDetail(person('admin@samsyn.demo'), consortium.id, october.id);
		if (!detail.internal) throw new Error('internal');
		expect(detail.agenda.map((a) => a.paragraph)).toEqual([1, 2, 3, 4, 5]);
		expect(detail.agenda.slice(0, 2).map((a) => a.title)).toEqual(['Mötets öppnande', 'Statusrapport']);
		expect(detail.agenda.slice(2).map((a) => a.decisionParagraph)).toEqual([3, 4, 5].map((n) => `Styrgruppen 2026-10-15, § ${n}`));
		expect(detail.attendance).toHaveLength(13);
		expect(detail.attendance.filter((a) => a.status === 'present')).toHaveLength(7);
		expect(detail.attendance.every((a) => a.status !== null)).toBe(true);
		expect(detail.adjusters.every((a) => a.approvedAt)).toBe(true);
		const upcoming = rows.find((r) => r.level === 'project_group')!;
		expect(upcoming.minutesStartedAt).toBeNull();
		const attention = await meetingsAttention(person('ombud.kinda@samsyn.demo'), consortium.id);
		expect(attention.upcoming.map((m) => m.id)).toEqual([upcoming.id]);
	});
});
