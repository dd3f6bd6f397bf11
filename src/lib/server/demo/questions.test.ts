import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, questions, users } from '../db/schema';
import { listQuestions, questionDetail } from '../questions/queries';
import { attentionFor } from '../home/attention';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the Östergötland demo questions', () => {
	it('holds two questions from the supplier, one answered within target and one overdue; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { consortium, person } = await asSystem(async (tx) => {
			const [c] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const byEmail = async (email: string) => ({ id: (await tx.select().from(users).where(eq(users.email, email)))[0]!.id, isOperator: false });
			return { consortium: c!, person: { supplier: await byEmail('leverantor@samsyn.demo'), admin: await byEmail('admin@samsyn.demo') } };
		});
		const list = await listQuestions(person.admin, consortium.id);
		expect(list.counts).toEqual({ open: 0, overdue: 1, answered: 1 });
		const rows = await asSystem((tx) => tx.select().from(questions).where(eq(questions.consortiumId, consortium.id)));
		const answered = rows.find((q) => q.status === 'answered')!;
		expect(answered.answeredAt!.getTime()).toBeLessThanOrEqual(answered.dueAt.getTime());
		const overdue = rows.find((q) => q.status === 'open')!;
		const internal = await questionDetail(person.admin, consortium.id, overdue.id);
		expect(internal.internal?.notes).toHaveLength(1);
		expect(internal.internal?.can.approve).toBe(true);
		const attention = await attentionFor(person.admin, consortium.id);
		expect(attention?.kind === 'internal' && attention.overdueQuestions.map((q) => q.label)).toEqual([`F-${overdue.number}`]);
		const supplier = await listQuestions(person.supplier, consortium.id);
		expect(supplier.questions).toHaveLength(2);
		expect((await questionDetail(person.supplier, consortium.id, answered.id)).question.answer).toMatch(/gemensam larmcentral/);
	});
});
