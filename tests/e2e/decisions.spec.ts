import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expectAccessible } from './support/axe';
import { hydrated, signIn } from './support/session';

const base = '/c/e2e-beslut';

async function as(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await signIn(page, email);
	return page;
}

/** Waits until the page is hydrated and its live-update stream connected. */
async function live(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await hydrated(page);
	await expect(page.getByRole('status').filter({ hasText: /^\s*Live\s*$/ })).toBeVisible();
}

const positionRow = (page: Page, organisation: string) =>
	page
		.getByRole('table', { name: 'Ställningstaganden' })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: organisation, exact: true }) });

test('open an item, three organisations state positions (one through its deputy) and see each other live, close, record, and the supplier acknowledges', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const title = `Godkännande av delleverans 2${attempt ? ` (${attempt})` : ''}`;
	const admin = await as(browser, 'admin@samsyn.demo');

	// The admin prepares the item; an empty title is refused in words, with focus on the field
	await live(admin, `${base}/decisions`);
	await expectAccessible(admin);
	await admin.getByLabel('Förslag till beslut').fill('Delleverans 2 godkänns utan anmärkning.');
	await admin.getByRole('button', { name: 'Spara utkast' }).click();
	await expect(admin.getByLabel('Rubrik')).toBeFocused();
	await expect(admin.getByLabel('Rubrik')).toHaveAccessibleDescription('Fältet måste fyllas i.');
	await admin.getByLabel('Rubrik').fill(title);
	await admin.getByRole('button', { name: 'Spara utkast' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const itemPath = new URL(admin.url()).pathname;
	await hydrated(admin);
	await expectAccessible(admin);
	await admin.getByRole('button', { name: 'Öppna för ställningstaganden' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Ärendet är öppet för ställningstaganden.' })).toBeFocused();

	// Three who speak for their municipalities, each in a browser of their own
	const linkoping = await as(browser, 'ombud.linkoping@samsyn.demo');
	const kinda = await as(browser, 'ombud.kinda@samsyn.demo');
	const ydreDeputy = await as(browser, 'ersattare.ydre@samsyn.demo');
	for (const page of [linkoping, kinda, ydreDeputy]) await live(page, itemPath);
	await expectAccessible(ydreDeputy);

	await linkoping.getByRole('radio', { name: 'Bifall' }).check();
	await linkoping.getByRole('button', { name: 'Spara ställningstagande' }).click();
	await expect(linkoping.getByRole('status').filter({ hasText: 'Din organisations ställningstagande är sparat: Bifall.' })).toBeFocused();
	await expect(positionRow(kinda, 'Linköping')).toContainText('Bifall');

	await kinda.getByRole('radio', { name: 'Avslag' }).check();
	await kinda.getByLabel('Motivering (valfri)').fill('Avvikelserna i rapporten är inte åtgärdade.');
	await kinda.getByRole('button', { name: 'Spara ställningstagande' }).click();
	await expect(positionRow(linkoping, 'Kinda')).toContainText('Avslag');
	await expect(positionRow(ydreDeputy, 'Kinda')).toContainText('Avvikelserna i rapporten är inte åtgärdade.');

	// The deputy speaks for Ydre under the delegation, and everyone sees in which capacity
	await ydreDeputy.getByRole('radio', { name: 'Bifall' }).check();
	await ydreDeputy.getByRole('button', { name: 'Spara ställningstagande' }).click();
	await expect(positionRow(linkoping, 'Ydre')).toContainText('ersättare');
	await expect(positionRow(kinda, 'Ydre')).toContainText('Bifall');
	await expect(linkoping.getByText(/3 av 4 organisationer har tagit ställning; 2 för, 1 emot, 0 avstår; 67 % av de avgivna rösterna/)).toBeVisible();

	// The admin closes it: adopted; Kinda, which lost, registers a reservation
	await admin.reload();
	await hydrated(admin);
	await admin.getByRole('button', { name: 'Stäng nu' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Ärendet är stängt. Utfall: bifall.' })).toBeFocused();
	await expect(kinda.getByRole('heading', { name: 'Reservera er' })).toBeVisible();
	await kinda.getByLabel('Reservation med skäl').fill('Kinda reserverar sig: avvikelserna ska åtgärdas före godkännande.');
	await kinda.getByRole('button', { name: 'Registrera reservation' }).click();
	await expect(kinda.getByRole('status').filter({ hasText: 'Reservationen är registrerad' })).toBeFocused();

	// Recorded in the log with the year's next number, communicated to the supplier
	await admin.reload();
	await hydrated(admin);
	await admin.getByLabel('Möte och paragraf').fill('Styrgruppen, § 7');
	await admin.getByLabel('Kommunicera beslutet till leverantören').check();
	await admin.getByRole('button', { name: 'För in beslutet' }).click();
	const recorded = admin.getByRole('status').filter({ hasText: /Beslutet är infört i beslutsloggen som B-\d{4}-\d{3}\./ });
	await expect(recorded).toBeFocused();
	const number = /B-\d{4}-\d{3}/.exec((await recorded.textContent()) ?? '')![0];
	await live(admin, `${base}/decisions/log`);
	await expect(admin.getByRole('rowheader', { name: number })).toBeVisible();
	await expectAccessible(admin);
	await admin.getByRole('button', { name: 'Kontrollera' }).click();
	await expect(admin.getByRole('status').filter({ hasText: /Loggen är obruten/ })).toBeFocused();

	// The PDF of the decision carries the number, the paragraph and the reservation
	const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: `Beslut ${number} som PDF` }).click()]);
	const pdf = readFileSync((await download.path())!);
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
	expect(text).toContain(number);
	expect(text).toContain('§ 7');
	expect(text).toContain('Kinda reserverar sig: avvikelserna ska åtgärdas före godkännande.');

	// The supplier sees the decision without positions or reservation, and acknowledges it
	const supplier = await as(browser, 'leverantor@samsyn.demo');
	await live(supplier, `${base}/decisions/log`);
	await expect(supplier.getByRole('heading', { level: 1, name: 'Konsortiets beslut' })).toBeVisible();
	await expect(supplier.getByRole('rowheader', { name: number })).toBeVisible();
	await expect(supplier.getByText('Kinda reserverar sig')).toHaveCount(0);
	await expectAccessible(supplier);
	await supplier.getByRole('button', { name: `Kvittera beslut ${number}` }).click();
	await expect(supplier.getByRole('status').filter({ hasText: 'Kvittensen är registrerad.' })).toBeFocused();
	await expect(admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: number }) })).toContainText('Kvitterat');
});
