import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, backlogItems, backlogs, decisionItems, decisionOptions, releaseGates } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildStory, buildUser } from '../demo/factories';
import { NotFound } from '../errors';
import { Forbidden } from '../policy';
import { closeDecisionItem, openDecisionItem, recordDecision } from '../decisions/commands';
import { RecordInput } from '../decisions/schemas';
import { createInitiativeIn } from '../roadmap/commands';
import { initiativePage } from '../roadmap/queries';
import { agendaPreparation } from '../agenda/queries';
import { createBacklogIn, lockScopeIn, publishReleaseIn, reportDeliveryIn } from './commands';
import { gatesOfRelease, presentRelease } from './gates';
import { PresentReleaseInput } from './schemas';

useFreshDatabase();

/** A consortium with a locked backlog of three stories, release 1 published with one item delivered, and an initiative. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const linkoping = await buildOrganisation(tx, consortium.id, { name: 'Linköping' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const mk = async (role: 'admin' | 'member' | 'observer' | 'supplier', organisationId: string, consortiumId = consortium.id) => {
			const u = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: u.id, organisationId, role });
			return { id: u.id, isOperator: false };
		};
		const admin = await mk('admin', linkoping.id);
		const member = await mk('member', linkoping.id);
		const observer = await mk('observer', linkoping.id);
		const supplier = await mk('supplier', supplierOrg.id);
		const other = await buildConsortium(tx);
		const outsider = await mk('admin', (await buildOrganisation(tx, other.id)).id, other.id);
		const stories = [];
		for (const goal of ['se larm', 'signera läkemedel', 'boka besök']) stories.push(await buildStory(tx, consortium.id, { goal }));
		const created = await createBacklogIn(
			tx,
			consortium.id,
			admin.id,
			{ roundId: null, name: 'MVP 1.0', capacity: 10, capacityUnit: 'story_points' },
			stories.map((s, i) => ({ kind: 'story' as const, id: s.id, moscow: 'must' as const, acceptanceCriteria: `Kriterium ${i + 1}`, estimate: 3 }))
		);
		const [lined] = await tx.update(backlogs).set({ line: 2 }).where(eq(backlogs.id, created.id)).returning();
		const locked = await lockScopeIn(tx, lined!, admin.id);
		const release = await publishReleaseIn(tx, locked, admin.id, 'Första', null);
		const [first] = await tx
			.select()
			.from(backlogItems)
			.where(and(eq(backlogItems.backlogId, created.id), eq(backlogItems.rank, 1)));
		await reportDeliveryIn(tx, consortium.id, first!.id, supplier.id, { status: 'delivered', note: 'Sprint 3' });
		const initiative = await createInitiativeIn(tx, consortium.id, admin.id, {
			title: 'Nattlig tillsyn via kamera',
			ownerOrganisationId: linkoping.id,
			participantIds: [],
			technologyId: undefined,
			phaseModel: 'procurement',
			customPhases: [],
			start: '2026-09-01'
		});
		return { consortium, admin, member, observer, supplier, outsider, release, initiative };
	});
}
type World = Awaited<ReturnType<typeof world>>;

/** Opens the gate's item, closes it and records it with the option at `position` (1–4) adopted. */
async function decide(w: World, itemId: string, position: number) {
	await openDecisionItem(w.admin, w.consortium.id, itemId);
	await closeDecisionItem(w.admin, w.consortium.id, itemId);
	const [option] = await asSystem((tx) =>
		tx
			.select()
			.from(decisionOptions)
			.where(and(eq(decisionOptions.itemId, itemId), eq(decisionOptions.position, position)))
	);
	// The steering group's meeting settled the option.
	await asSystem((tx) => tx.update(decisionItems).set({ result: 'adopted', resultOptionId: option!.id }).where(eq(decisionItems.id, itemId)));
	await recordDecision(w.admin, w.consortium.id, itemId, RecordInput.parse({}));
}

describe('Godkännande av delleverans for a backlog release', () => {
	it('presents a release to the steering group as a decision item with the delivery facts and the four options, proposed under its heading', async () => {
		const w = await world();
		const gate = await presentRelease(w.member, w.consortium.id, w.release.number, PresentReleaseInput.parse({ note: 'Demo hölls i Linköping.' }));
		const [item] = await asSystem((tx) => tx.select().from(decisionItems).where(eq(decisionItems.id, gate.decisionItemId)));
		expect(item).toMatchObject({ title: 'Godkännande av delleverans: leverans 1 (MVP 1.0)', level: 'steering_group', status: 'draft' });
		expect(item!.background).toContain('med 2 punkter. Leverantören har rapporterat 1 av dem som levererade');
		expect(item!.background).toContain('Demo hölls i Linköping.');
		const options = await asSystem((tx) =>
			tx.select().from(decisionOptions).where(eq(decisionOptions.itemId, gate.decisionItemId)).orderBy(decisionOptions.position)
		);
		expect(options.map((o) => o.gateOutcome)).toEqual(['continue', 'back', 'stop', 'close']);
		expect(options[2]!.label).toBe('Stopp: leveransarbetet stoppas');

		const agenda = await agendaPreparation(w.admin, w.consortium.id);
		const deliverables = agenda.sections.find((s) => s.section === 'deliverables')!;
		expect(deliverables.items.map((i) => [i.key, i.title])).toEqual([[`gate:${gate.id}`, 'Godkännande av delleverans: leverans 1 (MVP 1.0)']]);
		// Its item is not proposed a second time among the decision items.
		expect(agenda.sections.find((s) => s.section === 'decisions')).toBeUndefined();

		// Presented once at a time.
		await expect(presentRelease(w.admin, w.consortium.id, w.release.number, PresentReleaseInput.parse({}))).rejects.toMatchObject({
			key: 'backlog_gate_pending'
		});
		const page = await gatesOfRelease(w.observer, w.consortium.id, w.release.id);
		expect(page).toMatchObject({ canPresent: false, gates: [{ state: 'draft', outcome: null, initiative: null }] });
	});

	it('records Tillbaka, after which it may be presented again, and Fortsätt approves it; audited as the release’s', async () => {
		const w = await world();
		const first = await presentRelease(w.member, w.consortium.id, w.release.number, PresentReleaseInput.parse({}));
		await decide(w, first.decisionItemId, 2);
		let page = await gatesOfRelease(w.member, w.consortium.id, w.release.id);
		expect(page).toMatchObject({ canPresent: true, gates: [{ state: 'failed', outcome: 'back' }] });
		const second = await presentRelease(w.member, w.consortium.id, w.release.number, PresentReleaseInput.parse({}));
		await decide(w, second.decisionItemId, 1);
		page = await gatesOfRelease(w.member, w.consortium.id, w.release.id);
		expect(page!.gates.map((g) => [g.state, g.outcome])).toEqual([
			['passed', 'continue'],
			['failed', 'back']
		]);
		const audit = await asSystem((tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, w.release.id)).orderBy(auditLog.id));
		expect(audit.map((a) => a.action)).toEqual([
			'backlog_release.published',
			'backlog_release.presented',
			'backlog_release.gate_decided',
			'backlog_release.presented',
			'backlog_release.gate_decided'
		]);
	});

	it('ends the initiative the release belongs to on Stopp, and says so in the options', async () => {
		const w = await world();
		const gate = await presentRelease(w.member, w.consortium.id, w.release.number, PresentReleaseInput.parse({ initiativeId: w.initiative.id }));
		const options = await asSystem((tx) =>
			tx.select().from(decisionOptions).where(eq(decisionOptions.itemId, gate.decisionItemId)).orderBy(decisionOptions.position)
		);
		expect(options[2]!.label).toBe(`Stopp: leveransarbetet och initiativ ${w.initiative.number} stoppas`);
		await decide(w, gate.decisionItemId, 3);
		const page = await initiativePage(w.observer, w.consortium.id, w.initiative.id);
		expect(page.initiative.ended).toMatchObject({ as: 'stop' });
		expect((await gatesOfRelease(w.member, w.consortium.id, w.release.id))!.gates[0]).toMatchObject({
			outcome: 'stop',
			initiative: { id: w.initiative.id }
		});
	});

	it('refuses an unknown initiative, an observer, the supplier and an outsider; the supplier sees no gate, not even through row-level security', async () => {
		const w = await world();
		await expect(
			presentRelease(w.member, w.consortium.id, w.release.number, PresentReleaseInput.parse({ initiativeId: crypto.randomUUID() }))
		).rejects.toMatchObject({ key: 'invalid_choice', field: 'initiativeId' });
		await expect(presentRelease(w.observer, w.consortium.id, w.release.number, PresentReleaseInput.parse({}))).rejects.toBeInstanceOf(Forbidden);
		await expect(presentRelease(w.supplier, w.consortium.id, w.release.number, PresentReleaseInput.parse({}))).rejects.toBeInstanceOf(NotFound);
		await expect(presentRelease(w.outsider, w.consortium.id, w.release.number, PresentReleaseInput.parse({}))).rejects.toBeInstanceOf(NotFound);
		await expect(presentRelease(w.member, w.consortium.id, 99, PresentReleaseInput.parse({}))).rejects.toBeInstanceOf(NotFound);
		await expect(PresentReleaseInput.safeParseAsync({ initiativeId: 'inte-ett-id' })).resolves.toMatchObject({ success: false });

		await presentRelease(w.member, w.consortium.id, w.release.number, PresentReleaseInput.parse({}));
		expect(await gatesOfRelease(w.supplier, w.consortium.id, w.release.id)).toBeNull();
		const seen = await withUser(w.supplier, (tx) => tx.select().from(releaseGates));
		expect(seen).toEqual([]);
		const internal = await withUser(w.observer, (tx) => tx.select().from(releaseGates));
		expect(internal).toHaveLength(1);
		// Nobody removes a gate, and only the outcome can be set.
		await expect(withUser(w.admin, (tx) => tx.delete(releaseGates))).rejects.toThrow();
		await expect(withUser(w.admin, (tx) => tx.update(releaseGates).set({ initiativeId: w.initiative.id }))).rejects.toThrow();
	});
});
