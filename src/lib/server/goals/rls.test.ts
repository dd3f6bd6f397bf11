import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { withUser } from '../db/request';
import { effectGoalLinks, effectGoalMeasurements, effectGoalOrganisations, effectGoals } from '../db/schema';
import { createGoal, recordMeasurement, setGoalLinks } from './commands';
import { GoalInput, GoalLinksInput, MeasurementInput } from './schemas';
import { goalForm, goalsWorld } from './testing';

useFreshDatabase();

async function world() {
	const w = await goalsWorld();
	const goal = await createGoal(w.people.member, w.consortium.id, GoalInput.parse(goalForm({ organisationIds: [w.kinda.id] })));
	await setGoalLinks(w.people.member, w.consortium.id, goal.id, GoalLinksInput.parse({ version: '1', requirementIds: [w.requirement.id] }));
	const kinda = await recordMeasurement(
		w.people.member,
		w.consortium.id,
		goal.id,
		MeasurementInput.parse({ organisationId: w.kinda.id, value: '40', measuredOn: '2026-03-01' })
	);
	return { ...w, goal, kinda };
}

const everything = (tx: Parameters<Parameters<typeof withUser>[1]>[0]) =>
	Promise.all([
		tx.select().from(effectGoals),
		tx.select().from(effectGoalMeasurements),
		tx.select().from(effectGoalLinks),
		tx.select().from(effectGoalOrganisations)
	]).then(([goals, measurements, links, organisations]) => ({ goals, measurements, links, organisations }));

describe('row-level security on effect goals: what each role can reach with SQL of its own', () => {
	it('shows the supplier and someone of another consortium no row at all; an observer every row', async () => {
		const w = await world();
		for (const who of [w.people.supplier, w.people.outsider]) {
			const seen = await withUser(who, everything);
			expect(Object.values(seen).map((rows) => rows.length)).toEqual([0, 0, 0, 0]);
		}
		const internal = await withUser(w.people.observer, everything);
		expect(Object.values(internal).map((rows) => rows.length)).toEqual([1, 1, 1, 1]);
	});

	it('refuses the supplier and an observer every write, and Ydre’s representative a measurement for Kinda', async () => {
		const w = await world();
		const measurement = (who: { id: string }, organisationId: string | null) => ({
			consortiumId: w.consortium.id,
			goalId: w.goal.id,
			organisationId,
			value: 1,
			measuredOn: '2026-04-01',
			recordedBy: who.id
		});
		for (const who of [w.people.supplier, w.people.observer]) {
			await expect(withUser(who, (tx) => tx.insert(effectGoals).values({ ...goalRow(w.consortium.id), createdBy: who.id }))).rejects.toThrow();
			await expect(withUser(who, (tx) => tx.insert(effectGoalMeasurements).values(measurement(who, null)))).rejects.toThrow();
			expect(await withUser(who, (tx) => tx.update(effectGoals).set({ title: 'Ändrad' }).where(eq(effectGoals.id, w.goal.id)).returning())).toEqual([]);
			expect(await withUser(who, (tx) => tx.delete(effectGoalMeasurements).returning())).toEqual([]);
			expect(await withUser(who, (tx) => tx.delete(effectGoalLinks).returning())).toEqual([]);
		}
		await expect(withUser(w.people.ydre, (tx) => tx.insert(effectGoalMeasurements).values(measurement(w.people.ydre, w.kinda.id)))).rejects.toThrow();
		// Its own municipality and the whole consortium it may; someone else's measurement it may not change.
		await withUser(w.people.ydre, (tx) => tx.insert(effectGoalMeasurements).values([measurement(w.people.ydre, w.ydre.id), measurement(w.people.ydre, null)]));
		expect(
			await withUser(w.people.ydre, (tx) => tx.update(effectGoalMeasurements).set({ value: 2 }).where(eq(effectGoalMeasurements.id, w.kinda.id)).returning())
		).toEqual([]);
		expect(await withUser(w.people.ydre, (tx) => tx.delete(effectGoalMeasurements).where(eq(effectGoalMeasurements.id, w.kinda.id)).returning())).toEqual([]);
		// An admin corrects anyone's; nobody moves a measurement to another goal or municipality.
		expect(
			await withUser(w.people.admin, (tx) => tx.update(effectGoalMeasurements).set({ value: 3 }).where(eq(effectGoalMeasurements.id, w.kinda.id)).returning())
		).toHaveLength(1);
		await expect(
			withUser(w.people.admin, (tx) => tx.update(effectGoalMeasurements).set({ organisationId: w.ydre.id }).where(eq(effectGoalMeasurements.id, w.kinda.id)))
		).rejects.toThrow();
		// Nobody removes a goal with SQL of their own.
		expect(await withUser(w.people.admin, (tx) => tx.delete(effectGoals).returning()).catch(() => [])).toEqual([]);
	});
});

const goalRow = (consortiumId: string) => ({
	consortiumId,
	category: 'Effektiviseringar',
	title: 'Eget mål',
	indicator: 'Antal',
	baselineValue: 1,
	baselineOn: '2026-01-01',
	targetValue: 2,
	targetOn: '2027-01-01'
});
