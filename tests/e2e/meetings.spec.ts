import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expectAccessible } from './support/axe';
import { hydrated, signIn } from './support/session';

const base = '/c/ostergotland';

async function as(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await signIn(page, email);
	return page;
}

async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await hydrated(page);
}

/** Opens a page and waits until its live updates are connected. */
async function live(page: Page, path: string): Promise<void> {
	await open(page, path);
	await expect(page.getByRole('status').filter({ hasText: /^\s*Live\s*$/ })).toBeVisible();
}

test('an admin creates a meeting with two agenda items and two adjusters, starts the minutes and writes a paragraph; both adjusters approve; the minutes are justerade and download as PDF', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const title = `Extra styrgruppsmöte${attempt ? ` (${attempt})` : ''}`;
	const admin = await as(browser, 'admin@samsyn.demo');

	// The list, and the create form
	await open(admin, `${base}/meetings`);
	await expect(admin.getByRole('heading', { level: 1, name: 'Möten' })).toBeVisible();
	await expectAccessible(admin);
	await admin.getByLabel('Rubrik').fill(title);
	await admin.getByLabel('Plats eller länk').fill('Linköpings stadshus');
	await admin.getByLabel('Dagordning (en punkt per rad)').fill('Mötets öppnande\nUppföljning av leveransen');
	await admin.getByLabel('Justerare', { exact: true }).selectOption({ label: 'Ombud Linköping' });
	await admin.getByLabel('Andra justerare (valfritt)').selectOption({ label: 'Ombud Kinda' });
	await admin.getByRole('button', { name: 'Skapa mötet' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const meetingPath = new URL(admin.url()).pathname;
	await hydrated(admin);
	await expectAccessible(admin);

	// An item for the municipalities only: left out of the supplier's agenda
	await admin.getByLabel('Punkt', { exact: true }).fill('Förhandlingsläget');
	await admin.getByLabel('Endast kommunerna').check();
	await admin.getByRole('button', { name: 'Lägg till punkten' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Punkten är tillagd.' })).toBeFocused();
	await expect(admin.getByRole('heading', { level: 3, name: /Förhandlingsläget/ })).toBeVisible();

	// The minutes start: § numbers in agenda order; a paragraph is written
	await admin.getByRole('button', { name: 'Påbörja protokollet' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Protokollet är påbörjat.' })).toBeFocused();
	const first = admin.getByRole('heading', { level: 3, name: /§ \d+ Mötets öppnande/ });
	await expect(first).toBeVisible();
	const paragraph = /§ \d+/.exec((await first.textContent()) ?? '')![0];
	// The paragraph is co-written: a second writer sees the words live
	const minutes = (page: Page) => page.getByRole('textbox', { name: `Protokollstext för ${paragraph}` });
	const secretary = await as(browser, 'ombud.linkoping@samsyn.demo');
	await open(secretary, meetingPath);
	await expect(minutes(admin)).toHaveAttribute('contenteditable', 'true');
	await minutes(admin).click();
	await admin.keyboard.type('Ordföranden öppnade mötet.');
	await expect(minutes(secretary)).toHaveText('Ordföranden öppnade mötet.');
	await secretary.context().close();
	await expectAccessible(admin);

	// Each adjuster approves in a browser of their own
	for (const email of ['ombud.linkoping@samsyn.demo', 'ombud.kinda@samsyn.demo']) {
		const adjuster = await as(browser, email);
		await open(adjuster, base);
		await expect(adjuster.getByRole('link', { name: title }).first()).toBeVisible();
		await expectAccessible(adjuster);
		await open(adjuster, meetingPath);
		await expectAccessible(adjuster);
		await adjuster.getByRole('button', { name: 'Justera protokollet' }).click();
		await adjuster.getByRole('button', { name: 'Justera protokollet' }).last().click();
		await expect(adjuster.getByRole('status').filter({ hasText: 'Du har justerat protokollet.' })).toBeFocused();
		await adjuster.context().close();
	}

	// Justerat: the page says so, and nothing can be changed any more
	await open(admin, meetingPath);
	await expect(admin.getByText('Justerat', { exact: true })).toBeVisible();
	await expect(admin.getByRole('textbox', { name: `Protokollstext för ${paragraph}` })).toHaveCount(0);
	await expect(admin.getByText('Ordföranden öppnade mötet.')).toBeVisible();
	await expectAccessible(admin);

	// The supplier reads the agenda without the municipalities' own item, and nothing of the minutes
	const supplier = await as(browser, 'leverantor@samsyn.demo');
	await open(supplier, meetingPath);
	await expect(supplier.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(supplier.getByRole('listitem').filter({ hasText: 'Uppföljning av leveransen' })).toBeVisible();
	await expect(supplier.getByText('Förhandlingsläget')).toHaveCount(0);
	await expect(supplier.getByText('Ordföranden öppnade mötet.')).toHaveCount(0);
	await expect(supplier.getByRole('link', { name: 'Ladda ner protokollet som PDF' })).toHaveCount(0);
	await expectAccessible(supplier);
	expect((await supplier.request.get(`${meetingPath}/minutes/pdf`)).status()).toBe(404);

	// The minutes as PDF carry the paragraph and the justering
	const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Ladda ner protokollet som PDF' }).click()]);
	const pdf = readFileSync((await download.path())!);
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
	expect(text).toContain(`${paragraph} Mötets öppnande`);
	expect(text).toContain('Ordföranden öppnade mötet.');
	expect(text).toContain('Ombud Linköping');
	expect(text).toContain('Ombud Kinda');

	// The demo's justerade October minutes: a decision recorded with its § and Vadstena's reservation
	await open(admin, `${base}/meetings`);
	await admin.getByRole('link', { name: 'Styrgruppens möte oktober', exact: true }).click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Styrgruppens möte oktober' })).toBeVisible();
	const [october] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Ladda ner protokollet som PDF' }).click()]);
	const octoberText = await extractText(await getDocumentProxy(new Uint8Array(readFileSync((await october.path())!))), { mergePages: true });
	expect(octoberText.text).toMatch(/§ \d+/);
	expect(octoberText.text).toMatch(/B-\d{4}-\d{3}/);
	expect(octoberText.text).toContain('Vadstena reserverar sig');
	expect(octoberText.text).toContain('Justerat');
});

test('the admin edits a coming meeting and reorders its agenda by keyboard; the supplier’s open page follows live, without the municipalities’ own items', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const point = `Leveransplanen${attempt ? ` (${attempt})` : ''}`;
	const internal = `Budgetläget${attempt ? ` (${attempt})` : ''}`;
	const place = `Teams, länk i kallelsen${attempt ? ` (${attempt})` : ''}`;

	const admin = await as(browser, 'admin@samsyn.demo');
	await open(admin, `${base}/meetings`);
	const meetingPath = (await admin.getByRole('link', { name: 'Projektgruppens avstämning', exact: true }).getAttribute('href'))!;
	const supplier = await as(browser, 'leverantor@samsyn.demo');
	await live(supplier, meetingPath);
	const supplierAgenda = supplier.getByRole('region', { name: 'Dagordning' }).getByRole('listitem');
	await live(admin, meetingPath);

	// A point for everyone, and one for the municipalities only
	await admin.getByLabel('Punkt', { exact: true }).fill(point);
	await admin.getByRole('button', { name: 'Lägg till punkten' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Punkten är tillagd.' })).toBeFocused();
	await expect(supplierAgenda.last()).toHaveText(point);
	await admin.getByLabel('Punkt', { exact: true }).fill(internal);
	await admin.getByLabel('Endast kommunerna').check();
	await admin.getByRole('button', { name: 'Lägg till punkten' }).click();
	await expect(admin.getByRole('heading', { level: 3, name: new RegExp(internal) })).toBeVisible();

	// Moved up by keyboard, past "Övriga frågor": the new place is announced, and the supplier sees the order
	await admin.getByRole('button', { name: `Flytta upp: ${point}` }).focus();
	await admin.keyboard.press('Enter');
	const moved = admin.getByRole('status').filter({ hasText: /Punkten är flyttad till plats \d+\./ });
	await expect(moved).toBeFocused();
	await expect(supplierAgenda.last()).toHaveText('Övriga frågor');
	await expect(supplierAgenda.nth(-2)).toHaveText(point);
	await expectAccessible(admin);

	// The place changes; the supplier reads the new one
	await admin.getByText('Ändra mötet').click();
	await admin.getByLabel('Plats eller länk').fill(place);
	await admin.getByRole('button', { name: 'Spara mötet' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Mötet är sparat.' })).toBeFocused();
	await expect(supplier.getByText(place)).toBeVisible();
	await expect(supplier.getByText(internal)).toHaveCount(0);
	await expectAccessible(supplier);

	// Both points go again, so the demo's meeting stays as it was
	for (const title of [point, internal]) {
		await admin.getByRole('button', { name: `Ta bort: ${title}` }).click();
		await admin.getByRole('button', { name: 'Ta bort', exact: true }).last().click();
		await expect(admin.getByRole('status').filter({ hasText: 'Punkten är borttagen.' })).toBeFocused();
	}
	await expect(supplierAgenda.filter({ hasText: point })).toHaveCount(0);
});
