import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, memberships, pendingImports, technologies, technologyStatuses } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { NotFound } from '../errors';
import { confirmImport, discardImport } from '../imports/commands';
import { getPendingImport } from '../imports/queries';
import { createCategoryIn, createTechnologyIn, setStatusIn } from './commands';
import {
	confirmPortfolioImport,
	discardPortfolioImport,
	getPortfolioImport,
	portfolioImportScope,
	previewPortfolioImport,
	type PortfolioUpload
} from './import';
import { StatusInput } from './schemas';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };

/** Finspång, Kinda and Linköping with the convenor's admin, Finspång's representative, member and observer, the supplier and an outsider; three technologies. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const finspang = await buildOrganisation(tx, consortium.id, { name: 'Finspång' });
		const kinda = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const linkoping = await buildOrganisation(tx, consortium.id, { name: 'Linköping' });
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
		await add('outsider', (await buildOrganisation(tx, other.id, { name: 'Ydre' })).id, 'admin', other.id);
		const category = await createCategoryIn(tx, consortium.id, null, 'Trygghet');
		const technology = (name: string, aliases: string[]) =>
			createTechnologyIn(tx, consortium.id, null, { categoryId: category.id, name, description: '', aliases });
		const dispenser = await technology('Läkemedelsautomat', ['medicinrobot', 'läkemedelsrobot']);
		const gps = await technology('GPS-larm', ['GPS', 'positioneringslarm']);
		const robot = await technology('Dosrobot', []);
		return { consortium, finspang, kinda, linkoping, people, dispenser, gps, robot };
	});
}
type World = Awaited<ReturnType<typeof world>>;

const csv = (lines: string[], over: Partial<PortfolioUpload> = {}): PortfolioUpload => ({
	encoding: 'utf-8',
	fileName: 'statusar.csv',
	bytes: new TextEncoder().encode(lines.join('\r\n')),
	...over
});

const swedishFile = csv([
	'Kommun;Teknik;Status;År;Leverantör;Avtalsslut;Avsikt;Anteckning',
	'Finspång;läkemedelsautomat;används;2019;Acme;2027-03-31;vill göra tillsammans;Hemtjänsten',
	'Kinda;medicinrobot;pilot;2024;;;gör själva;',
	'linkoping;gps;planeras;2027;;;vet ej;',
	'Boxholm;GPS;planeras;2027;;;;',
	'Kinda;Teleportör;används;;;;;',
	'Finspång;Dosrobot;kanske;;;;;',
	'Kinda;Dosrobot;planeras;20270;;;;',
	'Kansliet;GPS;används;;;;;'
]);

async function statusRows(consortiumId: string) {
	return asSystem((tx) => tx.select().from(technologyStatuses).where(eq(technologyStatuses.consortiumId, consortiumId)));
}

async function preview(who: Who, w: World, upload: PortfolioUpload): Promise<string> {
	const result = await previewPortfolioImport(who, w.consortium.id, upload);
	if (!result.ok) throw new Error(`expected a preview, got ${result.refusal.code}`);
	return result.id;
}

describe('who may import statuses', () => {
	it('gives the supplier and outsiders 404 and refuses the observer, before reading the file; nothing is kept', async () => {
		const w = await world();
		for (const who of [w.people.supplier, w.people.outsider]) {
			await expect(portfolioImportScope(who, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
			await expect(previewPortfolioImport(who, w.consortium.id, swedishFile)).rejects.toBeInstanceOf(NotFound);
		}
		await expect(portfolioImportScope(w.people.observer, w.consortium.id)).rejects.toBeInstanceOf(Forbidden);
		await expect(previewPortfolioImport(w.people.observer, w.consortium.id, swedishFile)).rejects.toBeInstanceOf(Forbidden);
		expect(await asSystem((tx) => tx.select().from(pendingImports).where(eq(pendingImports.consortiumId, w.consortium.id)))).toEqual([]);

		const id = await preview(w.people.admin, w, swedishFile);
		for (const who of [w.people.supplier, w.people.outsider]) {
			await expect(getPortfolioImport(who, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
			await expect(confirmPortfolioImport(who, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
			await expect(discardPortfolioImport(who, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
		}
		expect(await statusRows(w.consortium.id)).toEqual([]);
	});

	it('keeps a preview private to its uploader, and out of the requirements import', async () => {
		const w = await world();
		const id = await preview(w.people.member, w, swedishFile);
		await expect(getPortfolioImport(w.people.admin, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
		await expect(confirmPortfolioImport(w.people.admin, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
		await expect(getPendingImport(w.people.member, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
		await expect(confirmImport(w.people.member, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
		await expect(discardImport(w.people.member, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
		expect(await withUser(w.people.admin, (tx) => tx.select().from(pendingImports))).toEqual([]);
		expect(await statusRows(w.consortium.id)).toEqual([]);
	});

	it('tells the upload page whether the person imports for every municipality or for their own', async () => {
		const w = await world();
		expect(await portfolioImportScope(w.people.admin, w.consortium.id)).toEqual({ all: true });
		expect(await portfolioImportScope(w.people.member, w.consortium.id)).toEqual({ all: false, organisation: 'Finspång' });
	});
});

describe('the preview', () => {
	it('matches technologies by name or alias and shows the term, and reports unknown municipalities, technologies, statuses and years per row, writing nothing', async () => {
		const w = await world();
		const id = await preview(w.people.admin, w, swedishFile);
		const report = await getPortfolioImport(w.people.admin, w.consortium.id, id);
		expect(report).toMatchObject({ validCount: 3, invalidCount: 5, ignoredColumns: [], confirmed: false });
		expect(report.valid.map((r) => [r.line, r.cells.technology, r.technology, r.municipality?.name])).toEqual([
			[2, 'läkemedelsautomat', { id: w.dispenser.id, name: 'Läkemedelsautomat', term: 'Läkemedelsautomat', level: 'exact' }, 'Finspång'],
			[3, 'medicinrobot', { id: w.dispenser.id, name: 'Läkemedelsautomat', term: 'medicinrobot', level: 'exact' }, 'Kinda'],
			[4, 'gps', { id: w.gps.id, name: 'GPS-larm', term: 'GPS', level: 'exact' }, 'Linköping']
		]);
		expect(report.valid[0]).toMatchObject({
			input: { status: 'in_use', sinceYear: 2019, supplier: 'Acme', contractEnd: '2027-03-31', intent: 'together', note: 'Hemtjänsten' },
			before: null,
			after: { status: 'in_use', sinceYear: 2019, plannedYear: null }
		});
		expect(report.valid[1]?.input).toMatchObject({ status: 'pilot', sinceYear: 2024, intent: 'alone' });
		expect(report.valid[2]?.input).toMatchObject({ status: 'planned', plannedYear: 2027, intent: 'unknown' });
		expect(report.invalid.map((r) => [r.line, r.errors])).toEqual([
			[5, [{ column: 'municipality', code: 'unknown_municipality' }]],
			[6, [{ column: 'technology', code: 'unknown_technology' }]],
			[7, [{ column: 'status', code: 'invalid_status' }]],
			[8, [{ column: 'year', code: 'invalid_year', params: { min: '1950', max: '2100' } }]],
			[9, [{ column: 'municipality', code: 'unknown_municipality' }]]
		]);
		expect(await statusRows(w.consortium.id)).toEqual([]);
		const audit = await asSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, id)));
		expect(audit).toMatchObject([{ action: 'import.previewed', actorId: w.people.admin.id }]);
	});

	it('reads English headings and words, comma-separated, and refuses a repeated municipality and technology', async () => {
		const w = await world();
		const id = await preview(
			w.people.admin,
			w,
			csv([
				'Municipality,Technology,Status,Year,Intent,Owner',
				'Kinda,Medication robot,In use,,,x',
				'Kinda,medicinrobot,not relevant,,Don’t know,x',
				'Kinda,positioneringslarm,In procurement,2028,Wants to do it together,x',
				'KINDA,Läkemedelsautomat,Discontinued,2020,,x'
			])
		);
		const report = await getPortfolioImport(w.people.admin, w.consortium.id, id);
		expect(report.ignoredColumns).toEqual(['Owner']);
		expect(report.valid.map((r) => [r.line, r.input.status, r.input.intent, r.technology?.term])).toEqual([
			[3, 'not_relevant', 'unknown', 'medicinrobot'],
			[4, 'in_procurement', 'together', 'positioneringslarm']
		]);
		expect(report.invalid.map((r) => [r.line, r.errors])).toEqual([
			[2, [{ column: 'technology', code: 'unknown_technology' }]],
			[5, [{ column: 'row', code: 'duplicate', params: { line: '3' } }]]
		]);
	});

	it('reads an Excel workbook: a year as a number and a contract end as a date cell', async () => {
		const w = await world();
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Statusar');
		sheet.addRow(['Kommun', 'Teknik', 'Status', 'År', 'Avtalsslut']);
		sheet.addRow(['Kinda', 'Läkemedelsrobot', 'I bruk', 2018, new Date(Date.UTC(2027, 5, 30))]);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const id = await preview(w.people.admin, w, { encoding: 'utf-8', fileName: 'statusar.xlsx', bytes });
		const report = await getPortfolioImport(w.people.admin, w.consortium.id, id);
		expect(report.valid).toMatchObject([
			{ technology: { name: 'Läkemedelsautomat', term: 'läkemedelsrobot' }, input: { status: 'in_use', sinceYear: 2018, contractEnd: '2027-06-30' } }
		]);
	});

	it('refuses a file without the status column whole, naming it', async () => {
		const w = await world();
		const result = await previewPortfolioImport(w.people.admin, w.consortium.id, csv(['Kommun;Teknik', 'Kinda;GPS']));
		expect(result).toEqual({ ok: false, refusal: { code: 'missing_columns', columns: ['Status'] } });
		expect(await asSystem((tx) => tx.select().from(pendingImports).where(eq(pendingImports.consortiumId, w.consortium.id)))).toEqual([]);
	});
});

describe('confirming', () => {
	it('writes every valid row in one go, each audited as a status set, then cannot be confirmed again', async () => {
		const w = await world();
		const id = await preview(w.people.admin, w, swedishFile);
		expect(await confirmPortfolioImport(w.people.admin, w.consortium.id, id)).toEqual({ imported: 3 });
		const rows = await statusRows(w.consortium.id);
		expect(rows).toHaveLength(3);
		expect(rows.find((r) => r.organisationId === w.finspang.id)).toMatchObject({
			technologyId: w.dispenser.id,
			status: 'in_use',
			sinceYear: 2019,
			supplier: 'Acme',
			contractEnd: '2027-03-31',
			intent: 'together',
			note: 'Hemtjänsten',
			updatedBy: w.people.admin.id
		});
		expect(rows.find((r) => r.organisationId === w.linkoping.id)).toMatchObject({ technologyId: w.gps.id, status: 'planned', plannedYear: 2027 });
		const audit = await asSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.consortiumId, w.consortium.id)));
		expect(audit.filter((a) => a.action === 'portfolio.status_set')).toHaveLength(3);
		expect(audit.filter((a) => a.action === 'portfolio.imported')).toMatchObject([{ entityId: id, after: { imported: 3, skippedRows: 5 } }]);
		await expect(confirmPortfolioImport(w.people.admin, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
		expect((await getPortfolioImport(w.people.admin, w.consortium.id, id)).confirmed).toBe(true);
	});

	it('keeps what the file has no column for, and shows the cell before and after in the preview', async () => {
		const w = await world();
		await asSystem((tx) =>
			setStatusIn(
				tx,
				w.consortium.id,
				null,
				StatusInput.parse({
					technologyId: w.gps.id,
					organisationId: w.kinda.id,
					status: 'planned',
					plannedYear: '2026',
					supplier: 'Tele',
					contractEnd: '2028-01-31',
					intent: 'together',
					note: 'Från enkäten'
				})
			)
		);
		const id = await preview(w.people.admin, w, csv(['Kommun;Teknik;Status;Anteckning', 'Kinda;GPS;upphandlas;']));
		const [row] = (await getPortfolioImport(w.people.admin, w.consortium.id, id)).valid;
		expect(row).toMatchObject({
			before: { status: 'planned', plannedYear: 2026 },
			after: { status: 'in_procurement', plannedYear: 2026 }
		});
		await confirmPortfolioImport(w.people.admin, w.consortium.id, id);
		const [kept] = await statusRows(w.consortium.id);
		expect(kept).toMatchObject({ status: 'in_procurement', plannedYear: 2026, supplier: 'Tele', contractEnd: '2028-01-31', intent: 'together', note: '' });
	});

	it('lets a member import their own municipality’s rows only: another municipality’s row is refused and not written', async () => {
		const w = await world();
		const id = await preview(w.people.member, w, csv(['Kommun;Teknik;Status;År', 'Finspång;medicinrobot;pilot;2025', 'Kinda;GPS;används;2020']));
		const report = await getPortfolioImport(w.people.member, w.consortium.id, id);
		expect(report.valid.map((r) => r.municipality?.name)).toEqual(['Finspång']);
		expect(report.invalid).toMatchObject([{ line: 3, municipality: { name: 'Kinda' }, errors: [{ column: 'municipality', code: 'not_own_municipality' }] }]);
		expect(await confirmPortfolioImport(w.people.member, w.consortium.id, id)).toEqual({ imported: 1 });
		expect(await statusRows(w.consortium.id)).toMatchObject([
			{ organisationId: w.finspang.id, technologyId: w.dispenser.id, status: 'pilot', sinceYear: 2025, updatedBy: w.people.member.id }
		]);
	});

	it('asks the policy again on confirming: an admin demoted to member since the preview writes nothing', async () => {
		const w = await world();
		const id = await preview(w.people.admin, w, csv(['Kommun;Teknik;Status', 'Kinda;GPS;används', 'Linköping;Dosrobot;utreds']));
		await asSystem((tx) =>
			tx
				.update(memberships)
				.set({ role: 'member' })
				.where(and(eq(memberships.userId, w.people.admin.id), eq(memberships.consortiumId, w.consortium.id)))
		);
		await expect(confirmPortfolioImport(w.people.admin, w.consortium.id, id)).rejects.toMatchObject({ key: 'portfolio_not_own_organisation' });
		expect(await statusRows(w.consortium.id)).toEqual([]);
	});

	it('writes nothing, not even the rows still valid, when a technology was removed since the preview', async () => {
		const w = await world();
		const id = await preview(w.people.admin, w, csv(['Kommun;Teknik;Status', 'Finspång;GPS;används', 'Kinda;Dosrobot;planeras']));
		await asSystem((tx) => tx.delete(technologies).where(eq(technologies.id, w.robot.id)));
		await expect(confirmPortfolioImport(w.people.admin, w.consortium.id, id)).rejects.toMatchObject({ key: 'portfolio_import_stale', status: 409 });
		expect(await statusRows(w.consortium.id)).toEqual([]);
		expect((await getPortfolioImport(w.people.admin, w.consortium.id, id)).confirmed).toBe(false);
		const audit = await asSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.consortiumId, w.consortium.id)));
		expect(audit.filter((a) => a.action === 'portfolio.status_set' || a.action === 'portfolio.imported')).toEqual([]);
	});

	it('discards a preview without writing anything', async () => {
		const w = await world();
		const id = await preview(w.people.admin, w, swedishFile);
		await discardPortfolioImport(w.people.admin, w.consortium.id, id);
		await expect(getPortfolioImport(w.people.admin, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
		await expect(confirmPortfolioImport(w.people.admin, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
		expect(await statusRows(w.consortium.id)).toEqual([]);
	});
});
