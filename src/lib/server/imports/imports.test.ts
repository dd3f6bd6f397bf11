import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, needs, pendingImports, requirementOrganisations, requirements } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildRequirement, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { NotFound } from '../errors';
import { confirmImport, discardImport, previewImport, type Upload } from './commands';
import { getPendingImport } from './queries';
import { MAX_IMPORT_BYTES } from './parse';

useFreshDatabase();

type Person = { id: string; isOperator: boolean };

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const ydre = await buildOrganisation(tx, consortium.id, { name: 'Ydre' });
		const kinda = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as Record<Role | 'outsider', Person>;
		for (const role of ['admin', 'representative', 'member', 'observer', 'supplier'] as const) {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId: role === 'supplier' ? supplierOrg.id : ydre.id, role });
			people[role] = { id: user.id, isOperator: false };
		}
		const outsider = await buildUser(tx);
		await buildMembership(tx, { consortiumId: other.id, userId: outsider.id, organisationId: (await buildOrganisation(tx, other.id)).id, role: 'admin' });
		people.outsider = { id: outsider.id, isOperator: false };
		return { consortium, people, ydre, kinda };
	});
}

const csv = (text: string, over: Partial<Upload> = {}): Upload => ({
	kind: 'requirements',
	encoding: 'utf-8',
	fileName: 'krav.csv',
	bytes: new TextEncoder().encode(text),
	...over
});

const requirementsCsv = [
	'Titel;Kravtext;Kravnivå;Vikt;Kravtyp;Omfattning;Kommuner (lokalt krav)',
	'Larm vid uppstigning;Sensorn ska larma.;Ska-krav;;Funktionskrav;;',
	';Saknar titel;;;;;',
	'Läkemedelsautomat;Ska påminna.;Bör-krav;10;Generellt krav;Lokalt;Ydre, Kinda',
	'Fel nivå;;Kanske;;;;'
].join('\r\n');

async function countsIn(consortiumId: string) {
	return asSystem(async (tx) => ({
		requirements: (await tx.select().from(requirements).where(eq(requirements.consortiumId, consortiumId))).length,
		needs: (await tx.select().from(needs).where(eq(needs.consortiumId, consortiumId))).length
	}));
}

describe('who may import', () => {
	it('refuses outsiders, the supplier and the observer before reading the file', async () => {
		const { consortium, people } = await world();
		await expect(previewImport(people.outsider, consortium.id, csv(requirementsCsv))).rejects.toBeInstanceOf(NotFound);
		for (const who of [people.supplier, people.observer]) {
			await expect(previewImport(who, consortium.id, csv(requirementsCsv))).rejects.toBeInstanceOf(Forbidden);
		}
		expect(await asSystem((tx) => tx.select().from(pendingImports).where(eq(pendingImports.consortiumId, consortium.id)))).toEqual([]);
	});

	it('keeps a preview private to its uploader: others neither see nor confirm it', async () => {
		const { consortium, people } = await world();
		const preview = await previewImport(people.member, consortium.id, csv(requirementsCsv));
		if (!preview.ok) throw new Error('expected a preview');
		await expect(getPendingImport(people.admin, consortium.id, preview.id)).rejects.toBeInstanceOf(NotFound);
		await expect(confirmImport(people.admin, consortium.id, preview.id)).rejects.toBeInstanceOf(NotFound);
		await expect(confirmImport(people.observer, consortium.id, preview.id)).rejects.toBeInstanceOf(Forbidden);
		const seenByAdmin = await withUser(people.admin, (tx) => tx.select().from(pendingImports));
		expect(seenByAdmin).toEqual([]);
		expect(await countsIn(consortium.id)).toEqual({ requirements: 0, needs: 0 });
	});
});

describe('refused files', () => {
	it('leave nothing behind: wrong encoding, oversized, not a spreadsheet, no title column', async () => {
		const { consortium, people } = await world();
		const latin1 = Uint8Array.from([...'Titel\r\nLäkemedel\r\n'].map((c) => c.charCodeAt(0)));
		const cases: [Upload, string][] = [
			[csv('', { bytes: latin1 }), 'invalid_utf8'],
			[csv('', { bytes: new Uint8Array(MAX_IMPORT_BYTES + 10).fill(65) }), 'too_large'],
			[csv('', { bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), fileName: 'krav.xls' }), 'unsupported_format'],
			[csv('Namn;Text\r\nA;B\r\n'), 'missing_columns'],
			[csv('Titel\r\n'), 'no_rows']
		];
		for (const [upload, code] of cases) {
			const result = await previewImport(people.member, consortium.id, upload);
			expect(result).toMatchObject({ ok: false, refusal: { code } });
		}
		expect(await asSystem((tx) => tx.select().from(pendingImports).where(eq(pendingImports.consortiumId, consortium.id)))).toEqual([]);
		expect(await countsIn(consortium.id)).toEqual({ requirements: 0, needs: 0 });
	});
});

describe('preview and confirm', () => {
	it('writes nothing at preview; the confirmation writes only the valid rows, numbered, in one audited step', async () => {
		const { consortium, people, ydre, kinda } = await world();
		await asSystem((tx) => buildRequirement(tx, consortium.id, { title: 'Befintligt' })); // K-001 exists
		const preview = await previewImport(people.member, consortium.id, csv(requirementsCsv));
		if (!preview.ok) throw new Error('expected a preview');
		expect(await countsIn(consortium.id)).toEqual({ requirements: 1, needs: 0 });

		const report = await getPendingImport(people.member, consortium.id, preview.id);
		expect(report).toMatchObject({ validCount: 2, invalidCount: 2, format: 'csv' });
		expect(report.rows.map((r) => [r.line, r.errors])).toEqual([
			[2, []],
			[3, [{ column: 'title', code: 'required' }]],
			[4, []],
			[5, [{ column: 'obligation', code: 'invalid_choice' }]]
		]);

		const result = await confirmImport(people.member, consortium.id, preview.id);
		expect(result).toEqual({ kind: 'requirements', created: 2 });
		const rows = await asSystem((tx) => tx.select().from(requirements).where(eq(requirements.consortiumId, consortium.id)).orderBy(requirements.number));
		expect(rows.map((r) => [r.identifier, r.title, r.status, r.obligation, r.weight])).toEqual([
			['K-001', 'Befintligt', 'draft', 'mandatory', null],
			['K-002', 'Larm vid uppstigning', 'draft', 'mandatory', null],
			['K-003', 'Läkemedelsautomat', 'draft', 'criterion', 10]
		]);
		const places = await asSystem((tx) => tx.select().from(requirementOrganisations).where(eq(requirementOrganisations.requirementId, rows[2]!.id)));
		expect(places.map((p) => p.organisationId).sort()).toEqual([ydre.id, kinda.id].sort());
		const audit = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.consortiumId, consortium.id), eq(auditLog.action, 'requirements.imported')))
		);
		expect(audit).toHaveLength(1);
		expect((audit[0]!.after as { created: unknown[] }).created).toHaveLength(2);

		// a second confirmation (a double click) writes nothing more
		await expect(confirmImport(people.member, consortium.id, preview.id)).rejects.toBeInstanceOf(NotFound);
		expect((await countsIn(consortium.id)).requirements).toBe(3);
	});

	it('imports needs, and a failing confirmation rolls back completely', async () => {
		const { consortium, people, kinda } = await world();
		const upload = csv('Titel;Källa;Fångat av;Datum\r\nNattillsyn;Workshop;Kinda;2026-03-01\r\nMedicinskåp;Enkät;;\r\n', {
			kind: 'needs',
			fileName: 'behov.csv'
		});
		const preview = await previewImport(people.representative, consortium.id, upload);
		if (!preview.ok) throw new Error('expected a preview');

		// the organisation a row names disappears before the confirmation: nothing is written
		await asSystem((tx) => tx.delete(requirementOrganisations).where(eq(requirementOrganisations.organisationId, kinda.id)));
		const { organisations } = await import('../db/schema');
		await asSystem((tx) => tx.delete(organisations).where(eq(organisations.id, kinda.id)));
		await expect(confirmImport(people.representative, consortium.id, preview.id)).rejects.toMatchObject({ key: 'import_stale' });
		expect(await countsIn(consortium.id)).toEqual({ requirements: 0, needs: 0 });

		const again = await previewImport(people.representative, consortium.id, upload);
		if (!again.ok) throw new Error('expected a preview');
		const report = await getPendingImport(people.representative, consortium.id, again.id);
		expect(report.rows[0]!.errors).toEqual([{ column: 'capturedBy', code: 'unknown_organisation' }]);
		expect(await confirmImport(people.representative, consortium.id, again.id)).toEqual({ kind: 'needs', created: 1 });
		const written = await asSystem((tx) => tx.select().from(needs).where(eq(needs.consortiumId, consortium.id)));
		expect(written.map((n) => [n.title, n.source])).toEqual([['Medicinskåp', 'survey']]);
	});

	it('discards a preview without writing anything', async () => {
		const { consortium, people } = await world();
		const preview = await previewImport(people.admin, consortium.id, csv(requirementsCsv));
		if (!preview.ok) throw new Error('expected a preview');
		await discardImport(people.admin, consortium.id, preview.id);
		await expect(getPendingImport(people.admin, consortium.id, preview.id)).rejects.toBeInstanceOf(NotFound);
		expect(await countsIn(consortium.id)).toEqual({ requirements: 0, needs: 0 });
	});
});
