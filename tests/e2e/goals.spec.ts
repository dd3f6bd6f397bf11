import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { as, expectNoSidewaysScroll } from './support/pages';
import { hydrated } from './support/session';

const base = '/c/ostergotland/governance/goals';

/** A signed-in person in Swedish (a spec before this one may have left the shared account in English). */
async function person(browser: Browser, email: string): Promise<Page> {
	const page = await as(browser, email);
	await page.request.post('/locale', { form: { locale: 'sv', redirectTo: '/' }, headers: { origin: new URL(page.url()).origin } });
	return page;
}

test('an effect goal: Motala’s participant creates it, a measurement without a date is refused with a message, one is recorded, and it shows in the chart’s table and on Motala’s benefit view; the supplier finds none of it', async ({
	browser
}) => {
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const title = `Kortare väntetid på trygghetslarm ${Date.now()}-${attempt}`;

	const writer = await person(browser, 'deltagare.motala@samsyn.demo');
	await writer.goto(base);
	await hydrated(writer);
	await expect(writer.getByRole('heading', { level: 1, name: 'Effektmål' })).toBeVisible();
	await expect(writer.getByRole('link', { name: 'Kortare tid från ansökan till beslut' })).toBeVisible();
	await expectAccessible(writer);

	// A target date before the baseline is refused beside its field, nothing typed is lost.
	const create = writer.locator('form[action="?/create"]');
	await create.getByLabel('Kategori').fill('Invånarupplevelse');
	await create.getByLabel('Effektmål', { exact: true }).fill(title);
	await create.getByLabel('Indikator').fill('Dagar från beslut till installerat larm');
	await create.getByLabel('Enhet', { exact: true }).fill('dagar');
	await create.getByLabel('Baslinje (värde)').fill('14');
	await create.getByLabel('Baslinjens datum').fill('2026-01-01');
	await create.getByLabel('Målvärde', { exact: true }).fill('5');
	await create.getByLabel('Måldatum').fill('2025-06-30');
	await create.getByLabel('Kommuner som väntar sig nyttan').selectOption({ label: 'Motala' });
	await writer.getByRole('button', { name: 'Skapa effektmål' }).click();
	await expect(create.getByLabel('Måldatum')).toHaveAccessibleDescription(/Måldatum måste ligga efter baslinjens datum\./);
	await expect(create.getByLabel('Effektmål', { exact: true })).toHaveValue(title);
	await create.getByLabel('Måldatum').fill('2027-12-31');
	await writer.getByRole('button', { name: 'Skapa effektmål' }).click();
	await expect(writer.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await hydrated(writer);
	await expect(writer.locator('dd').getByText('lägre är bättre')).toBeVisible();
	await expectAccessible(writer);

	// A measurement without a date, and one that is not a number, are refused with messages.
	const record = writer.locator('form[action="?/record"]');
	await record.getByLabel('Mätningen gäller').selectOption({ label: 'Motala' });
	await record.getByLabel('Värde').fill('tio');
	await writer.getByRole('button', { name: 'Registrera mätningen' }).click();
	await expect(record.getByLabel('Värde')).toHaveAccessibleDescription(/Ange ett tal, med siffror\./);
	await expect(record.getByLabel('Mätdatum')).toHaveAccessibleDescription(/Fältet måste fyllas i\./);
	await expectAccessible(writer);

	await record.getByLabel('Mätningen gäller').selectOption({ label: 'Motala' });
	await record.getByLabel('Värde').fill('10,5');
	await record.getByLabel('Mätdatum').fill('2026-06-30');
	await record.getByLabel('Källa').fill('Larmcentralens rapport');
	await writer.getByRole('button', { name: 'Registrera mätningen' }).click();
	await expect(writer.getByRole('status').filter({ hasText: 'Mätningen är registrerad.' })).toBeVisible();
	const measurements = writer.getByRole('table', { name: 'Mätningar' });
	await expect(measurements.getByRole('cell', { name: 'Larmcentralens rapport' })).toBeVisible();

	// The chart's data as a table: the baseline and Motala's measurement.
	const chart = writer.getByRole('figure', { name: /Mätningar över tid/ });
	await expect(chart.getByRole('img').first()).toBeVisible();
	await chart.getByText('Visa värdena som tabell').click();
	const data = chart.getByRole('table');
	await expect(data.getByRole('columnheader', { name: 'Motala' })).toBeVisible();
	await expect(data.getByRole('cell', { name: '10,5' })).toBeVisible();
	await expect(data.getByRole('cell', { name: '14' })).toBeVisible();
	await expectAccessible(writer);

	// Motala's benefit view is the participant's own by default: the goal, its latest measurement, on track.
	await writer.goto(`${base}/benefits`);
	await hydrated(writer);
	await expect(writer.getByRole('heading', { level: 2, name: 'Motala' })).toBeVisible();
	const row = writer.getByRole('row').filter({ has: writer.getByRole('link', { name: title }) });
	await expect(row.getByRole('cell', { name: /10,5 dagar/ })).toBeVisible();
	await expect(row.getByText('I fas')).toBeVisible();
	await expectAccessible(writer);

	// Choosing another municipality with the GET form.
	await writer.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Linköping' });
	await writer.getByRole('button', { name: 'Visa' }).click();
	await expect(writer.getByRole('heading', { level: 2, name: 'Linköping' })).toBeVisible();
	await expect(writer.getByRole('link', { name: 'Kortare tid från ansökan till beslut' })).toBeVisible();

	// At 320 px wide nothing scrolls sideways.
	await writer.setViewportSize({ width: 320, height: 800 });
	for (const path of [base, `${base}/benefits`]) {
		await writer.goto(path);
		await hydrated(writer);
		await expectNoSidewaysScroll(writer);
	}
	await writer.getByRole('link', { name: title }).first().click();
	await expect(writer.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expectNoSidewaysScroll(writer);
	const goalUrl = writer.url();

	// The supplier finds none of it.
	const supplier = await person(browser, 'leverantor@samsyn.demo');
	for (const path of [base, `${base}/benefits`, new URL(goalUrl).pathname]) expect((await supplier.request.get(path)).status(), path).toBe(404);
});
