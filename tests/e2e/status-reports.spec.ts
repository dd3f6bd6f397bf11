import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { as, expectNoSidewaysScroll } from './support/pages';
import { hydrated } from './support/session';

const base = '/c/ostergotland/governance';

/** A signed-in person in Swedish (a spec before this one may have left the shared account in English). */
async function person(browser: Browser, email: string): Promise<Page> {
	const page = await as(browser, email);
	await page.request.post('/locale', { form: { locale: 'sv', redirectTo: '/' }, headers: { origin: new URL(page.url()).origin } });
	return page;
}

/** A month no other run uses: one report per scope and month, and retries write anew. */
function uniquePeriod(): string {
	const n = Date.now() + test.info().retry * 7919;
	const year = 2100 + (Math.floor(n / 12) % 800);
	return `${year}-${String((n % 12) + 1).padStart(2, '0')}`;
}

test('a project manager writes a monthly status report with a red Budget row and submits it; it is locked and listed; an admin notes it as read', async ({
	browser
}) => {
	const period = uniquePeriod();
	const writer = await person(browser, 'ombud.linkoping@samsyn.demo');
	await writer.goto(`${base}/status-reports`);
	await hydrated(writer);
	await expect(writer.getByRole('heading', { level: 1, name: 'Statusrapporter' })).toBeVisible();
	await expectAccessible(writer);

	// A bad month is refused beside its field, in Swedish, never a 500.
	await writer.getByLabel('Månad', { exact: true }).evaluate((el: HTMLInputElement) => {
		el.type = 'text';
		el.value = '2026-13';
	});
	await writer.getByRole('button', { name: 'Skapa utkast' }).click();
	await expect(writer.getByText('Ange månaden som ÅÅÅÅ-MM, till exempel 2026-03.').first()).toBeVisible();

	await writer.getByLabel('Månad', { exact: true }).fill(period);
	await writer.getByLabel('Sammanfattning').fill('Juridiskt stöd har kostat mer än planerat.');
	await writer.getByRole('button', { name: 'Skapa utkast' }).click();
	await expect(writer.getByRole('heading', { level: 1, name: /^Statusrapport / })).toBeVisible();
	await hydrated(writer);
	await expectAccessible(writer);

	// A custom row, then the Budget row red with its deviation and action.
	// (a month after an earlier attempt's begins with that attempt's custom rows: a name of its own)
	const custom = `Leverantörsdialog ${period}`;
	await writer.getByLabel('Radens namn').fill(custom);
	await writer.getByRole('button', { name: 'Lägg till rad' }).click();
	await expect(writer.getByRole('group', { name: custom })).toBeVisible();
	await writer.getByLabel('Status för Budget').selectOption('red');
	await writer.getByLabel('Avvikelse för Budget').fill('Juridiskt stöd överskrider budgeten med 60 000 kr.');
	await writer.getByLabel('Åtgärd för Budget').fill('Styrgruppen beslutar om omfördelning.');
	await writer.getByRole('button', { name: 'Spara utkast' }).click();
	await expect(writer.getByText('Utkastet är sparat.')).toBeVisible();

	await writer.getByRole('button', { name: 'Skicka in till styrgruppen' }).click();
	await expect(writer.getByText('Rapporten är inskickad och låst.').first()).toBeVisible();
	// Locked: no form to change it any more, the rows read as a table with the light in words.
	await expect(writer.getByRole('button', { name: 'Spara utkast' })).toHaveCount(0);
	const rows = writer.getByRole('table', { name: 'Projektstatus' });
	await expect(rows.getByRole('row', { name: /Budget/ })).toContainText('Röd');
	await expect(rows.getByRole('row', { name: /Budget/ })).toContainText('Juridiskt stöd överskrider budgeten med 60 000 kr.');
	await expect(writer.getByRole('table', { name: 'Trend' })).toContainText('Röd');
	await expectAccessible(writer);
	const url = writer.url();

	await writer.goto(`${base}/status-reports`);
	const listed = writer.getByRole('row').filter({ has: writer.getByRole('link', { name: new RegExp(period.slice(0, 4)) }) });
	await expect(listed.first()).toContainText('Budget: Röd');
	await expect(listed.first()).toContainText('Inskickad');

	// An admin of the steering group notes it as read.
	const admin = await person(browser, 'admin@samsyn.demo');
	await admin.goto(url);
	await hydrated(admin);
	await admin.getByRole('button', { name: 'Markera som läst av styrgruppen' }).click();
	await expect(admin.getByText('Rapporten är markerad som läst.')).toBeVisible();
	await expect(admin.getByText(/Läst av styrgruppen/)).toBeVisible();

	// At 320 px it still fits.
	await admin.setViewportSize({ width: 320, height: 720 });
	await admin.reload();
	await expectNoSidewaysScroll(admin);

	// The supplier sees none of it.
	const supplier = await person(browser, 'leverantor@samsyn.demo');
	expect((await supplier.goto(url))?.status()).toBe(404);
	expect((await supplier.goto(`${base}/budget`))?.status()).toBe(404);
});

test('a cost table whose sums do not add up is refused row by row, and nothing is stored', async ({ browser }) => {
	const page = await person(browser, 'ombud.linkoping@samsyn.demo');
	await page.goto(`${base}/budget`);
	await hydrated(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Ekonomi' })).toBeVisible();
	await expect(page.getByRole('figure', { name: 'Budget mot utfall per kostnadsslag' })).toBeVisible();
	await expectAccessible(page);

	const category = `Vikarier ${Date.now()}-${test.info().retry}`;
	const file = ['Kostnadsslag;2018;2019;2020;TOTAL', 'Uppskattade kostnader;130;150;90;370', `${category};-;5;5;15`, 'TOTAL;130;155;95;380'].join('\n');
	await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'kostnader.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
	await page.getByRole('button', { name: 'Importera', exact: true }).click();
	await expect(page.getByText('Filen har 1 fel och inget importerades. Se listan nedan.').first()).toBeVisible();
	const sums = page.getByRole('table', { name: 'Summor som inte stämmer' });
	const row = sums.getByRole('row', { name: new RegExp(category) });
	await expect(row).toContainText('10');
	await expect(row).toContainText('15');
	await expect(row).toContainText('+5');
	await expectAccessible(page);
	await page.reload();
	await expect(page.getByRole('table', { name: /Budget och utfall/ })).not.toContainText(category);

	// A negative amount in the form is refused beside its field.
	await page.getByLabel('Kostnadsslag', { exact: true }).fill(category);
	await page.getByLabel('Budget (kr)').fill('-100');
	await page.getByRole('button', { name: 'Spara', exact: true }).click();
	await expect(page.getByText('Beloppet kan inte vara negativt.')).toBeVisible();

	// Without JavaScript the refused file comes back with the choices the person made, not the defaults.
	const plain = await (await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
	await plain.goto(`${base}/budget`);
	await plain.getByLabel('Beloppen i filen är').selectOption({ label: 'Utfall' });
	await plain.getByLabel('Teckenkodning (bara för CSV)').selectOption('windows-1252');
	await plain.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'kostnader.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'latin1') });
	await plain.getByRole('button', { name: 'Importera', exact: true }).click();
	await expect(plain.getByRole('table', { name: 'Summor som inte stämmer' }).getByRole('row', { name: new RegExp(category) })).toBeVisible();
	await expect(plain.getByLabel('Beloppen i filen är')).toHaveValue('outcome');
	await expect(plain.getByLabel('Teckenkodning (bara för CSV)')).toHaveValue('windows-1252');
	await plain.context().close();

	await page.setViewportSize({ width: 320, height: 720 });
	await page.reload();
	await expectNoSidewaysScroll(page);
});
