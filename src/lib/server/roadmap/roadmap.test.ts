import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, decisionItems, decisionOptions, initiativeDependencies, initiativePhases, initiatives } from '../db/schema';
import { closeDecisionItem, openDecisionItem, recordDecision, statePosition } from '../decisions/commands';
import { PositionInput, RecordInput } from '../decisions/schemas';
import { buildConsortium, buildMembership, buildNeed, buildOrganisation, buildRequirement, buildUser } from '../demo/factories';
import { createCategoryIn, createTechnologyIn, setStatusIn } from '../portfolio/commands';
import { StatusInput } from '../portfolio/schemas';
import { Forbidden, type Role } from '../policy';
import { CommandError, NotFound, StaleWrite } from '../errors';
import {
	addDependency,
	addGate,
	addLink,
	createInitiative,
	overrideStatus,
	resumeInitiative,
	setPhaseDates,
	shiftInitiative,
	updateInitiative
} from './commands';
import { candidatesPage, initiativePage, roadmap, roadmapPage } from './queries';
import { InitiativeInput, PhaseDatesInput, ResumeInput, ShiftInput, StatusOverrideInput } from './schemas';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };

/** Finspång and Kinda with a person of each role in Finspång, a member of Kinda, the convenor's admin, the supplier, an outsider; the dispenser. */
async function world() {
	return asSystem(async (tx) => {
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
		for (const role of ['representative', 'deputy', 'member', 'observer'] as const) await add(role, finspang.id, role);
		await add('kindaMember', kinda.id, 'member');
		await add('motalaMember', motala.id, 'member');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', otherOrg.id, 'admin', other.id);
		const category = await createCategoryIn(tx, consortium.id, null, 'Läkemedel');
		const dispenser = await createTechnologyIn(tx, consortium.id, null, { categoryId: category.id, name: 'Läkemedelsautomat', description: '', aliases: [] });
		const otherCategory = await createCategoryIn(tx, other.id, null, 'Läkemedel');
		const foreign = await createTechnologyIn(tx, other.id, null, { categoryId: otherCategory.id, name: 'Läkemedelsautomat', description: '', aliases: [] });
		return { consortium, other, finspang, kinda, motala, otherOrg, supplierOrg, people, dispenser, foreign };
	});
}
type World = Awaited<ReturnType<typeof world>>;

const input = (w: World, overrides: Record<string, unknown> = {}) =>
	InitiativeInput.parse({
		title: 'Läkemedelsautomater',
		ownerOrganisationId: w.finspang.id,
		participantIds: [w.kinda.id],
		technologyId: w.dispenser.id,
		phaseModel: 'procurement',
		start: '2027-01-01',
		...overrides
	});

const phasesOf = (id: string) =>
	asSystem((tx) => tx.select().from(initiativePhases).where(eq(initiativePhases.initiativeId, id)).orderBy(initiativePhases.position));

describe('starting an initiative', () => {
	it('lays out the model’s phases one after another from the start, the owner taking part, audited', async () => {
		const w = await world();
		const created = await createInitiative(w.people.representative, w.consortium.id, input(w));
		expect(created.number).toBe(1);
		const phases = await phasesOf(created.id);
		expect(phases.map((p) => p.name)).toEqual(['Projektdirektiv', 'Kartläggning', 'Analysera och förbereda', 'Upphandling', 'Implementera', 'Förvalta']);
		expect(phases[0]).toMatchObject({ plannedStart: '2027-01-01', plannedEnd: '2027-02-28' });
		expect(phases[1]).toMatchObject({ plannedStart: '2027-03-01', plannedEnd: '2027-05-31' });
		const page = await initiativePage(w.people.observer, w.consortium.id, created.id);
		expect(page.initiative.participants.map((p) => p.name)).toEqual(['Finspång', 'Kinda']);
		expect(page.initiative.technology?.name).toBe('Läkemedelsautomat');
		const [entry] = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'initiative.created')))
		);
		expect(entry?.actorId).toBe(w.people.representative.id);
	});

	it('follows KASAM’s seven phases, or a custom list, and numbers initiatives in order', async () => {
		const w = await world();
		await createInitiative(w.people.admin, w.consortium.id, input(w));
		const kasam = await createInitiative(w.people.admin, w.consortium.id, input(w, { phaseModel: 'kasam', title: 'Digitalt stöd' }));
		expect(kasam.number).toBe(2);
		expect((await phasesOf(kasam.id)).map((p) => p.name)).toHaveLength(7);
		const custom = await createInitiative(
			w.people.admin,
			w.consortium.id,
			input(w, { phaseModel: 'custom', customPhases: 'Inventering\n\nPilot\nUtrullning' })
		);
		expect((await phasesOf(custom.id)).map((p) => p.name)).toEqual(['Inventering', 'Pilot', 'Utrullning']);
		expect(InitiativeInput.safeParse({ ...input(w), phaseModel: 'custom', customPhases: '' }).error?.issues[0]).toMatchObject({
			path: ['customPhases'],
			message: 'required'
		});
	});

	it('refuses another consortium’s technology or organisation with a message, writing nothing', async () => {
		const w = await world();
		await expect(createInitiative(w.people.admin, w.consortium.id, input(w, { technologyId: w.foreign.id }))).rejects.toMatchObject({
			key: 'portfolio_unknown_technology',
			field: 'technologyId'
		});
		await expect(createInitiative(w.people.admin, w.consortium.id, input(w, { participantIds: [w.otherOrg.id] }))).rejects.toMatchObject({
			key: 'invalid_choice',
			field: 'participantIds'
		});
		// The supplier takes no part in the consortium's own plans.
		await expect(createInitiative(w.people.admin, w.consortium.id, input(w, { participantIds: [w.supplierOrg.id] }))).rejects.toMatchObject({
			key: 'invalid_choice',
			field: 'participantIds'
		});
		expect(await asSystem((tx) => tx.select().from(initiatives).where(eq(initiatives.consortiumId, w.consortium.id)))).toHaveLength(0);
	});
});

describe('initiatives: who may do what', () => {
	it('a member starts one for their own organisation only; an admin for any; an observer none; the supplier and outsiders get 404', async () => {
		const w = await world();
		await expect(createInitiative(w.people.member, w.consortium.id, input(w, { ownerOrganisationId: w.kinda.id }))).rejects.toMatchObject({
			key: 'initiative_not_participant'
		});
		await expect(createInitiative(w.people.member, w.consortium.id, input(w))).resolves.toMatchObject({ number: 1 });
		await expect(createInitiative(w.people.admin, w.consortium.id, input(w, { ownerOrganisationId: w.kinda.id }))).resolves.toMatchObject({ number: 2 });
		await expect(createInitiative(w.people.observer, w.consortium.id, input(w))).rejects.toBeInstanceOf(Forbidden);
		for (const who of [w.people.supplier, w.people.outsider]) {
			await expect(createInitiative(who, w.consortium.id, input(w))).rejects.toBeInstanceOf(NotFound);
			await expect(roadmap(who, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
		}
	});

	it('those taking part reschedule it; a member of an organisation outside it may read but not change it, nor may the observer', async () => {
		const w = await world();
		const created = await createInitiative(w.people.representative, w.consortium.id, input(w));
		const shift = (version: number) => ShiftInput.parse({ initiativeId: created.id, months: '2', version: String(version) });
		const moved = await shiftInitiative(w.people.kindaMember, w.consortium.id, shift(1));
		expect(moved.version).toBe(2);
		expect((await phasesOf(created.id))[0]).toMatchObject({ plannedStart: '2027-03-01', plannedEnd: '2027-04-30' });
		await expect(shiftInitiative(w.people.motalaMember, w.consortium.id, shift(2))).rejects.toMatchObject({ key: 'initiative_not_participant' });
		await expect(shiftInitiative(w.people.observer, w.consortium.id, shift(2))).rejects.toBeInstanceOf(Forbidden);
		await expect(shiftInitiative(w.people.supplier, w.consortium.id, shift(2))).rejects.toBeInstanceOf(NotFound);
		const page = await initiativePage(w.people.motalaMember, w.consortium.id, created.id);
		expect(page.initiative.canEdit).toBe(false);
		expect((await initiativePage(w.people.kindaMember, w.consortium.id, created.id)).initiative.canEdit).toBe(true);
		// A move on an old version is refused rather than undoing someone else's.
		await expect(shiftInitiative(w.people.admin, w.consortium.id, shift(1))).rejects.toBeInstanceOf(StaleWrite);
		const [entry] = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'initiative.rescheduled')))
		);
		expect(entry?.after).toMatchObject({ months: 2 });
	});

	it('row-level security is no looser: a member of an organisation outside it cannot change its phases even by SQL', async () => {
		const w = await world();
		const created = await createInitiative(w.people.representative, w.consortium.id, input(w));
		const changed = await withUser(w.people.motalaMember, (tx) =>
			tx.update(initiativePhases).set({ plannedStart: '2030-01-01', plannedEnd: '2030-02-01' }).where(eq(initiativePhases.initiativeId, created.id)).returning()
		);
		expect(changed).toHaveLength(0);
		const seen = await withUser(w.people.supplier, (tx) => tx.select().from(initiatives).where(eq(initiatives.id, created.id)));
		expect(seen).toHaveLength(0);
		const byKinda = await withUser(w.people.kindaMember, (tx) =>
			tx
				.update(initiativePhases)
				.set({ name: 'Direktiv' })
				.where(and(eq(initiativePhases.initiativeId, created.id), eq(initiativePhases.position, 1)))
				.returning()
		);
		expect(byKinda).toHaveLength(1);
	});
});

describe('an initiative’s plan', () => {
	it('refuses a phase that ends before it starts, beside the field', async () => {
		const w = await world();
		expect(PhaseDatesInput.safeParse({ position: '1', plannedStart: '2027-05-01', plannedEnd: '2027-04-01' }).error?.issues[0]).toMatchObject({
			path: ['plannedEnd'],
			message: 'before_start'
		});
		const created = await createInitiative(w.people.admin, w.consortium.id, input(w));
		await setPhaseDates(
			w.people.admin,
			w.consortium.id,
			created.id,
			PhaseDatesInput.parse({ position: '1', plannedStart: '2027-01-15', plannedEnd: '2027-03-15', actualStart: '2027-01-20' })
		);
		expect((await phasesOf(created.id))[0]).toMatchObject({ plannedStart: '2027-01-15', plannedEnd: '2027-03-15', actualStart: '2027-01-20', actualEnd: null });
	});

	it('refuses a dependency that would close a loop, naming it, and writes nothing', async () => {
		const w = await world();
		const a = await createInitiative(w.people.admin, w.consortium.id, input(w, { title: 'Nattlig tillsyn' }));
		const b = await createInitiative(w.people.admin, w.consortium.id, input(w, { title: 'Läkemedelsautomater' }));
		const c = await createInitiative(w.people.admin, w.consortium.id, input(w, { title: 'Digitala lås' }));
		await addDependency(w.people.admin, w.consortium.id, b.id, { dependsOnId: a.id });
		await addDependency(w.people.admin, w.consortium.id, c.id, { dependsOnId: b.id });
		const refusal = await addDependency(w.people.admin, w.consortium.id, a.id, { dependsOnId: c.id }).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(CommandError);
		expect(refusal).toMatchObject({
			key: 'roadmap_dependency_cycle',
			field: 'dependsOnId',
			params: { chain: 'Nattlig tillsyn → Digitala lås → Läkemedelsautomater → Nattlig tillsyn' }
		});
		await expect(addDependency(w.people.admin, w.consortium.id, a.id, { dependsOnId: a.id })).rejects.toMatchObject({ key: 'roadmap_dependency_self' });
		await expect(addDependency(w.people.admin, w.consortium.id, b.id, { dependsOnId: a.id })).rejects.toMatchObject({ key: 'roadmap_dependency_exists' });
		expect(await asSystem((tx) => tx.select().from(initiativeDependencies).where(eq(initiativeDependencies.consortiumId, w.consortium.id)))).toHaveLength(2);
		// What waits on a later plan is at risk, and says for which.
		const list = await roadmap(w.people.observer, w.consortium.id);
		const waiting = list.initiatives.find((i) => i.id === b.id)!;
		expect(waiting.status).toBe('at_risk');
		expect(waiting.reasons).toEqual([expect.objectContaining({ key: 'dependency_late', title: 'Nattlig tillsyn' })]);
	});

	it('a gate is a decision item: prepared in the decisions area, passed when its decision is recorded as adopted, failed when not', async () => {
		const w = await world();
		const created = await createInitiative(w.people.representative, w.consortium.id, input(w));
		const gate = await addGate(w.people.representative, w.consortium.id, created.id, { phase: 1, decisionItemId: undefined });
		const [item] = await asSystem((tx) => tx.select().from(decisionItems).where(eq(decisionItems.id, gate.decisionItemId)));
		expect(item).toMatchObject({ status: 'draft', level: 'steering_group', title: 'Beslutspunkt: Projektdirektiv – Läkemedelsautomater' });
		expect(item!.proposal).toBe('Fasen Projektdirektiv avslutas och initiativet går vidare till fasen Kartläggning.');
		const stateOf = async () => (await initiativePage(w.people.observer, w.consortium.id, created.id)).initiative.gates[0]!.state;
		expect(await stateOf()).toBe('draft');
		await asSystem((tx) => tx.update(decisionItems).set({ status: 'recorded', result: 'adopted', deadline: new Date() }).where(eq(decisionItems.id, item!.id)));
		expect(await stateOf()).toBe('passed');
		const second = await addGate(w.people.representative, w.consortium.id, created.id, { phase: 2, decisionItemId: undefined });
		await asSystem((tx) =>
			tx.update(decisionItems).set({ status: 'recorded', result: 'rejected', deadline: new Date() }).where(eq(decisionItems.id, second.decisionItemId))
		);
		const gates = (await initiativePage(w.people.observer, w.consortium.id, created.id)).initiative.gates;
		expect(gates.map((g) => g.state)).toEqual(['passed', 'failed']);
		// An item that is a gate already cannot be a second one.
		await expect(addGate(w.people.representative, w.consortium.id, created.id, { phase: 2, decisionItemId: item!.id })).rejects.toMatchObject({
			key: 'roadmap_gate_taken'
		});
	});

	it("a gate's item offers Fortsätt, Tillbaka, Stopp and Avsluta, and the recorded decision moves the initiative on, back, or ends it", async () => {
		const w = await world();
		const decide = async (initiativeId: string, phase: number, outcome: number) => {
			const gate = await addGate(w.people.representative, w.consortium.id, initiativeId, { phase, decisionItemId: undefined });
			const options = await asSystem((tx) =>
				tx.select().from(decisionOptions).where(eq(decisionOptions.itemId, gate.decisionItemId)).orderBy(decisionOptions.position)
			);
			await openDecisionItem(w.people.admin, w.consortium.id, gate.decisionItemId);
			await statePosition(w.people.representative, w.consortium.id, gate.decisionItemId, PositionInput.parse({ stance: `option:${options[outcome]!.id}` }));
			await closeDecisionItem(w.people.admin, w.consortium.id, gate.decisionItemId);
			// The other municipalities did not take a position; the steering group's meeting settled the option.
			await asSystem((tx) =>
				tx.update(decisionItems).set({ result: 'adopted', resultOptionId: options[outcome]!.id }).where(eq(decisionItems.id, gate.decisionItemId))
			);
			await recordDecision(w.people.admin, w.consortium.id, gate.decisionItemId, RecordInput.parse({}));
			return { options, page: (await initiativePage(w.people.observer, w.consortium.id, initiativeId)).initiative };
		};
		const created = await createInitiative(w.people.representative, w.consortium.id, input(w));
		const continued = await decide(created.id, 1, 0);
		expect(continued.options.map((o) => [o.gateOutcome, o.label])).toEqual([
			['continue', 'Fortsätt: fasen Projektdirektiv godkänns och initiativet går vidare till fasen Kartläggning'],
			['back', 'Tillbaka: delleveransen arbetas om inom fasen Projektdirektiv'],
			['stop', 'Stopp: initiativet stoppas'],
			['close', 'Avsluta: initiativet avslutas']
		]);
		expect(continued.page).toMatchObject({ currentPhase: 2, ended: null });
		expect(continued.page.gates[0]).toMatchObject({ state: 'passed', outcome: 'continue' });
		expect(continued.page.phases[0]!.actualEnd).not.toBeNull();
		expect(continued.page.phases[1]!.actualStart).not.toBeNull();
		// Sent back: it stays in the phase, and the gate does not pass.
		const back = await decide(created.id, 2, 1);
		expect(back.page.currentPhase).toBe(2);
		expect(back.page.gates[1]).toMatchObject({ state: 'failed', outcome: 'back' });
		// Stopped: it ends, and leaves the home page's troubled initiatives.
		const stopped = await decide(created.id, 2, 2);
		expect(stopped.page.ended).toMatchObject({ as: 'stop' });
		const audit = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'initiative.gate_decided')))
		);
		expect(audit).toHaveLength(3);
		// The steering group lets it go on later: an admin resumes it, with the decision kept in the log.
		expect(ResumeInput.safeParse({ reason: ' ' }).error?.issues[0]?.message).toBe('required');
		await expect(resumeInitiative(w.people.representative, w.consortium.id, created.id, { reason: 'Nytt beslut' })).rejects.toThrow(Forbidden);
		await resumeInitiative(w.people.admin, w.consortium.id, created.id, { reason: 'Styrgruppen 2027-02-10, § 4' });
		const resumed = (await initiativePage(w.people.admin, w.consortium.id, created.id)).initiative;
		expect(resumed).toMatchObject({ ended: null, currentPhase: 2 });
		await expect(resumeInitiative(w.people.admin, w.consortium.id, created.id, { reason: 'Igen' })).rejects.toMatchObject({
			key: 'roadmap_not_ended',
			status: 409
		});
	});

	it('a status set by hand needs a reason and wins over the derivation until handed back', async () => {
		const w = await world();
		const created = await createInitiative(w.people.representative, w.consortium.id, input(w));
		expect(StatusOverrideInput.safeParse({ status: 'delayed', reason: '' }).error?.issues[0]).toMatchObject({ path: ['reason'], message: 'required' });
		await overrideStatus(
			w.people.representative,
			w.consortium.id,
			created.id,
			StatusOverrideInput.parse({ status: 'delayed', reason: 'Leverantören har gått i konkurs' })
		);
		let i = (await initiativePage(w.people.observer, w.consortium.id, created.id)).initiative;
		expect(i).toMatchObject({ status: 'delayed', overridden: true, statusReason: 'Leverantören har gått i konkurs' });
		await overrideStatus(w.people.representative, w.consortium.id, created.id, StatusOverrideInput.parse({ status: '', reason: '' }));
		i = (await initiativePage(w.people.observer, w.consortium.id, created.id)).initiative;
		expect(i).toMatchObject({ overridden: false, status: i.derivedStatus });
	});

	it('links only what is the consortium’s; the current phase must be one of its phases; an old version is refused', async () => {
		const w = await world();
		const created = await createInitiative(w.people.representative, w.consortium.id, input(w));
		await expect(addLink(w.people.representative, w.consortium.id, created.id, { kind: 'need', targetId: w.foreign.id })).rejects.toMatchObject({
			key: 'invalid_choice',
			field: 'targetId'
		});
		const update = { title: 'Läkemedelsautomater', ownerOrganisationId: w.finspang.id, participantIds: [w.kinda.id], currentPhase: 7, version: 1 };
		await expect(updateInitiative(w.people.representative, w.consortium.id, created.id, update)).rejects.toMatchObject({
			key: 'invalid_choice',
			field: 'currentPhase'
		});
		await updateInitiative(w.people.representative, w.consortium.id, created.id, { ...update, currentPhase: 2 });
		await expect(updateInitiative(w.people.representative, w.consortium.id, created.id, { ...update, currentPhase: 3 })).rejects.toBeInstanceOf(StaleWrite);
		const { need, requirement } = await asSystem(async (tx) => ({
			need: await buildNeed(tx, w.consortium.id, { title: 'Trygg nattillsyn utan att väcka brukaren' }),
			requirement: await buildRequirement(tx, w.consortium.id, { title: 'Automaten larmar vid missad dos' })
		}));
		await addLink(w.people.representative, w.consortium.id, created.id, { kind: 'need', targetId: need.id });
		await addLink(w.people.representative, w.consortium.id, created.id, { kind: 'requirement', targetId: requirement.id });
		await expect(addLink(w.people.representative, w.consortium.id, created.id, { kind: 'need', targetId: need.id })).rejects.toMatchObject({
			key: 'roadmap_link_exists'
		});
		const page = await initiativePage(w.people.observer, w.consortium.id, created.id);
		expect(page.links.map((l) => [l.kind, l.label, l.path])).toEqual([
			['need', 'Trygg nattillsyn utan att väcka brukaren', `/needs/${need.id}`],
			['requirement', `${requirement.identifier} Automaten larmar vid missad dos`, `/requirements/${requirement.id}`]
		]);
	});

	it('a municipality’s roadmap shows only what it takes part in', async () => {
		const w = await world();
		await createInitiative(w.people.admin, w.consortium.id, input(w, { title: 'Med Kinda' }));
		await createInitiative(w.people.admin, w.consortium.id, input(w, { title: 'Utan Kinda', ownerOrganisationId: w.motala.id, participantIds: [] }));
		const all = await roadmap(w.people.observer, w.consortium.id);
		expect(all.initiatives.map((i) => i.title)).toEqual(['Med Kinda', 'Utan Kinda']);
		const kinda = await roadmap(w.people.observer, w.consortium.id, w.kinda.id);
		expect(kinda.organisation?.name).toBe('Kinda');
		expect(kinda.initiatives.map((i) => i.title)).toEqual(['Med Kinda']);
	});

	it('gives the joint candidates a page at a time, with the initiatives begun for those on it', async () => {
		const w = await world();
		await asSystem(async (tx) => {
			for (const organisationId of [w.finspang.id, w.kinda.id])
				await setStatusIn(
					tx,
					w.consortium.id,
					null,
					StatusInput.parse({ technologyId: w.dispenser.id, organisationId, status: 'planned', plannedYear: '2027' })
				);
		});
		const started = await createInitiative(w.people.admin, w.consortium.id, input(w));
		const page = await candidatesPage(w.people.observer, w.consortium.id, { offset: 0, limit: 25 });
		expect(page.total).toBe(1);
		expect(page.candidates.map((c) => c.technology.name)).toEqual(['Läkemedelsautomat']);
		expect(page.initiatives).toEqual({ [w.dispenser.id]: [{ id: started.id, number: started.number, title: started.title }] });
		// A page past the end (the list shrank since the link was made) is the last page.
		const past = await candidatesPage(w.people.observer, w.consortium.id, { offset: 50, limit: 25 });
		expect([past.page.offset, past.candidates.length]).toEqual([0, 1]);
		await expect(candidatesPage(w.people.supplier, w.consortium.id, { offset: 0, limit: 25 })).rejects.toBeInstanceOf(NotFound);
	});

	it('comes in pages of a few bars, a long lane going on to the next page, each page named by its lanes', async () => {
		const w = await world();
		await createInitiative(w.people.admin, w.consortium.id, input(w, { title: 'Med Kinda' }));
		await createInitiative(w.people.admin, w.consortium.id, input(w, { title: 'Utan Kinda', ownerOrganisationId: w.motala.id, participantIds: [] }));
		const none = { category: 'Utan kategori', phase: 'Utan fas' };
		// By municipality: Finspång and Kinda take part in the first, Motala owns the second; three bars.
		const view = { lanes: 'municipality' as const };
		const first = await roadmapPage(w.people.observer, w.consortium.id, view, none, 2);
		expect([first.page, first.pages, first.initiativeCount]).toEqual([1, ['Finspång – Kinda', 'Motala'], 2]);
		expect(first.lanes.map((l) => [l.name, l.continued, l.initiativeIds.length])).toEqual([
			['Finspång', false, 1],
			['Kinda', false, 1]
		]);
		expect(first.initiatives.map((i) => i.title)).toEqual(['Med Kinda']);
		const second = await roadmapPage(w.people.observer, w.consortium.id, { ...view, page: 2 }, none, 2);
		expect(second.initiatives.map((i) => i.title)).toEqual(['Utan Kinda']);

		// By category both share one lane: a page of one bar each, the second marked as going on.
		const byCategory = await roadmapPage(w.people.observer, w.consortium.id, { lanes: 'category', page: 2 }, none, 1);
		expect(byCategory.pages).toHaveLength(2);
		expect(byCategory.lanes.map((l) => l.continued)).toEqual([true]);
		expect(byCategory.initiatives).toHaveLength(1);

		// At its real size this is one page with every lane.
		const whole = await roadmapPage(w.people.observer, w.consortium.id, view, none);
		expect(whole.pages).toHaveLength(1);
		expect(whole.lanes.map((l) => l.name)).toEqual(['Finspång', 'Kinda', 'Motala']);
	});
});
