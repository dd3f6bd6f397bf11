import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { as, expectNoSidewaysScroll, live } from './support/pages';
import { hydrated } from './support/session';

const base = '/c/e2e-paverkan';
// The fixture's baselined requirements (src/lib/server/demo/impact.ts), one per attempt.
const requirements = ['Larmet når nattpersonalen', 'Tillsynen loggas', 'Kameran kan stängas av', 'Larmet kvitteras'];

/** A signed-in person in Swedish (a spec before this one may have left the shared account in English). */
async function person(browser: Browser, email: string): Promise<Page> {
	const page = await as(browser, email);
	await page.request.post('/locale', { form: { locale: 'sv', redirectTo: '/' }, headers: { origin: new URL(page.url()).origin } });
	return page;
}

test('changing a baselined requirement flags its backlog item, the answered supplier question and the kravspecifikation, and a reviewer clears one with a note', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const title = requirements[attempt % requirements.length]!;
	const identifier = `K-00${(attempt % requirements.length) + 1}`;
	const question = `F-${(attempt % requirements.length) + 1} Hur verifieras ${identifier}?`;

	// The convenor's admin changes the approved, baselined requirement: revision 2, in review.
	const admin = await person(browser, 'admin@samsyn.demo');
	await admin.goto(`${base}/requirements`);
	await hydrated(admin);
	await admin.getByRole('link', { name: title }).first().click();
	await expect(admin.getByRole('heading', { level: 1, name: `${identifier} ${title}` })).toBeVisible();
	const revisionOne = admin.url();
	await live(admin, revisionOne);
	await admin.locator('summary', { hasText: 'Redigera kravet' }).click();
	await admin.getByRole('textbox', { name: 'Kravtext i nästa revision' }).fill(`Lösningen ska göra detta inom tre sekunder, attempt ${attempt}.`);
	await admin.getByRole('button', { name: 'Spara' }).click();
	await expect(admin).not.toHaveURL(revisionOne);
	await expect(admin.locator('.meta').getByText('rev. 2')).toBeVisible();

	// The requirement's page says what the change affects and links to the impact view.
	await expect(admin.getByText(/Påverkan: \d+ objekt berörs/)).toBeVisible();
	await admin.getByRole('link', { name: 'visa påverkan' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: `Påverkan av ${identifier} rev 2` })).toBeVisible();
	await hydrated(admin);
	// The diff says in words what was removed and added.
	await expect(admin.locator('del').first()).toContainText('Borttaget:');
	await expect(admin.locator('ins').first()).toContainText('Tillagt:');
	const affected = admin.getByRole('region', { name: /Vad som påverkas/ });
	await expect(affected.getByRole('list', { name: 'Poster i backloggen' }).getByRole('link', { name: `MVP 1.0: ${identifier}` })).toBeVisible();
	await expect(affected.getByRole('list', { name: 'Frågor från leverantören' }).getByRole('link', { name: question })).toBeVisible();
	await expect(affected.getByRole('list', { name: 'Dokument' }).getByRole('link', { name: 'Kravspecifikation nattillsyn' })).toBeVisible();
	await expect(affected.getByText('Flaggad för granskning (rev 2)').first()).toBeVisible();
	await expectAccessible(admin);
	await admin.setViewportSize({ width: 320, height: 800 });
	await expectNoSidewaysScroll(admin);
	await admin.setViewportSize({ width: 1280, height: 800 });

	// The kravspecifikation's own page carries the notice.
	await affected.getByRole('link', { name: 'Kravspecifikation nattillsyn' }).click();
	const notice = `Kravet ${identifier} har ändrats sedan baslinjen (rev 1 → 2) – granska`;
	await expect(admin.getByRole('link', { name: notice })).toBeVisible();
	await expectAccessible(admin);

	// The answered question's page too; a reviewer clears its flag, and a note is required.
	await admin.goBack();
	await expect(admin.getByRole('heading', { level: 1, name: `Påverkan av ${identifier} rev 2` })).toBeVisible();
	await admin.getByRole('link', { name: question }).click();
	await expect(admin.getByRole('link', { name: notice })).toBeVisible();
	await hydrated(admin);
	await expectAccessible(admin);
	const clear = admin.getByRole('button', { name: new RegExp(`^Granskad: ${identifier} för F-`) });
	await clear.click();
	const note = admin.getByRole('textbox', { name: 'Vad granskningen visade' });
	await expect(note).toBeFocused();
	await expect(note).toHaveAttribute('aria-invalid', 'true');
	await expect(admin.getByText('Fältet måste fyllas i.')).toBeVisible();
	await note.fill('Svaret gäller fortfarande: verifieringen är densamma.');
	await clear.click();
	const done = admin.getByRole('status').filter({ hasText: 'Flaggan är kvitterad.' });
	await expect(done).toBeFocused();
	await expect(admin.getByRole('link', { name: notice })).toBeHidden();
	await expectAccessible(admin);

	// The review list still has the backlog item and the kravspecifikation, no longer the question.
	await admin.goto(`${base}/requirements/impact`);
	await hydrated(admin);
	await expect(admin.getByRole('heading', { level: 1, name: 'Påverkan att granska' })).toBeVisible();
	const rows = admin.getByRole('row').filter({ has: admin.getByRole('link', { name: identifier, exact: true }) });
	await expect(rows.filter({ hasText: 'Kravspecifikation nattillsyn' })).toHaveCount(1);
	await expect(rows.filter({ hasText: `MVP 1.0: ${identifier}` })).toHaveCount(1);
	await expect(rows.filter({ hasText: question })).toHaveCount(0);
	await expectAccessible(admin);

	// The impact view now shows the question as reviewed, with the note.
	await admin.goto(`${base}/requirements`);
	await admin.getByRole('link', { name: title }).first().click();
	await admin.getByRole('link', { name: 'visa påverkan' }).click();
	await expect(admin.getByText('Svaret gäller fortfarande: verifieringen är densamma.')).toBeVisible();

	// The supplier reads its question's page without any of it.
	const supplier = await person(browser, 'leverantor@samsyn.demo');
	await supplier.goto(`${base}/questions`);
	await hydrated(supplier);
	await supplier.getByRole('link', { name: new RegExp(`Hur verifieras ${identifier}`) }).click();
	await expect(supplier.getByRole('heading', { level: 1 })).toContainText(`Hur verifieras ${identifier}?`);
	await expect(supplier.getByText(/har ändrats sedan baslinjen/)).toHaveCount(0);
	expect((await supplier.request.get(`${base}/requirements/impact`)).status()).toBe(404);
});
