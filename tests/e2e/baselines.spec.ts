import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { expectAccessible } from './support/axe';
import { signIn } from './support/session';

const base = '/c/ostergotland';

test('freeze a baseline, compare it with the demo baseline, and download it as Word', async ({ page }) => {
	await signIn(page, 'admin@samsyn.demo');
	await page.goto(`${base}/baselines`);
	await expect(page.getByRole('heading', { level: 1, name: 'Baslinjer' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Kravspecifikation 1.0' })).toBeVisible();
	await expectAccessible(page);

	// a name that is taken is answered beside the field, keeping what was typed
	await page.getByLabel('Namn').fill('Kravspecifikation 1.0');
	await page.getByRole('button', { name: 'Frys baslinjen' }).click();
	await expect(page.getByText('Det finns redan en baslinje med det namnet.')).toBeVisible();
	await expect(page.getByLabel('Namn')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Namn')).toHaveValue('Kravspecifikation 1.0');

	await page.getByLabel('Namn').fill('Kravspecifikation 1.1');
	await page.getByLabel('Beskrivning (valfri)').fill('Efter dialogen med leverantörerna.');
	await page.getByRole('button', { name: 'Frys baslinjen' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Baslinjen Kravspecifikation 1.1 är fryst' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Kravspecifikation 1.1', exact: true })).toBeVisible();
	await expectAccessible(page);

	// compare the two by keyboard-operable selects
	await page.getByLabel('Från (äldre)').selectOption({ label: 'Kravspecifikation 1.0' });
	await page.getByLabel('Till (nyare)').selectOption({ label: 'Kravspecifikation 1.1' });
	await page.getByRole('button', { name: 'Jämför' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Jämförelse av baslinjer' })).toBeVisible();
	await expect(page.getByText('Från Kravspecifikation 1.0 till Kravspecifikation 1.1')).toBeVisible();
	await expect(page.getByText(/\d+ tillagda, \d+ ändrade, \d+ borttagna, \d+ oförändrade/)).toBeVisible();
	await expectAccessible(page);

	// the demo baseline and its Word file
	await page.goto(`${base}/baselines`);
	await page.getByRole('link', { name: 'Kravspecifikation 1.0' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kravspecifikation 1.0' })).toBeVisible();
	const identifiers = await page.locator('tbody th[scope="row"]').allTextContents();
	expect(identifiers.length).toBeGreaterThan(0);
	await expectAccessible(page);

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Word \(\.docx\)/ }).click()]);
	expect(download.suggestedFilename()).toBe('Kravspecifikation 1.0.docx');
	const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
	const xml = await zip.file('word/document.xml')!.async('string');
	const text = xml.replace(/<[^>]+>/g, '');
	expect(text).toContain('Kravspecifikation');
	for (const identifier of identifiers) expect(text).toContain(identifier.trim());

	// the other formats answer with their types and a UTF-8 file name
	const baselineUrl = page.url();
	for (const [format, type] of [
		['csv', 'text/csv; charset=utf-8'],
		['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
		['reqif', 'application/xml; charset=utf-8']
	] as const) {
		const response = await page.request.get(`${baselineUrl}/export/${format}`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe(type);
		expect(response.headers()['content-disposition']).toContain(`filename*=UTF-8''Kravspecifikation%201.0.${format}`);
	}
});

test('import requirements: a broken file is refused, a preview reports row by row, and confirming writes the valid rows', async ({ page }) => {
	await signIn(page, 'deltagare.motala@samsyn.demo');
	await page.goto(`${base}/import`);
	await expect(page.getByRole('heading', { level: 1, name: 'Importera behov och krav' })).toBeVisible();
	await expectAccessible(page);

	// Latin-1 bytes sent as UTF-8: refused with the reason, nothing kept
	const latin1 = Buffer.from('Titel;Kravtext\r\nLäkemedelsautomat;Påminnelse\r\n', 'latin1');
	await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'krav-latin1.csv', mimeType: 'text/csv', buffer: latin1 });
	await page.getByRole('button', { name: 'Förhandsgranska' }).click();
	// the refusal is the file field's own error: focus goes to the field, whose description says it
	const file = page.getByLabel('Fil', { exact: true });
	await expect(file).toBeFocused();
	await expect(file).toHaveAccessibleDescription(/Filen är inte giltig UTF-8.*rad 2/);
	await expectAccessible(page);

	// a file over the 5 MB limit is refused before it is sent
	const oversized = Buffer.alloc(5.5 * 1024 * 1024, 'a');
	await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'stor.csv', mimeType: 'text/csv', buffer: oversized });
	await expect(file).toHaveAccessibleDescription(/Filen är för stor. Den får vara högst 5 MB./);
	await page.getByRole('button', { name: 'Förhandsgranska' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Importera behov och krav' })).toBeVisible();
	await expect(file).toBeFocused();

	const title = `Importerat krav ${Date.now()}`;
	const csv = [
		'Titel;Kravtext;Kravnivå;Vikt;Kravtyp',
		`${title};Automaten ska påminna brukaren.;Bör-krav;10;Funktionskrav`,
		';Rad utan titel;Ska-krav;;',
		'Fel kravnivå;;Kanske;;'
	].join('\r\n');
	await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'krav.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
	await page.getByRole('button', { name: 'Förhandsgranska' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Förhandsgranska import' })).toBeVisible();
	await expect(page.getByText('1 av 3 rader är giltiga och importeras. 2 rader har fel och hoppas över.')).toBeVisible();
	const errors = page.getByRole('table').first();
	await expect(errors).toContainText('Värde saknas.');
	await expect(errors).toContainText('Okänt värde ”Kanske”.');
	await expectAccessible(page);

	const previewUrl = page.url();
	await page.getByRole('button', { name: 'Importera 1 giltiga rader' }).click();
	await expect(page.getByRole('status').filter({ hasText: '1 krav har importerats som utkast.' })).toBeVisible();
	await expectAccessible(page);
	// back on the preview, there is nothing left to confirm a second time
	await page.goto(previewUrl);
	await expect(page.getByRole('heading', { level: 1, name: 'Förhandsgranska import' })).toBeVisible();
	await expect(page.getByRole('button', { name: /Importera/ })).toHaveCount(0);
});

test('an observer cannot freeze or import; the supplier sees no baselines at all', async ({ browser }) => {
	const observer = await (await browser.newContext()).newPage();
	await signIn(observer, 'observator@samsyn.demo');
	await observer.goto(`${base}/baselines`);
	await expect(observer.getByRole('heading', { level: 1, name: 'Baslinjer' })).toBeVisible();
	await expect(observer.getByRole('button', { name: 'Frys baslinjen' })).toHaveCount(0);
	await expectAccessible(observer);
	expect((await observer.goto(`${base}/import`))?.status()).toBe(404);

	const supplier = await (await browser.newContext()).newPage();
	await signIn(supplier, 'leverantor@samsyn.demo');
	expect((await supplier.goto(`${base}/baselines`))?.status()).toBe(404);
	const list = await observer.request.get(`${base}/baselines`);
	const id = /\/baselines\/([0-9a-f-]{36})/.exec(await list.text())?.[1];
	expect(id).toBeTruthy();
	expect((await supplier.request.get(`${base}/baselines/${id}/export/docx`)).status()).toBe(404);
});
