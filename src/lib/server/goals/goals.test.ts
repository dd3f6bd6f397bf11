import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { auditLog } from '../db/schema';
import { fieldErrors } from '../form-action';
import { CommandError, NotFound, StaleWrite } from '../errors';
import { Forbidden } from '../policy';
import { correctMeasurement, createGoal, recordMeasurement, removeMeasurement, setGoalLinks, updateGoal } from './commands';
import { benefitsView, goalPage, goalsServedBy, listGoals } from './queries';
import { attentionFor } from '../home/attention';
import { GoalInput, GoalLinksInput, GoalUpdate, MeasurementInput, MeasurementUpdate } from './schemas';
import { goalForm, goalsWorld } from './testing';

useFreshDatabase();

const errorsOf = (schema: typeof GoalInput | typeof MeasurementInput, input: Record<string, unknown>) => {
	const parsed = schema.safeParse(input);
	const errors = parsed.success ? {} : fieldErrors(parsed.error, schema, input);
	return Object.fromEntries(Object.entries(errors).map(([field, e]) => [field, e.key]));
};

describe('effect goals: who may do what', () => {
	it('answers someone outside the consortium and the supplier like a missing thing, and refuses an observer a write', async () => {
		const w = await goalsWorld();
		const goal = await createGoal(w.people.member, w.consortium.id, GoalInput.parse(goalForm()));
		for (const who of [w.people.outsider, w.people.supplier]) {
			await expect(listGoals(who, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
			await expect(goalPage(who, w.consortium.id, goal.id, 'sv')).rejects.toBeInstanceOf(NotFound);
			await expect(benefitsView(who, w.consortium.id, undefined)).rejects.toBeInstanceOf(NotFound);
			await expect(goalsServedBy(who, w.consortium.id, w.requirement.id)).rejects.toBeInstanceOf(NotFound);
			await expect(createGoal(who, w.consortium.id, GoalInput.parse(goalForm()))).rejects.toThrow();
			await expect(recordMeasurement(who, w.consortium.id, goal.id, MeasurementInput.parse({ value: '40', measuredOn: '2026-06-01' }))).rejects.toThrow();
		}
		await expect(createGoal(w.people.observer, w.consortium.id, GoalInput.parse(goalForm()))).rejects.toBeInstanceOf(Forbidden);
		await expect(
			recordMeasurement(w.people.observer, w.consortium.id, goal.id, MeasurementInput.parse({ value: '40', measuredOn: '2026-06-01' }))
		).rejects.toBeInstanceOf(Forbidden);
		// Another consortium's goal is not found from this one.
		await expect(goalPage(w.people.outsider, w.other.id, goal.id, 'sv')).rejects.toBeInstanceOf(NotFound);
	});

	it('lets a municipality’s writers record only for it (or the whole consortium), an admin for any; the recorder or an admin corrects and removes', async () => {
		const w = await goalsWorld();
		const goal = await createGoal(w.people.member, w.consortium.id, GoalInput.parse(goalForm({ organisationIds: [w.kinda.id, w.ydre.id] })));
		const m = (organisationId: string | undefined, value = '40') =>
			MeasurementInput.parse({ organisationId: organisationId ?? '', value, measuredOn: '2026-06-01', source: 'Rapport' });
		const kinda = await recordMeasurement(w.people.member, w.consortium.id, goal.id, m(w.kinda.id));
		await expect(recordMeasurement(w.people.member, w.consortium.id, goal.id, m(w.ydre.id))).rejects.toMatchObject({
			key: 'goals_measurement_not_own_organisation'
		});
		const whole = await recordMeasurement(w.people.deputy, w.consortium.id, goal.id, m(undefined));
		await recordMeasurement(w.people.admin, w.consortium.id, goal.id, m(w.ydre.id));
		// A measurement for an organisation that is not a municipality of the consortium is refused.
		await expect(recordMeasurement(w.people.admin, w.consortium.id, goal.id, m(w.convenor.id))).rejects.toMatchObject({ key: 'invalid_choice' });
		// Only the recorder or an admin corrects; a stale version is refused.
		const fix = (id: string, version: number, value: string) =>
			MeasurementUpdate.parse({ measurementId: id, version, value, measuredOn: '2026-06-02', source: 'Rättad' });
		await expect(correctMeasurement(w.people.ydre, w.consortium.id, goal.id, fix(kinda.id, 1, '38'))).rejects.toMatchObject({
			key: 'goals_measurement_not_yours'
		});
		const corrected = await correctMeasurement(w.people.member, w.consortium.id, goal.id, fix(kinda.id, 1, '38'));
		expect(corrected).toMatchObject({ value: 38, measuredOn: '2026-06-02', version: 2 });
		await expect(correctMeasurement(w.people.admin, w.consortium.id, goal.id, fix(kinda.id, 1, '37'))).rejects.toBeInstanceOf(StaleWrite);
		await expect(removeMeasurement(w.people.member, w.consortium.id, goal.id, whole.id)).rejects.toBeInstanceOf(Forbidden);
		await removeMeasurement(w.people.admin, w.consortium.id, goal.id, whole.id);
		const page = await goalPage(w.people.observer, w.consortium.id, goal.id, 'sv');
		expect(page.measurements.map((x) => [x.organisationName, x.value])).toEqual([
			['Ydre', 40],
			['Kinda', 38]
		]);
		expect(page.measurements.every((x) => !x.can.change)).toBe(true);
		// Every write is in the audit log, on the goal.
		const actions = await asSystem((tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, goal.id)));
		expect(actions.map((a) => a.action).sort()).toEqual([
			'effect_goal.created',
			'effect_goal.measurement_corrected',
			'effect_goal.measurement_recorded',
			'effect_goal.measurement_recorded',
			'effect_goal.measurement_recorded',
			'effect_goal.measurement_removed'
		]);
	});
});

describe('effect goals: bad input is a message, never a failed statement', () => {
	it('names a missing date, a value that is not a number and a target date before the baseline', () => {
		expect(errorsOf(MeasurementInput, { value: '12,5', measuredOn: '' })).toEqual({ measuredOn: 'required' });
		expect(errorsOf(MeasurementInput, { value: 'tolv', measuredOn: '2026-05-01' })).toEqual({ value: 'not_a_number' });
		expect(errorsOf(MeasurementInput, { value: '', measuredOn: '2026-05-01' })).toEqual({ value: 'required' });
		expect(errorsOf(MeasurementInput, { value: '1e400', measuredOn: '2026-05-01' }).value).toBe('not_a_number');
		expect(errorsOf(MeasurementInput, { value: '5', measuredOn: '2026-02-30' }).measuredOn).toBe('date_invalid');
		expect(errorsOf(GoalInput, goalForm({ targetOn: '2025-12-31' }))).toEqual({ targetOn: 'goals_target_before_baseline' });
		expect(errorsOf(GoalInput, goalForm({ targetOn: '2026-01-01' }))).toEqual({ targetOn: 'goals_target_before_baseline' });
		expect(errorsOf(GoalInput, goalForm({ targetValue: '42,0' }))).toEqual({ targetValue: 'goals_target_equals_baseline' });
		expect(errorsOf(GoalInput, goalForm({ baselineValue: '1 234,5' }))).toEqual({});
		expect(MeasurementInput.parse({ value: ' 1 234,5 ', measuredOn: '2026-05-01' }).value).toBe(1234.5);
		expect(MeasurementInput.parse({ value: '-3.25', measuredOn: '2026-05-01' }).value).toBe(-3.25);
	});

	it('refuses another consortium’s initiative and a non-municipality as the expecting organisation', async () => {
		const w = await goalsWorld();
		await expect(createGoal(w.people.member, w.consortium.id, GoalInput.parse(goalForm({ initiativeId: w.foreignInitiative.id })))).rejects.toMatchObject({
			key: 'invalid_choice',
			field: 'initiativeId'
		});
		await expect(createGoal(w.people.member, w.consortium.id, GoalInput.parse(goalForm({ organisationIds: [w.convenor.id] })))).rejects.toBeInstanceOf(
			CommandError
		);
	});
});

describe('effect goals: the chain, the benefit view and the requirement’s goals', () => {
	it('links initiatives, stories and requirements; shows the chain, the standing per municipality and the chart; the requirement shows its goals', async () => {
		const w = await goalsWorld();
		const goal = await createGoal(
			w.people.representative,
			w.consortium.id,
			GoalInput.parse(goalForm({ title: 'Färre nattliga besök', initiativeId: w.initiative.id, organisationIds: [w.kinda.id] }))
		);
		const saved = await updateGoal(
			w.people.member,
			w.consortium.id,
			goal.id,
			GoalUpdate.parse({ ...goalForm({ title: 'Färre fysiska besök nattetid', organisationIds: [w.kinda.id, w.ydre.id] }), version: '1' })
		);
		await expect(updateGoal(w.people.member, w.consortium.id, goal.id, GoalUpdate.parse({ ...goalForm(), version: '1' }))).rejects.toBeInstanceOf(StaleWrite);
		await setGoalLinks(
			w.people.member,
			w.consortium.id,
			goal.id,
			GoalLinksInput.parse({ version: String(saved.version), requirementIds: [w.requirement.id], storyIds: [w.story.id], initiativeIds: [w.initiative.id] })
		);
		// Baseline 42 → target 28 (lower is better), 2026-01-01 → 2027-12-31.
		await recordMeasurement(
			w.people.representative,
			w.consortium.id,
			goal.id,
			MeasurementInput.parse({ organisationId: w.kinda.id, value: '30', measuredOn: '2026-07-01' })
		);
		await recordMeasurement(
			w.people.ydre,
			w.consortium.id,
			goal.id,
			MeasurementInput.parse({ organisationId: w.ydre.id, value: '44', measuredOn: '2026-07-01' })
		);
		const page = await goalPage(w.people.observer, w.consortium.id, goal.id, 'sv');
		expect(page.goal.title).toBe('Färre fysiska besök nattetid');
		expect(page.chain.initiatives.map((i) => i.title)).toEqual(['Nattlig tillsyn']);
		expect(page.chain.stories).toHaveLength(1);
		expect(page.chain.requirements.map((r) => r.title)).toEqual(['Digital tillsyn nattetid']);
		expect(page.municipalities.map((o) => o.name)).toEqual(['Kinda', 'Ydre']);
		expect(page.standings.map((s) => [s.name, s.standing])).toEqual([
			[null, 'not_measured'],
			['Kinda', 'on_track'],
			['Ydre', 'behind']
		]);
		expect(page.chart?.svg).toContain('<svg');
		expect(page.chart?.columns).toEqual(['Datum', 'Baslinje', 'Kinda', 'Ydre']);
		expect(page.chart?.rows).toHaveLength(2);
		expect(page.recordFor).toEqual({ consortium: false, organisations: [] });

		const forKinda = await benefitsView(w.people.member, w.consortium.id, undefined);
		expect(forKinda.selected).toBe(w.kinda.id);
		expect(forKinda.rows.map((r) => [r.title, r.latest?.value, r.standing])).toEqual([['Färre fysiska besök nattetid', 30, 'on_track']]);
		const forYdre = await benefitsView(w.people.member, w.consortium.id, w.ydre.id);
		expect(forYdre.totals).toEqual({ achieved: 0, onTrack: 0, behind: 1, notMeasured: 0 });
		const whole = await benefitsView(w.people.admin, w.consortium.id, undefined);
		expect(whole.selected).toBe('all');
		expect(whole.rows[0]?.standing).toBe('not_measured');
		await expect(benefitsView(w.people.member, w.consortium.id, w.convenor.id)).rejects.toBeInstanceOf(NotFound);

		expect((await goalsServedBy(w.people.observer, w.consortium.id, w.requirement.id)).map((g) => g.title)).toEqual(['Färre fysiska besök nattetid']);
		const list = await listGoals(w.people.observer, w.consortium.id);
		expect(list.categories.map((c) => [c.name, c.goals.length])).toEqual([['Invånarupplevelse', 1]]);
		expect(list.canWrite).toBe(false);
		// The link change was announced to the requirement's page too.
		const [linked] = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.entityId, goal.id), eq(auditLog.action, 'effect_goal.links_set')))
		);
		expect(linked?.after).toMatchObject({ requirementIds: [w.requirement.id] });
	});
});

describe('effect goals on the home page', () => {
	it('shows writers a goal whose target date passed without a measurement since, until one is recorded', async () => {
		const w = await goalsWorld();
		const goal = await createGoal(
			w.people.member,
			w.consortium.id,
			GoalInput.parse(goalForm({ title: 'Passerat mål', baselineOn: '2024-01-01', targetOn: '2025-01-01' }))
		);
		await createGoal(w.people.member, w.consortium.id, GoalInput.parse(goalForm({ title: 'Framtida mål' })));
		await recordMeasurement(w.people.member, w.consortium.id, goal.id, MeasurementInput.parse({ value: '40', measuredOn: '2024-12-31' }));
		const unmeasured = async (who: { id: string; isOperator: boolean }) => {
			const a = await attentionFor(who, w.consortium.id);
			return a?.kind === 'internal' ? a.unmeasuredGoals.map((g) => g.title) : null;
		};
		expect(await unmeasured(w.people.member)).toEqual(['Passerat mål']);
		expect(await unmeasured(w.people.observer)).toEqual([]);
		await recordMeasurement(w.people.member, w.consortium.id, goal.id, MeasurementInput.parse({ value: '30', measuredOn: '2025-01-01' }));
		expect(await unmeasured(w.people.member)).toEqual([]);
	});
});
