import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, initiatives } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { CommandError, NotFound, StaleWrite } from '../errors';
import { Forbidden, type Role } from '../policy';
import { fieldErrors } from '../form-action';
import { acknowledgeStatusReport, addCustomRow, createStatusReport, removeCustomRow, saveStatusReport, submitStatusReport } from './commands';
import { initiativesWithRedRow, listStatusReports, statusReportPage, submittedSince } from './queries';
import { StatusReportInput, StatusReportUpdate } from './schemas';

useFreshDatabase();

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const org = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const people = {} as Record<Role | 'member2' | 'outsider', { id: string; isOperator: boolean }>;
		const add = async (key: keyof typeof people, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer'] as const) await add(role, org.id, role);
		await add('member2', org.id, 'member');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		const [initiative] = await tx
			.insert(initiatives)
			.values({ consortiumId: consortium.id, number: 1, title: 'Nattillsyn', ownerOrganisationId: org.id, phaseModel: 'kasam' })
			.returning();
		return { consortium, people, initiative: initiative! };
	});
}

type World = Awaited<ReturnType<typeof world>>;

/** The whole draft as the form sends it, with the given lights per row (in order). */
async function fill(w: World, who: { id: string; isOperator: boolean }, reportId: string, lights: string[], summary = 'Enligt plan') {
	const page = await statusReportPage(w.people.admin, w.consortium.id, reportId);
	const form: Record<string, string> = { version: String(page.report.version), summary };
	page.rows.forEach((row, i) => {
		form[`rows.${i}.id`] = row.id;
		form[`rows.${i}.light`] = lights[i] ?? 'green';
		form[`rows.${i}.deviation`] = lights[i] === 'red' ? 'Kostnaden för kurser överskrids' : '';
		form[`rows.${i}.action`] = lights[i] === 'red' ? 'Omfördela inom budgeten' : '';
		if (lights[i] === 'red') form[`rows.${i}.done`] = 'on';
	});
	return saveStatusReport(who, w.consortium.id, reportId, StatusReportUpdate.parse(form));
}

describe('status reports: who may do what', () => {
	it('gives the supplier and someone of another consortium NotFound; an observer may not begin one', async () => {
		const w = await world();
		const input = StatusReportInput.parse({ period: '2026-01', initiativeId: w.initiative.id });
		for (const who of [w.people.supplier, w.people.outsider]) {
			await expect(createStatusReport(who, w.consortium.id, input)).rejects.toBeInstanceOf(NotFound);
			await expect(listStatusReports(who, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
		}
		await expect(createStatusReport(w.people.observer, w.consortium.id, input)).rejects.toBeInstanceOf(Forbidden);
		const report = await createStatusReport(w.people.member, w.consortium.id, input);
		await expect(statusReportPage(w.people.supplier, w.consortium.id, report.id)).rejects.toBeInstanceOf(NotFound);
		expect((await listStatusReports(w.people.observer, w.consortium.id)).canCreate).toBe(false);
	});

	it('lets only the author or an admin change and submit a draft, and only an admin or a representative note it', async () => {
		const w = await world();
		const report = await createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period: '2026-02', initiativeId: w.initiative.id }));
		await expect(fill(w, w.people.member2, report.id, ['green'])).rejects.toMatchObject({ key: 'status_report_not_yours' });
		await expect(acknowledgeStatusReport(w.people.admin, w.consortium.id, report.id)).rejects.toMatchObject({
			key: 'status_report_not_submitted',
			status: 409
		});
		await fill(w, w.people.admin, report.id, ['yellow']);
		const page = await statusReportPage(w.people.member, w.consortium.id, report.id);
		expect(page.can).toEqual({ edit: true, submit: true, acknowledge: false });
		await expect(submitStatusReport(w.people.member2, w.consortium.id, report.id, page.report.version)).rejects.toBeInstanceOf(Forbidden);
		await submitStatusReport(w.people.member, w.consortium.id, report.id, page.report.version);
		await expect(acknowledgeStatusReport(w.people.deputy, w.consortium.id, report.id)).rejects.toBeInstanceOf(Forbidden);
		await acknowledgeStatusReport(w.people.representative, w.consortium.id, report.id);
		await expect(acknowledgeStatusReport(w.people.admin, w.consortium.id, report.id)).rejects.toMatchObject({ key: 'status_report_already_acknowledged' });
		const after = await statusReportPage(w.people.observer, w.consortium.id, report.id);
		expect(after.report.acknowledgedAt).toBeInstanceOf(Date);
		expect(after.report.status).toBe('submitted');
	});
});

describe('status reports: the lifecycle', () => {
	it('begins with Budget, Tid and Personal, takes custom rows, locks once submitted, and audits every step', async () => {
		const w = await world();
		const report = await createStatusReport(
			w.people.member,
			w.consortium.id,
			StatusReportInput.parse({ period: '2026-03', initiativeId: w.initiative.id, summary: '' })
		);
		await addCustomRow(w.people.member, w.consortium.id, report.id, { name: 'Leverantörens leveranser' });
		let page = await statusReportPage(w.people.member, w.consortium.id, report.id);
		expect(page.rows.map((r) => [r.kind, r.name, r.light])).toEqual([
			['budget', '', 'green'],
			['time', '', 'green'],
			['staff', '', 'green'],
			['custom', 'Leverantörens leveranser', 'green']
		]);
		await expect(removeCustomRow(w.people.member, w.consortium.id, report.id, page.rows[0]!.id)).rejects.toMatchObject({ key: 'status_report_row_standard' });
		await fill(w, w.people.member, report.id, ['red', 'green', 'yellow', 'green']);
		page = await statusReportPage(w.people.member, w.consortium.id, report.id);
		expect(page.rows[0]).toMatchObject({ light: 'red', deviation: 'Kostnaden för kurser överskrids', action: 'Omfördela inom budgeten', done: true });
		await expect(submitStatusReport(w.people.member, w.consortium.id, report.id, page.report.version - 1)).rejects.toBeInstanceOf(StaleWrite);
		await submitStatusReport(w.people.member, w.consortium.id, report.id, page.report.version);
		// Locked: neither saving, adding, removing nor submitting again.
		await expect(fill(w, w.people.member, report.id, ['green'])).rejects.toMatchObject({ key: 'status_report_submitted', status: 409 });
		await expect(fill(w, w.people.admin, report.id, ['green'])).rejects.toMatchObject({ key: 'status_report_submitted' });
		await expect(addCustomRow(w.people.member, w.consortium.id, report.id, { name: 'Mer' })).rejects.toMatchObject({ key: 'status_report_submitted' });
		await expect(removeCustomRow(w.people.member, w.consortium.id, report.id, page.rows[3]!.id)).rejects.toMatchObject({ key: 'status_report_submitted' });
		const actions = await asSystem((tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, report.id)));
		expect(actions.map((a) => a.action)).toEqual(
			expect.arrayContaining(['status_report.created', 'status_report.row_added', 'status_report.saved', 'status_report.submitted'])
		);
	});

	it("begins the next month with the custom rows of the scope's latest earlier report, green and empty; another scope's stay its own", async () => {
		const w = await world();
		const march = await createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period: '2026-03', initiativeId: w.initiative.id }));
		await addCustomRow(w.people.member, w.consortium.id, march.id, { name: 'Leverantörens bemanning' });
		await addCustomRow(w.people.member, w.consortium.id, march.id, { name: 'Utbildning' });
		await fill(w, w.people.member, march.id, ['green', 'green', 'green', 'red', 'yellow']);
		const april = await createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period: '2026-04', initiativeId: w.initiative.id }));
		const rows = (await statusReportPage(w.people.member, w.consortium.id, april.id)).rows;
		expect(rows.map((r) => [r.kind, r.name, r.light, r.deviation])).toEqual([
			['budget', '', 'green', ''],
			['time', '', 'green', ''],
			['staff', '', 'green', ''],
			['custom', 'Leverantörens bemanning', 'green', ''],
			['custom', 'Utbildning', 'green', '']
		]);
		// The consortium's own report has no earlier one: the standard rows only.
		const own = await createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period: '2026-04' }));
		expect((await statusReportPage(w.people.member, w.consortium.id, own.id)).rows.map((r) => r.kind)).toEqual(['budget', 'time', 'staff']);
	});

	it('refuses a second report for the same scope and month, but not for another scope', async () => {
		const w = await world();
		await createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period: '2026-04', initiativeId: w.initiative.id }));
		const again = createStatusReport(w.people.admin, w.consortium.id, StatusReportInput.parse({ period: '2026-04', initiativeId: w.initiative.id }));
		await expect(again).rejects.toBeInstanceOf(CommandError);
		await expect(again).rejects.toMatchObject({ key: 'status_report_exists', field: 'period' });
		await createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period: '2026-04' }));
		await createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period: '2026-05' }));
		await expect(createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period: '2026-05' }))).rejects.toMatchObject({
			key: 'status_report_exists'
		});
	});

	it('answers bad input with a message key, never a failed statement', () => {
		const bad = StatusReportInput.safeParse({ period: '2026-13' });
		expect(bad.success).toBe(false);
		expect(fieldErrors(bad.error!, StatusReportInput)).toMatchObject({ period: { key: 'status_report_period_invalid' } });
		expect(StatusReportInput.safeParse({ period: '26-1' }).success).toBe(false);
		const update = StatusReportUpdate.safeParse({
			version: '1',
			summary: '',
			'rows.0.id': '00000000-0000-4000-8000-000000000000',
			'rows.0.light': 'blue'
		});
		expect(update.success).toBe(false);
		expect(fieldErrors(update.error!, StatusReportUpdate)).toMatchObject({ 'rows.0.light': { key: 'status_report_light_invalid' } });
	});
});

describe('status reports: the trend and the steering group’s queries', () => {
	it('shows each row’s light over the months, lists what was submitted since a date, and the initiatives whose latest report has a red row', async () => {
		const w = await world();
		const months = [
			['2025-10', ['green', 'green', 'green']],
			['2025-11', ['yellow', 'green', 'green']],
			['2025-12', ['red', 'yellow', 'green']]
		] as const;
		const ids: string[] = [];
		for (const [period, lights] of months) {
			const report = await createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period, initiativeId: w.initiative.id }));
			const saved = await fill(w, w.people.member, report.id, [...lights]);
			await submitStatusReport(w.people.member, w.consortium.id, report.id, saved.version);
			ids.push(report.id);
		}
		const own = await createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period: '2025-12' }));
		const ownSaved = await fill(w, w.people.member, own.id, ['green', 'red', 'green']);
		await submitStatusReport(w.people.member, w.consortium.id, own.id, ownSaved.version);
		const draft = await createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period: '2026-01', initiativeId: w.initiative.id }));
		await fill(w, w.people.member, draft.id, ['green', 'green', 'green']);

		const page = await statusReportPage(w.people.observer, w.consortium.id, ids[2]!);
		expect(page.trend.periods).toEqual(['2025-10', '2025-11', '2025-12']);
		expect(page.trend.rows.map((r) => [r.kind, r.lights])).toEqual([
			['budget', ['green', 'yellow', 'red']],
			['time', ['green', 'green', 'yellow']],
			['staff', ['green', 'green', 'green']]
		]);

		const [all, none, red] = await withUser(w.people.admin, async (tx) => [
			await submittedSince(tx, w.consortium.id, null),
			await submittedSince(tx, w.consortium.id, '2999-01-01'),
			await initiativesWithRedRow(tx, w.consortium.id)
		]);
		expect(all).toHaveLength(4);
		expect(none).toEqual([]);
		expect(all.find((r) => r.id === ids[2])).toMatchObject({ scopeTitle: 'Nattillsyn', initiativeId: w.initiative.id, period: '2025-12', hasRed: true });
		expect(all.find((r) => r.id === ids[0])).toMatchObject({ hasRed: false });
		expect(all.find((r) => r.id === own.id)).toMatchObject({ scopeTitle: w.consortium.name, initiativeId: null, hasRed: true });
		expect(all.some((r) => r.id === draft.id)).toBe(false);
		expect(red).toEqual([{ initiativeId: w.initiative.id, reportId: ids[2], redRows: ['budget'] }]);
		// The supplier's transaction sees none of it.
		const seen = await withUser(w.people.supplier, (tx) => submittedSince(tx, w.consortium.id, null));
		expect(seen).toEqual([]);
	});
});
