import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { as, expectNoSidewaysScroll } from './support/pages';
import { hydrated } from './support/session';

const base = '/c/e2e-dokument';

/** A signed-in person in Swedish (a spec before this one may have left the shared account in English). */
async function person(browser: Browser, email: string): Promise<Page> {
	const page = await as(browser, email);
	await page.request.post('/locale', { form: { locale: 'sv', redirectTo: '/' }, headers: { origin: new URL(page.url()).origin } });
	return page;
}

async function openDocument(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await hydrated(page);
}

/** A date `days` from now as YYYY-MM-DD, Swedish time. */
const inDays = (days: number) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
		new Date(Date.now() + days * 86_400_000)
	);

test('an approved version goes on remiss to an external reviewer, who reads it, downloads it and comments, and sees nothing else of the consortium', async ({
	browser
}) => {
	test.slow(); // seven people sign in
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const title = `Projektdirektiv remiss ${Date.now()}-${attempt}`;
	const versionName = `Remissutgåva ${attempt}`;

	// Motala's participant writes a project directive and sends a version for approval.
	const writer = await person(browser, 'deltagare.motala@samsyn.demo');
	await writer.goto(`${base}/documents`);
	await hydrated(writer);
	await writer.getByLabel('Typ av dokument').selectOption('project_directive');
	await writer.getByLabel('Titel', { exact: true }).fill(title);
	await writer.getByRole('button', { name: 'Skapa dokument' }).click();
	await expect(writer.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const url = writer.url();
	await hydrated(writer);
	await writer.getByLabel('Versionens namn').fill(versionName);
	await writer.getByLabel('Skicka versionen för godkännande direkt').check();
	await writer.getByRole('button', { name: 'Spara version' }).click();
	await expect(writer.getByRole('status').filter({ hasText: `Version 1, ${versionName}, är skickad för godkännande.` })).toBeFocused();

	// Two representatives approve it.
	for (const email of ['ombud.linkoping@samsyn.demo', 'ombud.ydre@samsyn.demo']) {
		const representative = await person(browser, email);
		await openDocument(representative, url);
		const approval = representative.getByRole('region', { name: `Godkännande av version 1, ${versionName}` });
		await approval.getByRole('button', { name: 'Godkänn' }).click();
		await expect(approval.getByRole('status').filter({ hasText: 'Din organisations ställningstagande är sparat' })).toBeFocused();
	}

	// The coordinator sends it on remiss: no reviewer chosen is refused, then the pensioners' organisation.
	const admin = await person(browser, 'admin@samsyn.demo');
	await openDocument(admin, url);
	const rounds = admin.getByRole('region', { name: 'Remiss till externa granskare' });
	await expect(rounds).toBeVisible();
	await rounds.getByLabel('Sista svarsdag').fill(inDays(14));
	await rounds.getByRole('button', { name: 'Skicka på remiss' }).click();
	await expect(admin.getByText('Välj minst en remissinstans.').first()).toBeVisible();
	await hydrated(admin);
	const again = admin.getByRole('region', { name: 'Remiss till externa granskare' });
	await again.getByRole('checkbox', { name: 'Seniorrådets ordförande, PRO Östergötland', exact: true }).check();
	await again.getByLabel('Sista svarsdag').fill(inDays(14));
	await again.getByLabel('Remissinstanserna får lämna synpunkter').check();
	await again.getByLabel('Meddelande till remissinstanserna').fill('Hur ser äldre på nattillsyn med kamera?');
	await again.getByRole('button', { name: 'Skicka på remiss' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Versionen är skickad på remiss.' }).first()).toBeFocused();
	await expect(again.getByRole('heading', { level: 3, name: new RegExp(`Version 1, ${versionName}: skickad`) })).toBeVisible();
	await expectAccessible(admin);

	// The reviewer finds the round on their home page, reads the version read-only and comments.
	const reviewer = await person(browser, 'remiss@samsyn.demo');
	await reviewer.goto(base);
	await hydrated(reviewer);
	await expect(reviewer.getByRole('heading', { level: 2, name: 'Öppna remisser' })).toBeVisible();
	await expectAccessible(reviewer);
	await reviewer.getByRole('link', { name: new RegExp(`${title}, version 1: svar senast`) }).click();
	await expect(reviewer.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await hydrated(reviewer);
	await expect(reviewer.getByRole('region', { name: `Versionen ${versionName}` })).toBeVisible();
	await expect(reviewer.getByText('Hur ser äldre på nattillsyn med kamera?')).toBeVisible();
	await expect(reviewer.getByRole('textbox', { name: /Dokumentets text/ })).toHaveCount(0);
	await expectAccessible(reviewer);
	await reviewer.getByLabel('Er kommentar').fill('Samtycket måste gå att återkalla.');
	await reviewer.getByRole('button', { name: 'Skicka kommentaren' }).click();
	await expect(reviewer.getByRole('status').filter({ hasText: 'Kommentaren är skickad till konsortiet.' }).first()).toBeFocused();
	await expect(reviewer.getByText('Samtycket måste gå att återkalla.')).toBeVisible();
	await reviewer.setViewportSize({ width: 320, height: 800 });
	await expectNoSidewaysScroll(reviewer);

	// The version downloads; the draft and every other area do not exist for the reviewer.
	const documentId = new URL(url).pathname.split('/').pop()!;
	const href = (await reviewer.getByRole('link', { name: 'Ladda ner som Word' }).first().getAttribute('href'))!;
	const versionId = new URL(href, url).searchParams.get('version');
	expect((await reviewer.request.get(`${base}/documents/${documentId}/export/pdf?version=${versionId}`)).status()).toBe(200);
	expect((await reviewer.request.get(`${base}/documents/${documentId}/export/docx?version=current`)).status()).toBe(404);
	for (const area of ['requirements', 'decisions', 'backlog', 'members', 'meetings', 'questions'])
		expect((await reviewer.request.get(`${base}/${area}`)).status(), area).toBe(404);

	// The consortium reads the comment under the round.
	await openDocument(admin, url);
	await expect(admin.getByRole('region', { name: 'Remiss till externa granskare' }).getByText('Samtycket måste gå att återkalla.')).toBeVisible();
	await admin.setViewportSize({ width: 320, height: 800 });
	await expectNoSidewaysScroll(admin);

	// The supplier sees nothing of the round.
	const supplier = await person(browser, 'leverantor@samsyn.demo');
	expect((await supplier.request.get(url)).status()).toBe(404);
});
