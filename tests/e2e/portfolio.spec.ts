import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { hydrated } from './support/session';
import { as, expectNoSidewaysScroll, live } from './support/pages';

const base = '/c/ostergotland/portfolio';

/** The matrix cell of one technology and one municipality. */
const cell = (page: Page, technology: string, municipality: string) =>
	page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: technology, exact: true }) })
		.locator(`td[data-label="${municipality}"]`);

test('Finspång’s representative updates its status, another person sees the matrix change live, the overlap list shows the dispenser with its reasons', async ({
	browser
}) => {
	test.setTimeout(180_000);
	// A year that differs on every attempt, so a retry against the same database still sees a change.
	const year = String(2028 + test.info().retry + test.info().repeatEachIndex);

	const observer = await as(browser, 'observator@samsyn.demo');
	await live(observer, base);
	await expect(observer.getByRole('heading', { level: 1, name: 'Portfölj' })).toBeVisible();
	await expect(cell(observer, 'Sensorer', 'Finspång')).toHaveText('Planeras');
	await expect(cell(observer, 'Läkemedelsautomat', 'Kinda')).toHaveText('I bruk');
	await expect(cell(observer, 'Läkemedelsautomat', 'Boxholm')).toHaveText('Ej angivet');
	await expectAccessible(observer);

	const representative = await as(browser, 'ombud.finspang@samsyn.demo');
	await representative.goto(base);
	await representative.getByRole('link', { name: 'Sensorer', exact: true }).click();
	await expect(representative.getByRole('heading', { level: 1, name: 'Sensorer' })).toBeVisible();
	await hydrated(representative);
	await expectAccessible(representative);
	// Only its own municipality's form: Finspång.
	await expect(representative.getByRole('button', { name: /^Spara status för/ })).toHaveCount(1);
	const form = representative.locator('form').filter({ has: representative.getByRole('button', { name: 'Spara status för Finspång' }) });
	await form.getByLabel('Status').selectOption({ label: 'Upphandlas' });
	await form.getByLabel('Planerat år').fill('20270');
	await form.getByRole('button', { name: 'Spara status för Finspång' }).click();
	await expect(form.getByLabel('Planerat år')).toBeFocused();
	await expect(form.getByLabel('Planerat år')).toHaveAccessibleDescription(/1950.*2100/);
	await form.getByLabel('Planerat år').fill(year);
	await form.getByLabel('Avsikt').selectOption({ label: 'Vill göra tillsammans' });
	await form.getByRole('button', { name: 'Spara status för Finspång' }).click();
	await expect(representative.getByText('Statusen för Finspång är sparad.')).toBeVisible();

	// The observer's matrix changes without a reload.
	await expect(cell(observer, 'Sensorer', 'Finspång')).toHaveText(`Upphandlas ${year}`);

	// The joint candidates: four plan the medication dispenser that four run (Mjölby both runs it and plans more).
	await observer.goto(`${base}/candidates`);
	const dispenser = observer.getByRole('listitem').filter({ has: observer.getByRole('heading', { name: 'Läkemedelsautomat' }) });
	await expect(dispenser).toContainText(
		'Planeras av Mjölby, Motala, Norrköping, Söderköping; används redan av Kinda, Mjölby, Vadstena, Åtvidaberg: fråga dem.'
	);
	await expect(observer.getByRole('main').getByRole('listitem').first()).toContainText('Läkemedelsautomat');
	await expectAccessible(observer);

	// The same pages at 320 px: the matrix reflows, nothing scrolls sideways, axe finds nothing serious.
	for (const page of [observer, representative]) await page.setViewportSize({ width: 320, height: 640 });
	for (const path of [base, `${base}?view=municipality`, `${base}?view=technology&skr=B5&status=in_use`, `${base}/candidates`]) {
		await observer.goto(path);
		await expectNoSidewaysScroll(observer);
		await expectAccessible(observer);
	}
	await observer.goto(`${base}?view=municipality&skr=C7`);
	await expect(observer.getByRole('heading', { level: 2, name: 'Ydre (C7)' })).toBeVisible();
	await expect(observer.getByRole('heading', { level: 2, name: 'Finspång (B5)' })).toHaveCount(0);
	await representative.reload();
	await expectNoSidewaysScroll(representative);
	await expectAccessible(representative);
});
