import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, decisionItems, documents, lifecycleActivities, lifecycleActivityDecisions, lifecycles, lifecycleSettings } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { NotFound, StaleWrite } from '../errors';
import { createInitiative } from '../roadmap/commands';
import { InitiativeInput } from '../roadmap/schemas';
import { attentionFor } from '../home/attention';
import { lifecycleTemplate } from '../../lifecycle/template';
import { addActivity, saveDeadlineSettings, setActivityStatus, setKeyDates, startLifecycle, updateActivity } from './commands';
import { lifecycleOf } from './queries';
import { createDocument } from '../documents/commands';
import { DocumentInput } from '../documents/schemas';
import { ActivityInput, ActivityUpdate, DeadlineSettingsInput, KeyDatesInput } from './schemas';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };

/** Finspång (owning) and Kinda (taking part) in an initiative; Motala outside it; the supplier; an outsider in another consortium. */
async function world() {
	const w = await asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const finspang = await buildOrganisation(tx, consortium.id, { name: 'Finspång' });
		const kinda = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const motala = await buildOrganisation(tx, consortium.id, { name: 'Motala' });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const otherOrg = await buildOrganisation(tx, other.id, { name: 'Ydre' });
		const people = {} as Record<Role | 'outsider' | 'kindaMember' | 'motalaMember', Who>;
		const add = async (key: keyof typeof people, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		for (const role of ['representative', 'member', 'observer'] as const) await add(role, finspang.id, role);
		await add('kindaMember', kinda.id, 'member');
		await add('motalaMember', motala.id, 'member');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', otherOrg.id, 'admin', other.id);
		const [item] = await tx
			.insert(decisionItems)
			.values({ consortiumId: consortium.id, title: 'Budget för nattillsyn', proposal: 'Att anta budgeten', level: 'steering_group' })
			.returning();
		const [foreignItem] = await tx
			.insert(decisionItems)
			.values({ consortiumId: other.id, title: 'Annat', proposal: 'Annat', level: 'steering_group' })
			.returning();
		return { consortium, other, finspang, kinda, motala, people, item: item!, foreignItem: foreignItem! };
	});
	const initiative = await createInitiative(
		w.people.representative,
		w.consortium.id,
		InitiativeInput.parse({
			title: 'Digital nattillsyn',
			ownerOrganisationId: w.finspang.id,
			participantIds: [w.kinda.id],
			phaseModel: 'procurement',
			start: '2026-01-01'
		})
	);
	return { ...w, initiative };
}
type World = Awaited<ReturnType<typeof world>>;

const activitiesOf = (lifecycleId: string) =>
	asSystem((tx) =>
		tx
			.select()
			.from(lifecycleActivities)
			.where(eq(lifecycleActivities.lifecycleId, lifecycleId))
			.orderBy(lifecycleActivities.phase, lifecycleActivities.position)
	);

const update = (a: { id: string; version: number; title: string; status: string }, overrides: Record<string, unknown> = {}) =>
	ActivityUpdate.parse({ activityId: a.id, version: a.version, title: a.title, status: a.status, ...overrides });

async function started(w: World) {
	const lifecycle = await startLifecycle(w.people.member, w.consortium.id, w.initiative.id);
	return { lifecycle, activities: await activitiesOf(lifecycle.id) };
}

describe('starting a lifecycle from the template', () => {
	it('copies the six phases’ activities in the content language, audited, and refuses a second one', async () => {
		const w = await world();
		const { lifecycle, activities } = await started(w);
		expect(activities).toHaveLength(lifecycleTemplate.reduce((n, p) => n + p.activities.length, 0));
		expect(activities.filter((a) => a.phase === 1).map((a) => a.title)).toEqual([
			'Avgränsning',
			'Intressentkartläggning',
			'Intervjuer',
			'Förankring',
			'Budget',
			'Vision',
			'Projektplan'
		]);
		expect(activities.filter((a) => a.phase === 4).map((a) => a.templateKey)).toContain('award_notice');
		expect(activities.filter((a) => a.phase === 6).map((a) => a.title)).toContain('Avtalsförvaltningsmöten');
		expect(activities.every((a) => a.status === 'not_started' && a.ownerId === null)).toBe(true);
		const [entry] = await asSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'lifecycle.started')));
		expect(entry).toMatchObject({ actorId: w.people.member.id, entityType: 'initiative', entityId: w.initiative.id });
		await expect(startLifecycle(w.people.admin, w.consortium.id, w.initiative.id)).rejects.toMatchObject({ key: 'lifecycle_exists', status: 409 });
		const page = await lifecycleOf(w.people.observer, w.consortium.id, w.initiative.id);
		expect(page.lifecycle?.id).toBe(lifecycle.id);
		expect(page.lifecycle?.phases.map((p) => p.name)).toEqual([
			'Projektdirektiv',
			'Kartläggning',
			'Analysera och förbereda',
			'Upphandling',
			'Implementera',
			'Förvalta'
		]);
		expect(page.lifecycle?.phases[0]).toMatchObject({ done: 0, total: 7 });
		expect(page.canEdit).toBe(false);
	});

	it('starts the consortium’s own lifecycle, with no initiative, for any writer', async () => {
		const w = await world();
		await expect(startLifecycle(w.people.observer, w.consortium.id, null)).rejects.toBeInstanceOf(Forbidden);
		const own = await startLifecycle(w.people.motalaMember, w.consortium.id, null);
		expect(own.initiativeId).toBeNull();
		await expect(startLifecycle(w.people.admin, w.consortium.id, null)).rejects.toMatchObject({ key: 'lifecycle_exists' });
		expect((await lifecycleOf(w.people.observer, w.consortium.id, null)).lifecycle?.id).toBe(own.id);
	});
});

describe('who may see and change a lifecycle', () => {
	it('refuses those outside the initiative with a message, the observer too; the supplier and outsiders get 404 and read nothing', async () => {
		const w = await world();
		await expect(startLifecycle(w.people.motalaMember, w.consortium.id, w.initiative.id)).rejects.toMatchObject({ key: 'initiative_not_participant' });
		await expect(startLifecycle(w.people.observer, w.consortium.id, w.initiative.id)).rejects.toBeInstanceOf(Forbidden);
		const { lifecycle, activities } = await started(w);
		const first = activities[0]!;
		await expect(updateActivity(w.people.motalaMember, w.consortium.id, lifecycle.id, update(first, { status: 'done' }))).rejects.toMatchObject({
			key: 'initiative_not_participant'
		});
		for (const who of [w.people.supplier, w.people.outsider]) {
			await expect(lifecycleOf(who, w.consortium.id, w.initiative.id)).rejects.toBeInstanceOf(NotFound);
			await expect(updateActivity(who, w.consortium.id, lifecycle.id, update(first, { status: 'done' }))).rejects.toBeInstanceOf(NotFound);
		}
		// Motala's member reads it (a consortium member), but may not change it.
		expect((await lifecycleOf(w.people.motalaMember, w.consortium.id, w.initiative.id)).canEdit).toBe(false);
		expect((await lifecycleOf(w.people.kindaMember, w.consortium.id, w.initiative.id)).canEdit).toBe(true);
	});

	it('the database itself shows the supplier nothing and refuses writes from those outside the initiative (row-level security)', async () => {
		const w = await world();
		const { lifecycle, activities } = await started(w);
		await saveDeadlineSettings(w.people.admin, w.consortium.id, DeadlineSettingsInput.parse({ ...defaults, warnJuly: '' }));
		const everything = (tx: Parameters<Parameters<typeof withUser>[1]>[0]) =>
			Promise.all([
				tx.select().from(lifecycles),
				tx.select().from(lifecycleActivities),
				tx.select().from(lifecycleActivityDecisions),
				tx.select().from(lifecycleSettings)
			]);
		for (const who of [w.people.supplier, w.people.outsider]) {
			const seen = await withUser(who, everything);
			expect(seen.every((rows) => rows.length === 0)).toBe(true);
		}
		const internal = await withUser(w.people.motalaMember, everything);
		expect(internal[1]).toHaveLength(activities.length);
		// Motala's member can read but the database refuses the change; Kinda's (taking part) may.
		const changed = await withUser(w.people.motalaMember, (tx) =>
			tx.update(lifecycleActivities).set({ status: 'done' }).where(eq(lifecycleActivities.lifecycleId, lifecycle.id)).returning()
		);
		expect(changed).toHaveLength(0);
		await expect(
			withUser(w.people.motalaMember, (tx) =>
				tx.insert(lifecycleActivities).values({ consortiumId: w.consortium.id, lifecycleId: lifecycle.id, phase: 1, position: 99, title: 'Smyg' })
			)
		).rejects.toThrow();
		await expect(
			withUser(w.people.member, (tx) =>
				tx.update(lifecycleSettings).set({ questionDays: 1 }).where(eq(lifecycleSettings.consortiumId, w.consortium.id)).returning()
			)
		).resolves.toHaveLength(0);
		const mine = await withUser(w.people.kindaMember, (tx) =>
			tx.update(lifecycleActivities).set({ note: 'ok' }).where(eq(lifecycleActivities.id, activities[0]!.id)).returning()
		);
		expect(mine).toHaveLength(1);
	});
});

const defaults = {
	questionDays: '6',
	questionPeriodDays: '10',
	minTenderDays: '30',
	standstillElectronicDays: '10',
	standstillOtherDays: '15',
	warnJuly: 'on'
};

describe('editing activities', () => {
	it('refuses malformed input beside its field', () => {
		expect(ActivityInput.safeParse({ phase: '7', title: 'x' }).error?.issues[0]).toMatchObject({ path: ['phase'] });
		expect(ActivityInput.safeParse({ phase: '1', title: '   ' }).error?.issues[0]).toMatchObject({ path: ['title'], message: 'required' });
		expect(ActivityUpdate.safeParse({ activityId: 'x', version: '1', title: 'a', status: 'finished' }).error?.issues.map((i) => i.path[0])).toEqual([
			'activityId',
			'status'
		]);
		expect(KeyDatesInput.safeParse({ version: '1', advertisedOn: '2027-03-01', tenderDeadline: '2027-02-01' }).error?.issues[0]).toMatchObject({
			path: ['tenderDeadline'],
			message: 'before_start'
		});
	});

	it('saves owner, due date, status, decision items and note with before and after in the audit log; a stale version is refused', async () => {
		const w = await world();
		const { lifecycle, activities } = await started(w);
		const budget = activities.find((a) => a.templateKey === 'budget')!;
		const saved = await updateActivity(
			w.people.kindaMember,
			w.consortium.id,
			lifecycle.id,
			update(budget, { ownerId: w.people.kindaMember.id, due: '2026-03-01', status: 'in_progress', decisionItemIds: [w.item.id], note: 'Väntar på nämnden' })
		);
		expect(saved).toMatchObject({ version: 2, ownerId: w.people.kindaMember.id, due: '2026-03-01', status: 'in_progress', note: 'Väntar på nämnden' });
		const [entry] = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.action, 'lifecycle.activity_updated'), eq(auditLog.entityId, w.initiative.id)))
		);
		expect(entry?.before).toMatchObject({ status: 'not_started', decisionItemIds: [] });
		expect(entry?.after).toMatchObject({ status: 'in_progress', decisionItemIds: [w.item.id] });
		// Someone else's form still carries version 1.
		await expect(updateActivity(w.people.member, w.consortium.id, lifecycle.id, update(budget, { status: 'done' }))).rejects.toBeInstanceOf(StaleWrite);
		await expect(
			setActivityStatus(w.people.member, w.consortium.id, lifecycle.id, { activityId: budget.id, version: 1, status: 'done' })
		).rejects.toBeInstanceOf(StaleWrite);
		const done = await setActivityStatus(w.people.member, w.consortium.id, lifecycle.id, { activityId: budget.id, version: 2, status: 'done' });
		expect(done.status).toBe('done');
		const page = await lifecycleOf(w.people.observer, w.consortium.id, w.initiative.id);
		expect(page.lifecycle?.phases[0]).toMatchObject({ done: 1, total: 7 });
		expect(page.lifecycle?.activities.find((a) => a.id === budget.id)?.decisions).toEqual([{ id: w.item.id, title: 'Budget för nattillsyn' }]);
	});

	it('refuses an owner outside the consortium or the supplier, and another consortium’s decision item, writing nothing', async () => {
		const w = await world();
		const { lifecycle, activities } = await started(w);
		const a = activities[0]!;
		for (const ownerId of [w.people.supplier.id, w.people.outsider.id])
			await expect(updateActivity(w.people.member, w.consortium.id, lifecycle.id, update(a, { ownerId }))).rejects.toMatchObject({
				key: 'invalid_choice',
				field: 'ownerId'
			});
		await expect(updateActivity(w.people.member, w.consortium.id, lifecycle.id, update(a, { decisionItemIds: [w.foreignItem.id] }))).rejects.toMatchObject({
			key: 'invalid_choice',
			field: 'decisionItemIds'
		});
		expect((await activitiesOf(lifecycle.id))[0]!.version).toBe(1);
	});

	it('links the procurement document an activity produces, only one of the consortium', async () => {
		const w = await world();
		const { lifecycle, activities } = await started(w);
		const a = activities.find((x) => x.templateKey === 'requirements_criteria')!;
		const own = await createDocument(
			w.people.member,
			w.consortium.id,
			DocumentInput.parse({ kind: 'requirement_specification', language: 'sv', initiativeId: w.initiative.id })
		);
		const foreign = await createDocument(w.people.outsider, w.other.id, DocumentInput.parse({ kind: 'evaluation_model', language: 'sv' }));
		await expect(updateActivity(w.people.member, w.consortium.id, lifecycle.id, update(a, { documentId: foreign.id }))).rejects.toMatchObject({
			key: 'invalid_choice',
			field: 'documentId'
		});
		await updateActivity(w.people.member, w.consortium.id, lifecycle.id, update(a, { documentId: own.id }));
		const shown = await lifecycleOf(w.people.observer, w.consortium.id, w.initiative.id);
		expect(shown.documentChoices.map((d) => d.id)).toEqual([own.id]);
		expect(shown.lifecycle?.activities.find((x) => x.id === a.id)?.document).toEqual({ id: own.id, title: own.title });
		// The document goes: the activity stays, unlinked.
		await asSystem((tx) => tx.delete(documents).where(eq(documents.id, own.id)));
		const after = await lifecycleOf(w.people.observer, w.consortium.id, w.initiative.id);
		expect(after.lifecycle?.activities.find((x) => x.id === a.id)?.document).toBeNull();
	});

	it('adds a custom activity at the end of its phase', async () => {
		const w = await world();
		const { lifecycle } = await started(w);
		const row = await addActivity(
			w.people.member,
			w.consortium.id,
			lifecycle.id,
			ActivityInput.parse({ phase: '3', title: 'Juridisk granskning', due: '2026-05-01' })
		);
		expect(row).toMatchObject({ phase: 3, position: 9, templateKey: null, title: 'Juridisk granskning' });
	});

	it('puts an overdue activity on its owner’s home page, and takes it off once done', async () => {
		const w = await world();
		const { lifecycle, activities } = await started(w);
		const a = activities.find((x) => x.templateKey === 'vision')!;
		await updateActivity(w.people.member, w.consortium.id, lifecycle.id, update(a, { ownerId: w.people.kindaMember.id, due: '2026-01-15' }));
		const home = await attentionFor(w.people.kindaMember, w.consortium.id);
		expect(home?.kind === 'internal' && home.overdueActivities.map((x) => [x.title, x.initiativeId])).toEqual([['Vision', w.initiative.id]]);
		const other = await attentionFor(w.people.member, w.consortium.id);
		expect(other?.kind === 'internal' && other.overdueActivities).toEqual([]);
		await setActivityStatus(w.people.kindaMember, w.consortium.id, lifecycle.id, { activityId: a.id, version: 2, status: 'done' });
		const after = await attentionFor(w.people.kindaMember, w.consortium.id);
		expect(after?.kind === 'internal' && after.overdueActivities).toEqual([]);
	});
});

describe('key dates and deadline settings', () => {
	it('computes the standstill from the award notice with the consortium’s settings, which only an admin changes', async () => {
		const w = await world();
		const { lifecycle } = await started(w);
		await setKeyDates(
			w.people.member,
			w.consortium.id,
			lifecycle.id,
			KeyDatesInput.parse({ version: '1', advertisedOn: '2026-05-04', tenderDeadline: '2026-06-08', awardNoticeOn: '2026-06-09', awardElectronic: 'on' })
		);
		await expect(
			setKeyDates(w.people.member, w.consortium.id, lifecycle.id, KeyDatesInput.parse({ version: '1', awardNoticeOn: '2026-06-10' }))
		).rejects.toBeInstanceOf(StaleWrite);
		let page = await lifecycleOf(w.people.observer, w.consortium.id, w.initiative.id);
		expect(page.lifecycle?.deadlines.find((d) => d.rule === 'standstill')).toEqual({ rule: 'standstill', date: '2026-06-22', days: 10 });
		expect(page.lifecycle?.warnings).toContainEqual({ rule: 'standstill', kind: 'extended_past_day_off', date: '2026-06-19' });
		await expect(saveDeadlineSettings(w.people.representative, w.consortium.id, DeadlineSettingsInput.parse(defaults))).rejects.toBeInstanceOf(Forbidden);
		await expect(saveDeadlineSettings(w.people.supplier, w.consortium.id, DeadlineSettingsInput.parse(defaults))).rejects.toBeInstanceOf(Forbidden);
		await saveDeadlineSettings(w.people.admin, w.consortium.id, DeadlineSettingsInput.parse({ ...defaults, standstillElectronicDays: '12' }));
		page = await lifecycleOf(w.people.observer, w.consortium.id, w.initiative.id);
		expect(page.settings.standstillElectronicDays).toBe(12);
		expect(page.lifecycle?.deadlines.find((d) => d.rule === 'standstill')?.date).toBe('2026-06-22');
		const [entry] = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.action, 'lifecycle.settings_saved'), eq(auditLog.consortiumId, w.consortium.id)))
		);
		expect(entry?.after).toMatchObject({ standstillElectronicDays: 12 });
	});
});
