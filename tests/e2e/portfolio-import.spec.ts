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

test('Finspång’s representative imports statuses from a CSV: the preview shows the alias match and the refused rows, confirming changes the matrix live', async ({
	browser
}) => {
	test.setTimeout(180_000);
	// A year that differs on every attempt, so a retry against the same database still sees a change.
	const year = String(2021 - test.info().retry - test.info().repeatEachIndex);
	const file = ['Kommun;Teknik;Status;År;Avsikt', `Finspång;duschrobot;pilot;${year};vet ej`, 'Kinda;GPS;planeras;2028;', 'Finspång;Teleportör;används;;'].join(
		'\r\n'
	);

	const observer = await as(browser, 'observator@samsyn.demo');
	await live(observer, base);
	await expect(cell(observer, 'Duschautomat', 'Finspång')).not.toHaveText(`Pilot sedan ${year}`);
	// An observer reads the portfolio but imports nothing.
	await expect(observer.getByRole('link', { name: 'Importera statusar' })).toHaveCount(0);

	const representative = await as(browser, 'ombud.finspang@samsyn.demo');
	await representative.goto(base);
	await representative.getByRole('link', { name: 'Importera statusar' }).click();
	await expect(representative.getByRole('heading', { level: 1, name: 'Importera statusar' })).toBeVisible();
	await expect(representative.getByText('Du kan importera statusar för Finspång.')).toBeVisible();
	await hydrated(representative);
	await expectAccessible(representative);

	await representative.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'statusar.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
	await representative.getByRole('button', { name: 'Förhandsgranska' }).click();
	await expect(representative.getByRole('heading', { level: 1, name: 'Förhandsgranska import av statusar' })).toBeVisible();
	await expect(representative.getByText('1 av 3 rader är giltiga')).toBeVisible();

	// The alias the name matched through is visible, and what the row will write.
	const valid = representative.getByRole('table', { name: 'Rader som importeras' });
	const row = valid.getByRole('row').filter({ has: representative.getByRole('rowheader', { name: '2', exact: true }) });
	await expect(row).toContainText('”duschrobot” → Duschautomat (andra namnet ”duschrobot”)');
	await expect(row).toContainText(`Pilot sedan ${year}`);
	// Another municipality's row and an unknown technology are refused, each with its reason.
	const errors = representative.getByRole('table', { name: 'Rader med fel' });
	await expect(errors.getByRole('row').filter({ hasText: 'Kinda' })).toContainText('Du kan bara importera din egen kommuns statusar.');
	await expect(errors.getByRole('row').filter({ hasText: 'Teleportör' })).toContainText('”Teleportör” finns inte i katalogen.');
	await hydrated(representative);
	await expectAccessible(representative);
	await representative.setViewportSize({ width: 320, height: 640 });
	await expectNoSidewaysScroll(representative);
	await expectAccessible(representative);
	await representative.setViewportSize({ width: 1280, height: 800 });

	await representative.getByRole('button', { name: 'Spara de giltiga raderna (1)' }).click();
	await expect(representative).toHaveURL(/\/portfolio\?imported=1$/);
	// Said on arrival (the import's form announces it) and shown on the page.
	await expect(representative.getByTestId('announcer')).toHaveText('Importen är klar. Sparade statusar: 1.');
	await expect(representative.getByRole('main').getByText('Importen är klar. Sparade statusar: 1.')).toBeVisible();
	await expect(cell(representative, 'Duschautomat', 'Finspång')).toHaveText(`Pilot sedan ${year}`);
	await expect(cell(representative, 'GPS-larm', 'Kinda')).not.toHaveText('Planeras 2028');
	await expectAccessible(representative);

	// The observer's matrix changes without a reload.
	await expect(cell(observer, 'Duschautomat', 'Finspång')).toHaveText(`Pilot sedan ${year}`);
});
