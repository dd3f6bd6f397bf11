import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { hydrated, signIn } from './support/session';

const base = '/c/e2e-fragor';

async function as(browser: Browser, email: string, options: BrowserContextOptions = {}): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'sv-SE', ...options })).newPage();
	await signIn(page, email);
	return page;
}

/** Waits until the page is hydrated and its live-update stream connected. */
async function live(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await hydrated(page);
	await expect(page.getByRole('status').filter({ hasText: /^\s*Live\s*$/ })).toBeVisible();
}

/** Checks the page with axe as it is, and again at 320 px wide (reflow), where nothing may scroll sideways. */
async function accessibleAtBothWidths(page: Page): Promise<void> {
	await expectAccessible(page);
	const size = page.viewportSize();
	await page.setViewportSize({ width: 320, height: 800 });
	await expectAccessible(page);
	const wide = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth <= width) return [];
		return [...document.querySelectorAll<HTMLElement>('main *')]
			.filter((el) => el.getBoundingClientRect().right > width + 1)
			.slice(0, 5)
			.map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
	});
	expect(wide, page.url()).toEqual([]);
	if (size) await page.setViewportSize(size);
}

test('the supplier asks; a member notes and drafts; the admin approves; the supplier reads the answer and never the note or the draft', async ({ browser }) => {
	test.setTimeout(300_000);
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const title = `Hur exporteras larmloggarna${attempt ? ` (${attempt})` : ''}?`;
	const note = 'INTERN: fråga arkivarien i Motala först';
	const draft = 'Loggarna exporteras varje natt som CSV till kommunens arkiv.';

	// The supplier asks a general question (nothing is published to it yet), by keyboard
	const supplier = await as(browser, 'leverantor@samsyn.demo');
	await live(supplier, `${base}/questions`);
	await accessibleAtBothWidths(supplier);
	await expect(supplier.getByText('Inget har publicerats för er än, så frågan blir allmän.')).toBeVisible();
	await supplier.getByLabel('Rubrik').focus();
	await supplier.keyboard.type(title);
	await supplier.keyboard.press('Tab');
	await supplier.keyboard.type('Vilket format och hur ofta?');
	await supplier.keyboard.press('Tab');
	await expect(supplier.getByRole('button', { name: 'Skicka frågan' })).toBeFocused();
	await supplier.keyboard.press('Enter');
	await expect(supplier.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const questionPath = new URL(supplier.url()).pathname;
	await hydrated(supplier);
	await expect(supplier.getByText('Konsortiet har inte svarat än.')).toBeVisible();
	await expect(supplier.getByRole('heading', { name: 'Interna anteckningar' })).toHaveCount(0);
	await accessibleAtBothWidths(supplier);
	await live(supplier, questionPath);

	// Motala's participant finds it among the open questions, notes and drafts
	const member = await as(browser, 'deltagare.motala@samsyn.demo');
	await live(member, `${base}/questions?state=open`);
	await accessibleAtBothWidths(member);
	await member.getByRole('link', { name: new RegExp(title.replace(/[?()]/g, '\\$&')) }).click();
	await expect(member.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await hydrated(member);
	await member.getByLabel('Ny anteckning').fill(note);
	await member.getByRole('button', { name: 'Spara anteckningen' }).click();
	await expect(member.getByText(note)).toBeVisible();
	await member.getByLabel('Svar', { exact: true }).fill(draft);
	await member.getByRole('button', { name: 'Spara utkastet' }).click();
	await expect(member.getByText('Svarsutkastet är sparat.')).toBeVisible();
	await expect(member.getByRole('button', { name: /Godkänn och skicka/ })).toHaveCount(0);
	await accessibleAtBothWidths(member);

	// The admin approves and sends it
	const admin = await as(browser, 'admin@samsyn.demo');
	await live(admin, questionPath);
	await expect(admin.getByText(note)).toBeVisible();
	await accessibleAtBothWidths(admin);
	await admin.getByRole('button', { name: /Godkänn och skicka svaret på F-/ }).click();
	await admin.getByRole('button', { name: 'Ja, skicka svaret' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Svaret är godkänt och skickat till leverantören.' })).toBeFocused();
	await expect(admin.getByTestId('answer')).toHaveText(draft);

	// The supplier's open page shows the answer live; never the note
	await expect(supplier.getByTestId('answer')).toHaveText(draft);
	await expect(supplier.getByText(note)).toHaveCount(0);
	await expect(supplier.getByText('INTERN')).toHaveCount(0);
	await accessibleAtBothWidths(supplier);
	await supplier.goto(`${base}/questions?state=answered`);
	await expect(supplier.getByRole('link', { name: new RegExp(title.replace(/[?()]/g, '\\$&')) })).toBeVisible();
	await supplier.goto(base);
	await expect(supplier.getByRole('heading', { name: 'Nya svar på era frågor' })).toBeVisible();

	// A supplier posting an internal note is answered 404, as the page would be
	const response = await supplier.request.post(`${questionPath}?/note`, {
		form: { body: 'försök' },
		headers: { origin: new URL(supplier.url()).origin }
	});
	expect(response.status()).toBe(404);
});
