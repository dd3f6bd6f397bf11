import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { questionDrafts, questionNotes, questions } from '../db/schema';
import { addQuestionNote, approveAnswer, askQuestion, saveDraftAnswer } from './commands';
import { AskQuestionInput, DraftAnswerInput } from './schemas';
import { questionsWorld } from './testing';

useFreshDatabase();

async function world() {
	const w = await questionsWorld();
	const ask = (title: string) => askQuestion(w.people.supplier, w.consortium.id, AskQuestionInput.parse({ title, body: 'Hur fungerar det?' }));
	const answered = await ask('Besvarad');
	const open = await ask('Obesvarad');
	for (const q of [answered, open]) {
		await addQuestionNote(w.people.member, w.consortium.id, q.id, { body: 'INTERNT' });
		await saveDraftAnswer(w.people.member, w.consortium.id, q.id, DraftAnswerInput.parse({ body: 'UTKAST', version: '0' }));
	}
	await approveAnswer(w.people.admin, w.consortium.id, answered.id, { version: 1 });
	const foreign = await askQuestion(w.people.otherSupplier, w.other.id, AskQuestionInput.parse({ title: 'Annat konsortium', body: 'x' }));
	return { ...w, answered, open, foreign };
}

const everything = (tx: Parameters<Parameters<typeof withUser>[1]>[0]) =>
	Promise.all([tx.select().from(questions), tx.select().from(questionDrafts), tx.select().from(questionNotes)]).then(([q, drafts, notes]) => ({
		questions: q,
		drafts,
		notes
	}));

describe('row-level security on questions: what each role can reach with SQL of its own', () => {
	it('shows the supplier its own consortium’s questions and the approved answer, never a note or a draft', async () => {
		const w = await world();
		const seen = await withUser(w.people.supplier, everything);
		expect(seen.questions.map((q) => q.title).sort()).toEqual(['Besvarad', 'Obesvarad']);
		expect(seen.questions.find((q) => q.id === w.open.id)!.answer).toBeNull();
		expect(seen.questions.find((q) => q.id === w.answered.id)!.answer).toBe('UTKAST');
		expect(seen.drafts).toEqual([]);
		expect(seen.notes).toEqual([]);
		const other = await withUser(w.people.otherSupplier, everything);
		expect(other.questions.map((q) => q.id)).toEqual([w.foreign.id]);
		const outsider = await withUser(w.people.outsider, everything);
		expect(outsider.questions.map((q) => q.id)).toEqual([w.foreign.id]);
		expect([outsider.drafts, outsider.notes]).toEqual([[], []]);
		const internal = await withUser(w.people.observer, everything);
		expect([internal.questions.length, internal.drafts.length, internal.notes.length]).toEqual([2, 2, 2]);
	});

	it('refuses the supplier every internal write and an answer of its own', async () => {
		const w = await world();
		const s = w.people.supplier;
		await expect(
			withUser(s, (tx) => tx.insert(questionNotes).values({ consortiumId: w.consortium.id, questionId: w.open.id, authorId: s.id, body: 'x' }))
		).rejects.toThrow();
		await expect(
			withUser(s, (tx) => tx.insert(questionDrafts).values({ consortiumId: w.consortium.id, questionId: w.open.id, writtenBy: s.id, body: 'x' }))
		).rejects.toThrow();
		const answered = await withUser(s, (tx) =>
			tx
				.update(questions)
				.set({ status: 'answered', answer: 'Självsvar', answeredAt: new Date(), answeredBy: s.id })
				.where(eq(questions.id, w.open.id))
				.returning()
		);
		expect(answered).toEqual([]);
		// Asking in its own name only, and never as answered.
		const row = { consortiumId: w.consortium.id, number: 99, title: 'x', body: 'x', organisationId: w.supplierOrg.id, dueAt: new Date() };
		await expect(withUser(s, (tx) => tx.insert(questions).values({ ...row, askedBy: w.people.admin.id }))).rejects.toThrow();
		await expect(
			withUser(s, (tx) => tx.insert(questions).values({ ...row, askedBy: s.id, status: 'answered', answer: 'x', answeredAt: new Date() }))
		).rejects.toThrow();
		// Internal members do not ask in the supplier's name.
		await expect(withUser(w.people.member, (tx) => tx.insert(questions).values({ ...row, askedBy: w.people.member.id }))).rejects.toThrow();
	});

	it('lets only whoever speaks to the supplier send an answer, once, and writers note only in their own name', async () => {
		const w = await world();
		const send = (who: { id: string; isOperator: boolean }, id: string) =>
			withUser(who, (tx) =>
				tx.update(questions).set({ status: 'answered', answer: 'Svar', answeredAt: new Date(), answeredBy: who.id }).where(eq(questions.id, id)).returning()
			);
		for (const who of [w.people.member, w.people.representative, w.people.observer]) expect(await send(who, w.open.id)).toEqual([]);
		// Answered once: not even an admin changes it, and the server's own role is refused by the trigger.
		expect(await send(w.people.admin, w.answered.id)).toEqual([]);
		await expect(asSystem((tx) => tx.update(questions).set({ answer: 'Ändrat' }).where(eq(questions.id, w.answered.id)))).rejects.toThrow();
		await expect(asSystem((tx) => tx.update(questions).set({ title: 'Ändrad' }).where(eq(questions.id, w.open.id)))).rejects.toThrow();
		expect(await send(w.people.admin, w.open.id)).toHaveLength(1);
		await expect(
			withUser(w.people.member, (tx) =>
				tx.insert(questionNotes).values({ consortiumId: w.consortium.id, questionId: w.open.id, authorId: w.people.admin.id, body: 'x' })
			)
		).rejects.toThrow();
		await expect(
			withUser(w.people.observer, (tx) =>
				tx.insert(questionNotes).values({ consortiumId: w.consortium.id, questionId: w.open.id, authorId: w.people.observer.id, body: 'x' })
			)
		).rejects.toThrow();
		// A draft of an answered question stays as it was.
		const changed = await withUser(w.people.member, (tx) =>
			tx.update(questionDrafts).set({ body: 'Nytt' }).where(eq(questionDrafts.questionId, w.answered.id)).returning()
		);
		expect(changed).toEqual([]);
		await expect(withUser(w.people.admin, (tx) => tx.delete(questionNotes).where(eq(questionNotes.questionId, w.open.id)))).rejects.toThrow();
	});
});
