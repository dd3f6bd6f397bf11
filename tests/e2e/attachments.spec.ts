import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { as, expectNoSidewaysScroll } from './support/pages';
import { hydrated } from './support/session';

const base = '/c/ostergotland';
const openItem = 'Godkännande av delleverans 1: inloggning och behörighet';
// A 1×1 PNG: content that is not what a `.pdf` name claims.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CIII=', 'base64');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function itemPage(page: Page, title: string): Promise<string> {
	await page.goto(`${base}/decisions`);
	await page.getByRole('link', { name: title }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await hydrated(page);
	return page.url();
}

test('a representative attaches a PDF to a decision item: a PNG named .pdf is refused beside the field, the PDF is listed and focused, downloads as an attachment, and is removed', async ({
	browser
}) => {
	const page = await as(browser, 'ombud.linkoping@samsyn.demo');
	await itemPage(page, openItem);
	const section = page.getByRole('region', { name: 'Bilagor' });
	await expect(section.getByRole('link', { name: /Testrapport delleverans 1\.pdf/ })).toBeVisible();
	await expectAccessible(page);

	const field = section.getByLabel('Fil att bifoga');
	const attempt = test.info().retry + test.info().repeatEachIndex;
	await field.setInputFiles({ name: 'skiss.pdf', mimeType: 'application/pdf', buffer: png });
	await section.getByRole('button', { name: 'Bifoga filen' }).click();
	// Refused: focus on the field, whose description says both types
	await expect(field).toBeFocused();
	await expect(field).toHaveAccessibleDescription(/heter eller anges som PDF, men innehållet är PNG/);
	await expectAccessible(page);

	const name = `Underlag ${attempt}.pdf`;
	await field.setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
	await section.getByRole('button', { name: 'Bifoga filen' }).click();
	const link = section.getByRole('link', { name: new RegExp(name.replace('.', '\\.')) });
	await expect(link).toBeFocused();
	await expect(page.getByTestId('announcer')).toContainText(`Bilagan ${name} har lagts till.`);

	const response = await page.request.get((await link.getAttribute('href'))!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="Underlag \d+\.pdf"/);
	expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');

	// At 320 px the list and the form still fit
	await page.setViewportSize({ width: 320, height: 800 });
	await expectNoSidewaysScroll(page);
	await page.setViewportSize({ width: 1280, height: 800 });

	await section.getByRole('button', { name: `Ta bort bilagan ${name}` }).click();
	await expect(section.getByRole('button', { name: 'Ta bort', exact: true })).toBeFocused();
	await page.keyboard.press('Enter');
	const status = section.getByRole('status').filter({ hasText: `Bilagan ${name} har tagits bort.` });
	await expect(status).toBeFocused();
	await expect(link).toHaveCount(0);
	await expectAccessible(page);
});

test('the supplier downloads what was published to it, and gets 404 for an attachment of an unpublished item', async ({ browser }) => {
	const admin = await as(browser, 'admin@samsyn.demo');
	await itemPage(admin, openItem);
	const internal = await admin.getByRole('link', { name: /Testrapport delleverans 1\.pdf/ }).getAttribute('href');
	await itemPage(admin, 'Tidplan: avtalsstart 1 mars 2027');
	const communicated = await admin.getByRole('link', { name: /Tidplan avtalsstart 2027\.pdf/ }).getAttribute('href');

	const supplier = await as(browser, 'leverantor@samsyn.demo');
	expect((await supplier.request.get(internal!)).status()).toBe(404);
	expect((await supplier.request.get(communicated!)).status()).toBe(200);
	// The meeting's picture, on the meeting page the supplier reads
	await supplier.goto(`${base}/meetings`);
	await supplier.getByRole('link', { name: 'Projektgruppens avstämning' }).first().click();
	const picture = supplier.getByRole('region', { name: 'Bilagor' }).getByRole('link', { name: /Skiss tidplan\.png/ });
	await expect(picture).toBeVisible();
	await expect(supplier.getByLabel('Fil att bifoga')).toHaveCount(0);
	await expectAccessible(supplier);
	const image = await supplier.request.get((await picture.getAttribute('href'))!);
	expect(image.headers()['content-type']).toBe('image/png');
	// A post to an internal action is refused as if the page did not exist
	const origin = new URL(supplier.url()).origin;
	expect(
		(
			await supplier.request.post(`${supplier.url()}?/attach`, {
				headers: { origin },
				multipart: { file: { name: 'a.pdf', mimeType: 'application/pdf', buffer: pdf } }
			})
		).status()
	).toBe(404);
	// The decision log links the communicated decision's attachment, and only that one
	await supplier.goto(`${base}/decisions/log`);
	const logged = supplier.getByRole('link', { name: /Tidplan avtalsstart 2027\.pdf/ });
	await expect(logged).toBeVisible();
	expect(await logged.getAttribute('href')).toBe(communicated);
	await expect(supplier.getByRole('link', { name: /Testrapport delleverans 1\.pdf/ })).toHaveCount(0);
	await expectAccessible(supplier);
});
