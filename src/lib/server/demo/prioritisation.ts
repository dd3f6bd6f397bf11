import { asc, count, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { priorityRoundItems, priorityRounds, userStories } from '../db/schema';
import { buildStory, organisationNamed, userIdByEmail } from './factories';
import { representativeEmail } from './data';
import { closeRoundIn, createRoundIn, openRoundIn, saveSubmissionIn } from '../prioritisation/commands';
import { SubmissionInput } from '../prioritisation/schemas';
import { endOfDayInStockholm } from '../../decisions/deadline';

/** More stories, so that the closed round ranks twelve. */
const moreStories = [
	{ role: 'anhörig', goal: 'få veta när tillsynen under natten är gjord', purpose: 'kunna sova lugnt själv' },
	{ role: 'nattpersonal i hemtjänsten', goal: 'se alla larm på en karta i mobilen', purpose: 'välja närmaste väg till brukaren' },
	{ role: 'brukare med läkemedelsautomat', goal: 'kunna pausa automaten när jag reser bort', purpose: 'slippa larm när jag inte är hemma' },
	{ role: 'systemförvaltare i kommunen', goal: 'exportera loggar till kommunens arkiv', purpose: 'uppfylla kraven på bevarande' },
	{ role: 'brukare som har nattillsyn', goal: 'själv kunna välja vilka nätter kameran används', purpose: 'behålla kontrollen över min integritet' }
];

const organisationsInOrder = ['Linköping', 'Norrköping', 'Kinda', 'Finspång', 'Mjölby', 'Vadstena', 'Ydre'];

/**
 * Each organisation's ranking as positions in the consortium's common view (0 = the story most put
 * first): broadly agreed, with neighbours swapped here and there, and three stories the members
 * really disagree on: #2 (Linköping and Norrköping first, the small municipalities near last), #6
 * (Vadstena and Ydre first, the rest low) and #9 (scattered from second to last).
 */
const orders: Record<string, number[]> = {
	Linköping: [2, 0, 1, 3, 4, 5, 7, 8, 10, 9, 11, 6],
	Norrköping: [0, 2, 1, 3, 5, 4, 7, 8, 9, 10, 6, 11],
	Kinda: [0, 1, 3, 9, 4, 5, 7, 8, 10, 11, 2, 6],
	Finspång: [1, 0, 3, 4, 6, 5, 8, 7, 10, 11, 9, 2],
	Mjölby: [0, 1, 3, 4, 5, 7, 9, 8, 2, 10, 6, 11],
	Vadstena: [6, 0, 1, 3, 4, 5, 8, 7, 10, 11, 2, 9],
	Ydre: [6, 1, 0, 9, 3, 4, 5, 7, 8, 10, 11, 2]
};

/** MoSCoW from an organisation's rank of twelve: three Måste, four Bör, three Kan, two Inte nu. */
const moscowOf = (rank: number) => (rank <= 3 ? 'must' : rank <= 7 ? 'should' : rank <= 10 ? 'could' : 'wont');

/**
 * The demo's priority rounds in Östergötland: a closed round where the seven represented
 * municipalities ranked twelve user stories (Borda, shown by equal weight) with real disagreement on
 * three of them, and an open round over the first six stories by 100 points where two have submitted.
 * Written through the commands' own steps, so the rows are what the app writes. Idempotent.
 */
export async function ensurePrioritisationDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ n: count() }).from(priorityRounds).where(eq(priorityRounds.consortiumId, consortiumId));
	if ((existing?.n ?? 0) > 0) return;
	const admin = await userIdByEmail(tx, 'admin@samsyn.demo');
	let stories = await tx.select({ id: userStories.id }).from(userStories).where(eq(userStories.consortiumId, consortiumId)).orderBy(asc(userStories.createdAt));
	for (const story of moreStories.slice(0, Math.max(0, 12 - stories.length))) await buildStory(tx, consortiumId, { ...story, kind: 'end_user' });
	stories = await tx.select({ id: userStories.id }).from(userStories).where(eq(userStories.consortiumId, consortiumId)).orderBy(asc(userStories.createdAt));
	const twelve = stories.slice(0, 12).map((s) => ({ kind: 'story' as const, id: s.id }));
	const day = (offset: number) => endOfDayInStockholm(new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10));

	const speaker = async (name: string) => ({
		organisationId: (await organisationNamed(tx, consortiumId, name)).id,
		userId: (await userIdByEmail(tx, representativeEmail(name)))!
	});
	const itemsOf = async (roundId: string) => {
		const rows = await tx
			.select({ id: priorityRoundItems.id })
			.from(priorityRoundItems)
			.where(eq(priorityRoundItems.roundId, roundId))
			.orderBy(asc(priorityRoundItems.position));
		return rows.map((r) => r.id);
	};

	// The closed round: opened with a deadline ahead (submissions are only taken while open).
	const draft = await createRoundIn(
		tx,
		consortiumId,
		admin,
		{
			title: 'Prioritering av användarberättelser inför MVP',
			instructions:
				'Rangordna de tolv användarberättelserna efter hur viktiga de är för er kommun i första leveransen, och ange MoSCoW för var och en. Resultatet är underlag för styrgruppens beslut om MVP.',
			method: 'borda',
			weighting: 'equal',
			deadline: day(7),
			reminderHours: 48
		},
		twelve
	);
	const open = await openRoundIn(tx, draft, admin);
	const items = await itemsOf(open.id);
	for (const name of organisationsInOrder) {
		const who = await speaker(name);
		if (!who.userId) continue;
		const order = orders[name]!.map((position) => items[position]!);
		const form = Object.fromEntries(
			order.flatMap((id, i) => [
				[`rank.${id}`, String(i + 1)],
				[`moscow.${id}`, moscowOf(i + 1)]
			])
		);
		await saveSubmissionIn(tx, open, who.organisationId, who.userId, 'representative', SubmissionInput.parse(form));
	}
	// Its deadline has since passed, and the clock closed it (a closed round never changes again).
	const [due] = await tx
		.update(priorityRounds)
		.set({ deadline: day(-3) })
		.where(eq(priorityRounds.id, open.id))
		.returning();
	await closeRoundIn(tx, due!, null);

	// The open round: six stories by 100 points; Linköping and Kinda have submitted.
	const second = await createRoundIn(
		tx,
		consortiumId,
		admin,
		{
			title: 'Fördelning av utvecklingstid i leverans 2',
			instructions: 'Fördela 100 poäng mellan berättelserna efter hur mycket av leverans 2 ni vill lägga på dem.',
			method: 'points',
			weighting: 'population',
			deadline: day(14),
			reminderHours: 48
		},
		twelve.slice(0, 6)
	);
	const opened = await openRoundIn(tx, second, admin);
	const six = await itemsOf(opened.id);
	const allocations: Record<string, number[]> = { Linköping: [30, 25, 20, 10, 10, 5], Kinda: [10, 40, 30, 10, 5, 5] };
	for (const [name, points] of Object.entries(allocations)) {
		const who = await speaker(name);
		if (!who.userId) continue;
		const form = Object.fromEntries(
			six.flatMap((id, i) => [
				[`points.${id}`, String(points[i])],
				[`moscow.${id}`, points[i]! >= 20 ? 'must' : 'should']
			])
		);
		await saveSubmissionIn(tx, opened, who.organisationId, who.userId, 'representative', SubmissionInput.parse(form));
	}
}
