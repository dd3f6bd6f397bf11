import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expectAccessible } from './support/axe';
import { as, expectNoSidewaysScroll } from './support/pages';
import { hydrated } from './support/session';

const base = '/c/ostergotland/documents/tender';

/** A signed-in person in Swedish (a spec before this one may have left the shared account in English). */
async function person(browser: Browser, email: string): Promise<Page> {
	const page = await as(browser, email);
	await page.request.post('/locale', { form: { locale: 'sv', redirectTo: '/' }, headers: { origin: new URL(page.url()).origin } });
	return page;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('a tender package: the admin is refused without a baseline, produces one from the baseline, an approved version and a decision, and downloads an archive whose manifest and Excel files hold; a member may only read, the supplier finds nothing', async ({
	browser
}) => {
	const admin = await person(browser, 'admin@samsyn.demo');
	await admin.goto('/c/ostergotland/documents');
	await admin.getByRole('link', { name: /Upphandlingsdokument/ }).click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Upphandlingsdokument' })).toBeVisible();
	await hydrated(admin);
	// The demo's own package is listed with its files and checksums.
	await expect(admin.getByRole('heading', { level: 3, name: /^UD-1 – / })).toBeVisible();
	await expect(admin.getByRole('table', { name: 'Filer i UD-1' })).toBeVisible();
	await expectAccessible(admin);

	// Without a baseline the form is refused beside the field, and focus goes there.
	const form = admin.locator('form[action="?/produce"]');
	await form.getByRole('group', { name: 'Godkända dokumentversioner att ta med' }).getByRole('checkbox').first().check();
	await admin.getByRole('button', { name: 'Ta fram paketet' }).click();
	await expect(form.getByLabel('Baslinje')).toBeFocused();
	await expect(form.getByLabel('Baslinje')).toHaveAccessibleDescription(/./);
	await expectAccessible(admin);

	// With a baseline, the checked approved version and the newest decision, the package is produced.
	await form.getByLabel('Baslinje').selectOption({ index: 1 });
	await form.getByRole('group', { name: 'Godkända dokumentversioner att ta med' }).getByRole('checkbox').first().check();
	await form.getByLabel('Beslut', { exact: true }).selectOption({ index: 1 });
	await admin.getByRole('button', { name: 'Ta fram paketet' }).click();
	const done = admin.getByRole('status').filter({ hasText: /UD-\d+ är framtaget\./ });
	await expect(done).toBeFocused();
	const label = /UD-\d+/.exec((await done.textContent()) ?? '')![0];
	await expect(admin.getByRole('heading', { level: 3, name: new RegExp(`^${label} – `) })).toBeVisible();
	await expectAccessible(admin);

	// The download is the stored archive: its manifest lists every file with a checksum that holds.
	const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: new RegExp(`^Ladda ner ${label}\\b`) }).click()]);
	expect(download.suggestedFilename()).toMatch(new RegExp(`^${label} .+\\.zip$`));
	const archive = new Uint8Array(readFileSync((await download.path())!));
	await expect(
		admin
			.getByRole('article')
			.filter({ has: admin.getByRole('heading', { name: new RegExp(`^${label} – `) }) })
			.locator('dd code')
	).toHaveText(sha256(archive));
	const zip = await JSZip.loadAsync(archive);
	const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
		number: string;
		decision: { number: string } | null;
		documents: { status: string }[];
		files: { path: string; sha256: string; bytes: number }[];
	};
	expect(manifest.number).toBe(label);
	expect(manifest.decision).not.toBeNull();
	expect(manifest.documents).toHaveLength(1);
	expect(manifest.documents[0]!.status).toBe('approved');
	for (const file of manifest.files) {
		const content = await zip.file(file.path)!.async('uint8array');
		expect([file.path, sha256(content), content.byteLength]).toEqual([file.path, file.sha256, file.bytes]);
	}
	expect(manifest.files.filter((f) => f.path.startsWith('dokument/')).map((f) => f.path.split('.').pop())).toEqual(['docx', 'pdf']);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await zip.file('krav/krav-visma-tendsign.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer);
	const sheet = workbook.worksheets[0]!;
	expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Nummer', 'Rubrik', 'Kravtext', 'Typ', 'Viktning', 'Svarstyp', 'Kategori']);
	expect(sheet.rowCount).toBeGreaterThan(1);
	expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^K-\d+$/);

	// At 320 px nothing scrolls sideways (the checksums wrap).
	await admin.setViewportSize({ width: 320, height: 800 });
	await expectNoSidewaysScroll(admin);

	// A member reads the packages but gets no form; the supplier gets a 404 for the page and the download.
	const member = await person(browser, 'deltagare.motala@samsyn.demo');
	await member.goto(base);
	await expect(member.getByRole('heading', { level: 3, name: new RegExp(`^${label} – `) })).toBeVisible();
	await expect(member.getByRole('button', { name: 'Ta fram paketet' })).toHaveCount(0);
	await expectAccessible(member);
	const supplier = await person(browser, 'leverantor@samsyn.demo');
	for (const path of [base, `${base}/1`]) expect((await supplier.request.get(path)).status(), path).toBe(404);
});
