import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, decisionItems, documentVersions, tenderPackages } from '../db/schema';
import { recordIn } from '../decisions/commands';
import { createDocument, nameVersion } from '../documents/commands';
import { documentsWorld, typeInto } from '../documents/testing';
import { fieldName } from '../documents/state';
import { hasMessage } from '$lib/forms/messages';
import { CommandError, NotFound } from '../errors';
import { Forbidden } from '../policy';
import { buildTenderArchive, fixOfficeDates, referenceDate } from './archive';
import { produceTenderPackage, tenderInputIn } from './commands';
import type { TenderManifest } from './manifest';
import { reproduceTenderPackage, tenderArchive, tenderPackagesPage } from './queries';
import { TenderPackageInput } from './schemas';

useFreshDatabase();

const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The documents' world (Linköping, Norrköping, Motala; admin, member, observer, supplier, outsider;
 * two baselines) with a kravspecifikation on "Baslinje 1" whose version 1 is approved and version 2
 * only saved, an approved utvärderingsmodell, and an adopted decision recorded by the admin.
 */
async function world() {
	const w = await documentsWorld();
	const spec = await createDocument(w.people.admin, w.consortium.id, {
		kind: 'requirement_specification',
		title: 'Kravspecifikation nattillsyn',
		language: 'sv',
		baselineId: w.baselines.first.id
	});
	await typeInto(fieldName(spec.id, 'body'), w.consortium.id, 'Inledning till kravspecifikationen.');
	const approved = await nameVersion(w.people.admin, w.consortium.id, spec.id, { name: 'Remissversion', sendForApproval: false });
	const saved = await nameVersion(w.people.admin, w.consortium.id, spec.id, { name: 'Arbetsversion', sendForApproval: false });
	const model = await createDocument(w.people.admin, w.consortium.id, { kind: 'evaluation_model', title: 'Utvärderingsmodell', language: 'sv' });
	await typeInto(fieldName(model.id, 'body'), w.consortium.id, 'Pris 40 %, kvalitet 60 %. Se K-001.');
	const modelVersion = await nameVersion(w.people.admin, w.consortium.id, model.id, { name: 'Slutlig', sendForApproval: false });
	const decision = await asSystem(async (tx) => {
		const approvedAt = new Date('2026-03-02T09:00:00Z');
		for (const id of [approved.id, modelVersion.id])
			await tx.update(documentVersions).set({ status: 'approved', decidedAt: approvedAt }).where(eq(documentVersions.id, id));
		const [item] = await tx
			.insert(decisionItems)
			.values({
				consortiumId: w.consortium.id,
				title: 'Upphandlingsdokumenten för nattillsyn',
				proposal: 'Styrgruppen godkänner upphandlingsdokumenten.',
				level: 'steering_group',
				status: 'closed',
				result: 'adopted',
				deadline: new Date('2026-03-05T15:00:00Z'),
				openedAt: new Date('2026-03-01T08:00:00Z'),
				closedAt: new Date('2026-03-05T15:00:00Z')
			})
			.returning();
		return recordIn(tx, w.people.admin.id, item!, {
			registrationNumber: '',
			meetingParagraph: '',
			secret: false,
			communicated: false,
			supersedesId: undefined
		});
	});
	return { ...w, spec, model, approved, saved, modelVersion, decision };
}

const inputOf = (w: Awaited<ReturnType<typeof world>>, extra: Partial<TenderPackageInput> = {}): TenderPackageInput => ({
	baselineId: w.baselines.first.id,
	versionIds: [w.approved.id, w.modelVersion.id],
	decisionId: w.decision.id,
	...extra
});

async function sheetRows(bytes: Uint8Array): Promise<(string | number | null)[][]> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	const sheet = workbook.worksheets[0]!;
	const rows: (string | number | null)[][] = [];
	sheet.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)));
	return rows;
}

describe('producing a tender package', () => {
	it('refuses the supplier and outsiders as if nothing were there, and members and observers as forbidden', async () => {
		const w = await world();
		await expect(produceTenderPackage(w.people.supplier, w.consortium.id, inputOf(w))).rejects.toBeInstanceOf(NotFound);
		await expect(produceTenderPackage(w.people.outsider, w.consortium.id, inputOf(w))).rejects.toBeInstanceOf(NotFound);
		for (const who of [w.people.member, w.people.observer, w.people.linkoping])
			await expect(produceTenderPackage(who, w.consortium.id, inputOf(w))).rejects.toBeInstanceOf(Forbidden);
		await expect(tenderPackagesPage(w.people.supplier, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
	});

	it('refuses an unknown baseline, an unapproved or foreign version, two versions of one document and an unknown decision on their fields', async () => {
		const w = await world();
		const refusal = async (input: TenderPackageInput) => {
			const e = await produceTenderPackage(w.people.admin, w.consortium.id, input).catch((x: unknown) => x);
			expect(e).toBeInstanceOf(CommandError);
			return { key: (e as CommandError).key, field: (e as CommandError).field, status: (e as CommandError).status };
		};
		const unknown = '00000000-0000-4000-8000-000000000000';
		expect(await refusal(inputOf(w, { baselineId: unknown }))).toEqual({ key: 'invalid_choice', field: 'baselineId', status: 422 });
		expect(await refusal(inputOf(w, { versionIds: [w.saved.id] }))).toEqual({ key: 'tender_version_not_approved', field: 'versionIds', status: 422 });
		expect(await refusal(inputOf(w, { versionIds: [unknown] }))).toEqual({ key: 'invalid_choice', field: 'versionIds', status: 422 });
		await asSystem((tx) => tx.update(documentVersions).set({ status: 'approved' }).where(eq(documentVersions.id, w.saved.id)));
		expect(await refusal(inputOf(w, { versionIds: [w.approved.id, w.saved.id] }))).toEqual({
			key: 'tender_one_version_per_document',
			field: 'versionIds',
			status: 422
		});
		expect(await refusal(inputOf(w, { decisionId: unknown }))).toEqual({ key: 'invalid_choice', field: 'decisionId', status: 422 });
		expect(TenderPackageInput.safeParse({ baselineId: 'x', versionIds: 'nope' }).success).toBe(false);
		for (const key of ['invalid_choice', 'tender_version_not_approved', 'tender_one_version_per_document']) expect(hasMessage(key), key).toBe(true);
		expect(await asSystem((tx) => tx.select().from(tenderPackages))).toHaveLength(0);
	});

	it('archives the approved versions as Word and PDF, the requirements in every layout and ReqIF, and a manifest whose checksums hold', async () => {
		const w = await world();
		const row = await produceTenderPackage(w.people.admin, w.consortium.id, inputOf(w));
		expect(row.number).toBe(1);
		const { bytes, fileName } = await tenderArchive(w.people.member, w.consortium.id, 1);
		expect(fileName).toBe('UD-1 Baslinje 1.zip');
		expect(hash(bytes)).toBe(row.sha256);
		const zip = await JSZip.loadAsync(bytes);
		const names = Object.keys(zip.files);
		expect(names.slice(0, 2)).toEqual(['manifest.json', 'manifest.txt']);
		expect(names).toContain('dokument/01 Kravspecifikation nattillsyn v1.docx');
		expect(names).toContain('dokument/01 Kravspecifikation nattillsyn v1.pdf');
		expect(names).toContain('dokument/02 Utvärderingsmodell v1.pdf');
		expect(names).toEqual(
			expect.arrayContaining([
				'krav/Baslinje 1.xlsx',
				'krav/Baslinje 1.reqif',
				'krav/krav-visma-tendsign.xlsx',
				'krav/krav-mercell.xlsx',
				'krav/krav-e-avrop.xlsx'
			])
		);

		const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as TenderManifest;
		expect(manifest).toEqual(row.manifest);
		expect(manifest.number).toBe('UD-1');
		expect(manifest.decision).toMatchObject({ id: w.decision.id, number: w.decision.number, title: 'Upphandlingsdokumenten för nattillsyn' });
		expect(manifest.baseline).toMatchObject({ id: w.baselines.first.id, name: 'Baslinje 1', requirementCount: 2 });
		expect(manifest.documents.map((d) => [d.title, d.version, d.versionName, d.status])).toEqual([
			['Kravspecifikation nattillsyn', 1, 'Remissversion', 'approved'],
			['Utvärderingsmodell', 1, 'Slutlig', 'approved']
		]);
		expect(manifest.producedBy).toEqual({ id: w.people.admin.id, name: 'Karin Kansli' });
		expect(manifest.madeAt).toBe(w.decision.recordedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'));
		expect(manifest.files).toHaveLength(names.length - 1);
		for (const file of manifest.files) {
			const content = await zip.file(file.path)!.async('uint8array');
			expect([file.path, hash(content), content.byteLength]).toEqual([file.path, file.sha256, file.bytes]);
		}
		const text = await zip.file('manifest.txt')!.async('string');
		expect(text).toContain('UD-1');
		expect(text).toContain(manifest.files[0]!.sha256);

		const tendsign = await sheetRows(await zip.file('krav/krav-visma-tendsign.xlsx')!.async('uint8array'));
		expect(tendsign[0]).toEqual(['Nummer', 'Rubrik', 'Kravtext', 'Typ', 'Viktning', 'Svarstyp', 'Kategori']);
		expect(tendsign.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
			['K-001', 'Larm vid uppvaknande', 'Skallkrav'],
			['K-002', 'Tillgänglighet 99,5 %', 'Skallkrav']
		]);
		const mercell = await sheetRows(await zip.file('krav/krav-mercell.xlsx')!.async('uint8array'));
		expect(mercell[0]).toEqual(['Krav-ID', 'Kravgrupp', 'Kravrubrik', 'Kravbeskrivning', 'Obligatoriskt', 'Vikt', 'Svarsformat', 'Verifiering']);
		expect(mercell[1]?.[4]).toBe('Ja');
		const avrop = await sheetRows(await zip.file('krav/krav-e-avrop.xlsx')!.async('uint8array'));
		expect(avrop[2]?.slice(0, 5)).toEqual(['K-002', expect.any(String), 'Tillgänglighet 99,5 %', 'Tillgänglighet 99,5 %: text', 'Skakrav']);
		const reqif = await zip.file('krav/Baslinje 1.reqif')!.async('string');
		expect(reqif).toContain('Larm vid uppvaknande');
		expect(reqif).toContain(`CREATION-TIME>${w.decision.recordedAt.toISOString()}`);
		const docx = await JSZip.loadAsync(await zip.file('dokument/01 Kravspecifikation nattillsyn v1.docx')!.async('uint8array'));
		expect(await docx.file('word/document.xml')!.async('string')).toContain('Inledning till kravspecifikationen.');

		const [audit] = await asSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'tender_package.produced')));
		expect(audit).toMatchObject({ entityId: row.id, actorId: w.people.admin.id });
	});

	it('makes byte-identical files and archive from the same input, whatever the clock says', async () => {
		const w = await world();
		const row = await produceTenderPackage(w.people.admin, w.consortium.id, inputOf(w));
		const input = await withUser(w.people.admin, (tx) =>
			tenderInputIn(tx, w.people.admin, w.consortium.id, inputOf(w), 1, { id: w.people.admin.id, name: 'Karin Kansli' })
		);
		const again = await buildTenderArchive(input);
		await new Promise((r) => setTimeout(r, 1100)); // a second later: any clock reading would show
		const third = await buildTenderArchive(input);
		expect(hash(again.archive)).toBe(row.sha256);
		expect(hash(third.archive)).toBe(row.sha256);
		expect(third.manifest.files.map((f) => f.sha256)).toEqual(row.manifest.files.map((f) => f.sha256));
		expect(await reproduceTenderPackage(w.people.member, w.consortium.id, 1)).toEqual({ same: true, sha256: row.sha256 });

		// A second package of the same inputs differs only in its number (in the manifest); every other file is the same.
		const second = await produceTenderPackage(w.people.admin, w.consortium.id, inputOf(w));
		expect(second.manifest.number).toBe('UD-2');
		expect(second.manifest.files.filter((f) => f.role !== 'manifest')).toEqual(row.manifest.files.filter((f) => f.role !== 'manifest'));

		// Every entry of the archive and of each Office file carries the package's date, not now.
		const date = referenceDate(input);
		const zip = await JSZip.loadAsync(third.archive);
		for (const entry of Object.values(zip.files)) expect(Math.abs(entry.date.getTime() - date.getTime())).toBeLessThan(2000); // DOS dates: two-second steps
		const core = await (await JSZip.loadAsync(await zip.file('krav/krav-mercell.xlsx')!.async('uint8array'))).file('docProps/core.xml')!.async('string');
		expect(core).toContain(`${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}</dcterms:created>`);
		expect(core).toContain(`${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}</dcterms:modified>`);
		expect(await fixOfficeDates(await zip.file('krav/krav-mercell.xlsx')!.async('uint8array'), date)).toEqual(
			await zip.file('krav/krav-mercell.xlsx')!.async('uint8array')
		);
	});

	it('a draft package without a decision takes the newest of the baseline and the approvals as its date', async () => {
		const w = await world();
		const row = await produceTenderPackage(w.people.admin, w.consortium.id, inputOf(w, { decisionId: undefined, versionIds: [w.modelVersion.id] }));
		expect(row.decisionId).toBeNull();
		expect(row.manifest.decision).toBeNull();
		const baselineAt = w.baselines.first.createdAt.getTime();
		expect(new Date(row.manifest.madeAt).getTime()).toBe(Math.floor(Math.max(baselineAt, Date.parse('2026-03-02T09:00:00Z')) / 1000) * 1000);
	});
});

describe('row-level security on tender packages', () => {
	it('lets internal members read, lets nobody change or remove, and shows the supplier nothing', async () => {
		const w = await world();
		const row = await produceTenderPackage(w.people.admin, w.consortium.id, inputOf(w));
		const count = (who: { id: string; isOperator: boolean }) =>
			withUser(who, async (tx) => ({ n: (await tx.select({ id: tenderPackages.id }).from(tenderPackages)).length }));
		expect((await count(w.people.observer)).n).toBe(1);
		expect((await count(w.people.supplier)).n).toBe(0);
		expect((await count(w.people.outsider)).n).toBe(0);
		await expect(tenderArchive(w.people.supplier, w.consortium.id, 1)).rejects.toBeInstanceOf(NotFound);
		await expect(
			withUser(w.people.admin, (tx) => tx.execute(sql`update tender_packages set sha256 = ${'0'.repeat(64)} where id = ${row.id}`))
		).rejects.toThrow();
		await expect(withUser(w.people.admin, (tx) => tx.execute(sql`delete from tender_packages where id = ${row.id}`))).rejects.toThrow();
		// A member cannot insert one directly either (only admins, as themselves).
		await expect(
			withUser(w.people.member, (tx) =>
				tx.insert(tenderPackages).values({
					consortiumId: w.consortium.id,
					number: 9,
					baselineId: w.baselines.first.id,
					manifest: row.manifest,
					archive: new Uint8Array([1]),
					sha256: '0'.repeat(64),
					byteSize: 1,
					createdBy: w.people.member.id
				})
			)
		).rejects.toThrow();
		const page = await tenderPackagesPage(w.people.member, w.consortium.id);
		expect(page.canProduce).toBe(false);
		expect(page.choices).toBeNull();
		expect(page.packages.map((p) => p.label)).toEqual(['UD-1']);
	});
});
