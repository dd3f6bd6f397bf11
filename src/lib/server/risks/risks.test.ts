import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, decisionItems, meetingAgendaItems, riskActions, riskAssessments, risks, riskSettings } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { CommandError, NotFound, StaleWrite } from '../errors';
import { createSteeringMeeting } from '../agenda/commands';
import { agendaPreparation } from '../agenda/queries';
import { SteeringMeetingInput } from '../agenda/schemas';
import { addRiskAction, assessRisk, raiseRisk, raiseRiskAsDecision, removeRiskAction, setRiskActionDone, setRiskBands, updateRisk } from './commands';
import { riskPage, riskRegister } from './queries';
import { ActionDoneInput, ActionInput, AssessmentInput, BandsInput, RiskInput, RiskUpdate } from './schemas';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const finspang = await buildOrganisation(tx, consortium.id, { name: 'Finspång' });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as Record<Role | 'outsider', Who>;
		const add = async (key: keyof typeof people, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		for (const role of ['representative', 'member', 'observer'] as const) await add(role, finspang.id, role);
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		return { consortium, other, people };
	});
}

const r1 = (extra: Record<string, unknown> = {}) =>
	RiskInput.parse({
		title: 'Samordnaruppdraget ändras',
		threat: 'Uppdraget som samordnare förändras',
		consequence: 'Projektet står utan projektledare',
		probability: '3',
		impact: '4',
		...extra
	});

describe('the risk register', () => {
	it('raises risks numbered R1, R2 … with R = S×K kept by the database and the first assessment in the history', async () => {
		const w = await world();
		const first = await raiseRisk(w.people.member, w.consortium.id, r1());
		const second = await raiseRisk(w.people.member, w.consortium.id, r1({ title: 'Överskridande av köpta tjänster', probability: 4, impact: 3 }));
		expect([first.number, second.number]).toEqual([1, 2]);
		expect(first.score).toBe(12);
		const history = await asSystem((tx) => tx.select().from(riskAssessments).where(eq(riskAssessments.riskId, first.id)));
		expect(history.map((a) => [a.probability, a.impact])).toEqual([[3, 4]]);
		const audit = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.entityId, first.id), eq(auditLog.action, 'risk.raised')))
		);
		expect(audit).toHaveLength(1);
	});

	it('refuses scores outside 1–5 with a message, and the database refuses them too', () => {
		const parsed = RiskInput.safeParse({ title: 'x', probability: '6', impact: '0' });
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message]).sort()).toEqual([
			['impact', 'out_of_range'],
			['probability', 'out_of_range']
		]);
		expect(AssessmentInput.safeParse({ version: 1, probability: 'fem', impact: 3 }).error?.issues[0]?.message).toBe('not_a_number');
	});

	it('escalates a risk that enters the high band, keeps it escalated inside it, and de-escalates it when it leaves', async () => {
		const w = await world();
		const risk = await raiseRisk(w.people.member, w.consortium.id, r1());
		expect(risk.escalatedAt).toBeNull();
		const high = await assessRisk(
			w.people.member,
			w.consortium.id,
			risk.id,
			AssessmentInput.parse({ version: risk.version, probability: 5, impact: 4, note: 'Beslut i kommunstyrelsen' })
		);
		expect(high.score).toBe(20);
		expect(high.escalatedAt).not.toBeNull();
		const higher = await assessRisk(w.people.member, w.consortium.id, risk.id, AssessmentInput.parse({ version: high.version, probability: 5, impact: 5 }));
		expect(higher.escalatedAt).toEqual(high.escalatedAt);
		const lower = await assessRisk(w.people.member, w.consortium.id, risk.id, AssessmentInput.parse({ version: higher.version, probability: 2, impact: 5 }));
		expect(lower.escalatedAt).toBeNull();
		const page = await riskPage(w.people.observer, w.consortium.id, risk.id);
		expect(page.assessments.map((a) => a.score)).toEqual([12, 20, 25, 10]);
		expect(page.assessments.map((a) => a.band)).toEqual(['medium', 'high', 'high', 'medium']);
		const actions = await asSystem((tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, risk.id)));
		expect(actions.map((a) => a.action)).toContain('risk.escalated');
	});

	it('refuses a stale assessment instead of overwriting a newer one', async () => {
		const w = await world();
		const risk = await raiseRisk(w.people.member, w.consortium.id, r1());
		await assessRisk(w.people.member, w.consortium.id, risk.id, AssessmentInput.parse({ version: risk.version, probability: 2, impact: 2 }));
		await expect(
			assessRisk(w.people.admin, w.consortium.id, risk.id, AssessmentInput.parse({ version: risk.version, probability: 5, impact: 5 }))
		).rejects.toThrow(StaleWrite);
	});

	it('follows the bands the consortium draws, escalating what they put in the high band', async () => {
		const w = await world();
		const risk = await raiseRisk(w.people.member, w.consortium.id, r1());
		await expect(setRiskBands(w.people.member, w.consortium.id, BandsInput.parse({ mediumFrom: 5, highFrom: 12 }))).rejects.toThrow(Forbidden);
		expect(BandsInput.safeParse({ mediumFrom: 12, highFrom: 10 }).error?.issues[0]?.message).toBe('risk_bands_order');
		await setRiskBands(w.people.admin, w.consortium.id, BandsInput.parse({ mediumFrom: 5, highFrom: 12 }));
		const register = await riskRegister(w.people.member, w.consortium.id, { sort: 'score' });
		expect(register.limits).toMatchObject({ mediumFrom: 5, highFrom: 12 });
		expect(register.risks[0]).toMatchObject({ id: risk.id, band: 'high' });
		expect(register.risks[0]!.escalatedAt).not.toBeNull();
	});

	it('keeps actions with owners and dates, done or not', async () => {
		const w = await world();
		const risk = await raiseRisk(w.people.member, w.consortium.id, r1());
		const action = await addRiskAction(
			w.people.member,
			w.consortium.id,
			risk.id,
			ActionInput.parse({ title: 'Utse ersättare för projektledaren', ownerId: w.people.admin.id, due: '2026-12-15' })
		);
		await setRiskActionDone(w.people.representative, w.consortium.id, risk.id, ActionDoneInput.parse({ actionId: action.id, done: 'on' }));
		let page = await riskPage(w.people.member, w.consortium.id, risk.id);
		expect(page.actions).toMatchObject([{ title: 'Utse ersättare för projektledaren', done: true, due: '2026-12-15' }]);
		await removeRiskAction(w.people.member, w.consortium.id, risk.id, { actionId: action.id });
		page = await riskPage(w.people.member, w.consortium.id, risk.id);
		expect(page.actions).toEqual([]);
		await expect(
			addRiskAction(w.people.member, w.consortium.id, risk.id, ActionInput.parse({ title: 'Fel ägare', ownerId: w.people.supplier.id }))
		).rejects.toMatchObject({ key: 'invalid_choice', field: 'ownerId' });
	});

	it('lists by score, number or review date, and draws the matrix of the risks not closed', async () => {
		const w = await world();
		const a = await raiseRisk(w.people.member, w.consortium.id, r1({ probability: 2, impact: 5, nextReview: '2027-02-01' }));
		const b = await raiseRisk(w.people.member, w.consortium.id, r1({ title: 'Tillgänglighetslagen', probability: 3, impact: 5, nextReview: '2026-12-01' }));
		const c = await raiseRisk(w.people.member, w.consortium.id, r1({ title: 'Plattformskostnad', probability: 3, impact: 4 }));
		await updateRisk(w.people.member, w.consortium.id, c.id, RiskUpdate.parse({ title: c.title, version: c.version, status: 'closed' }));
		const byScore = await riskRegister(w.people.member, w.consortium.id, { sort: 'score' });
		expect(byScore.risks.map((r) => r.number)).toEqual([b.number, c.number, a.number]);
		const byReview = await riskRegister(w.people.member, w.consortium.id, { sort: 'review' });
		expect(byReview.risks.map((r) => r.number)).toEqual([b.number, a.number, c.number]);
		const cells = byScore.matrix.flat().filter((cell) => cell.numbers.length > 0);
		expect(cells.map((cell) => [cell.probability, cell.impact, cell.numbers])).toEqual([
			[3, 5, [b.number]],
			[2, 5, [a.number]]
		]);
	});

	it('is for internal members only: the supplier and outsiders get a 404, an observer reads but may not write', async () => {
		const w = await world();
		const risk = await raiseRisk(w.people.member, w.consortium.id, r1());
		for (const who of [w.people.supplier, w.people.outsider]) {
			await expect(riskRegister(who, w.consortium.id, { sort: 'score' })).rejects.toThrow(NotFound);
			await expect(riskPage(who, w.consortium.id, risk.id)).rejects.toThrow(NotFound);
			await expect(raiseRisk(who, w.consortium.id, r1())).rejects.toThrow(NotFound);
			await expect(agendaPreparation(who, w.consortium.id)).rejects.toThrow(NotFound);
		}
		await expect(riskRegister(w.people.observer, w.consortium.id, { sort: 'score' })).resolves.toMatchObject({ canWrite: false });
		await expect(raiseRisk(w.people.observer, w.consortium.id, r1())).rejects.toThrow(Forbidden);
	});

	it('row-level security gives the supplier none of the register, its history, actions or bands', async () => {
		const w = await world();
		const risk = await raiseRisk(w.people.member, w.consortium.id, r1({ probability: 5, impact: 5 }));
		await addRiskAction(w.people.member, w.consortium.id, risk.id, ActionInput.parse({ title: 'Åtgärd' }));
		await setRiskBands(w.people.admin, w.consortium.id, BandsInput.parse({ mediumFrom: 8, highFrom: 15 }));
		const seen = (who: Who) =>
			withUser(who, async (tx) => ({
				risks: (await tx.select().from(risks)).length,
				assessments: (await tx.select().from(riskAssessments)).length,
				actions: (await tx.select().from(riskActions)).length,
				settings: (await tx.select().from(riskSettings)).length
			}));
		expect(await seen(w.people.observer)).toEqual({ risks: 1, assessments: 1, actions: 1, settings: 1 });
		expect(await seen(w.people.supplier)).toEqual({ risks: 0, assessments: 0, actions: 0, settings: 0 });
		expect(await seen(w.people.outsider)).toEqual({ risks: 0, assessments: 0, actions: 0, settings: 0 });
		// Nor may the supplier write one past the commands.
		await expect(
			withUser(w.people.supplier, (tx) =>
				tx.insert(risks).values({ consortiumId: w.consortium.id, number: 99, title: 'x', probability: 1, impact: 1, createdBy: w.people.supplier.id })
			)
		).rejects.toThrow();
	});
});

describe('the steering group agenda from the risk register', () => {
	it('raises a high risk as a decision item once, which its agenda item then carries instead of a separate proposal', async () => {
		const w = await world();
		const risk = await raiseRisk(w.people.member, w.consortium.id, r1({ probability: 5, impact: 4 }));
		await addRiskAction(w.people.member, w.consortium.id, risk.id, ActionInput.parse({ title: 'Utse ersättare' }));
		await expect(raiseRiskAsDecision(w.people.supplier, w.consortium.id, risk.id)).rejects.toThrow(NotFound);
		await expect(raiseRiskAsDecision(w.people.observer, w.consortium.id, risk.id)).rejects.toThrow(Forbidden);
		const item = await raiseRiskAsDecision(w.people.member, w.consortium.id, risk.id);
		expect(item).toMatchObject({ status: 'draft', level: 'steering_group', title: 'Risk R1: Samordnaruppdraget ändras' });
		expect(item.background).toContain('R = 20 (S 5 × K 4)');
		expect(item.background).toContain('Åtgärder: Utse ersättare');
		await expect(raiseRiskAsDecision(w.people.member, w.consortium.id, risk.id)).rejects.toMatchObject({ key: 'risk_decision_exists', status: 409 });
		const page = await riskPage(w.people.observer, w.consortium.id, risk.id);
		expect(page.decisionItem).toMatchObject({ id: item.id, status: 'draft' });
		const prepared = await agendaPreparation(w.people.admin, w.consortium.id);
		expect(prepared.sections.flatMap((s) => s.items.map((i) => i.key))).toEqual([`risk:${risk.id}`]);
		const meeting = await createSteeringMeeting(
			w.people.admin,
			w.consortium.id,
			SteeringMeetingInput.parse({ title: 'Styrgruppsmöte', date: '2027-01-14', startsAt: '13:00', accept: [`risk:${risk.id}`] })
		);
		const [agendaItem] = await asSystem((tx) =>
			tx
				.select()
				.from(meetingAgendaItems)
				.where(and(eq(meetingAgendaItems.meetingId, meeting.id), eq(meetingAgendaItems.sourceKind, 'risk')))
		);
		expect(agendaItem).toMatchObject({ decisionItemId: item.id, title: 'Risk R1: Samordnaruppdraget ändras (R = 20)' });
	});

	it('proposes a risk raised to 20, creates the meeting with it under Riskhantering, and proposes it no more', async () => {
		const w = await world();
		const risk = await raiseRisk(w.people.member, w.consortium.id, r1());
		let prepared = await agendaPreparation(w.people.admin, w.consortium.id);
		expect(prepared.sections.flatMap((s) => s.items)).toEqual([]);
		await assessRisk(w.people.member, w.consortium.id, risk.id, AssessmentInput.parse({ version: risk.version, probability: 5, impact: 4 }));
		const [item] = await asSystem((tx) =>
			tx.insert(decisionItems).values({ consortiumId: w.consortium.id, title: 'Finansiering 2027', proposal: 'Att anta', level: 'steering_group' }).returning()
		);
		prepared = await agendaPreparation(w.people.member, w.consortium.id);
		expect(prepared.canCreate).toBe(false);
		const proposed = prepared.sections.flatMap((s) => s.items.map((i) => [s.section, i.key, i.title]));
		expect(proposed).toEqual([
			['risks', `risk:${risk.id}`, 'Risk R1: Samordnaruppdraget ändras (R = 20)'],
			['decisions', `decision_item:${item!.id}`, 'Finansiering 2027']
		]);
		const input = (accept: string[]) =>
			SteeringMeetingInput.parse({ title: 'Styrgruppsmöte december', date: '2027-01-14', startsAt: '13:00', place: 'Rådhuset', accept });
		await expect(createSteeringMeeting(w.people.member, w.consortium.id, input([`risk:${risk.id}`]))).rejects.toThrow(Forbidden);
		await expect(createSteeringMeeting(w.people.admin, w.consortium.id, input([`risk:${crypto.randomUUID()}`]))).rejects.toThrow(CommandError);
		// The convenor keeps the risk and removes the decision item.
		const meeting = await createSteeringMeeting(w.people.admin, w.consortium.id, input([`risk:${risk.id}`]));
		const agenda = await asSystem((tx) =>
			tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meeting.id)).orderBy(meetingAgendaItems.position)
		);
		expect(agenda.map((a) => a.title)).toEqual([
			'Statusrapport',
			'Ekonomisk rapport',
			'Aktiviteter',
			'Riskhantering',
			'Risk R1: Samordnaruppdraget ändras (R = 20)',
			'Godkännande av delleverans'
		]);
		expect(agenda[4]).toMatchObject({ sourceKind: 'risk', sourceId: risk.id, municipalitiesOnly: true });
		prepared = await agendaPreparation(w.people.admin, w.consortium.id);
		expect(prepared.sections.flatMap((s) => s.items.map((i) => i.key))).toEqual([`decision_item:${item!.id}`]);
		const page = await riskPage(w.people.member, w.consortium.id, risk.id);
		expect(page.onAgendas.map((a) => a.meetingId)).toEqual([meeting.id]);
	});
});
