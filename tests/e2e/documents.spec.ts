import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { as, expectNoSidewaysScroll } from './support/pages';
import { hydrated } from './support/session';

const base = '/c/e2e-dokument';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A signed-in person in Swedish (a spec before this one may have left the shared account in English). */
async function person(browser: Browser, email: string): Promise<Page> {
	const page = await as(browser, email);
	await page.request.post('/locale', { form: { locale: 'sv', redirectTo: '/' }, headers: { origin: new URL(page.url()).origin } });
	return page;
}

const draft = (page: Page) => page.getByRole('textbox', { name: 'Dokumentets text före kraven' });
const connected = (page: Page) => page.getByRole('status').filter({ hasText: 'Ansluten – alla ändringar är skickade' }).first();

async function openDocument(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await hydrated(page);
}

test('a kravspecifikation from the template: two people co-write it, attach a PDF, send it for approval, two representatives approve, it is published, and the supplier reads the published version and never the draft', async ({
	browser
}) => {
	// Five people's pages, co-editing and two exports: close to the default minute on a busy machine.
	test.slow();
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const title = `Kravspecifikation nattillsyn ${Date.now()}-${attempt}`;

	// Motala's participant starts the document from the template, on the baseline.
	const writer = await person(browser, 'deltagare.motala@samsyn.demo');
	await writer.goto(`${base}/documents`);
	await hydrated(writer);
	await expect(writer.getByRole('heading', { level: 1, name: 'Dokument' })).toBeVisible();
	await expectAccessible(writer);
	await writer.getByLabel('Typ av dokument').selectOption('requirement_specification');
	await writer.getByLabel('Titel', { exact: true }).fill(title);
	await writer.getByLabel('Baslinje').selectOption({ label: 'Baslinje nattillsyn 1.0' });
	await writer.getByRole('button', { name: 'Skapa dokument' }).click();
	await expect(writer.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const url = writer.url();
	await hydrated(writer);
	// The template's sections, with the baseline's requirements generated between them.
	await expect(draft(writer)).toContainText('Inledning');
	const section = writer.getByRole('region', { name: 'Krav från baslinjen Baslinje nattillsyn 1.0' });
	await expect(section.getByText('K-001')).toBeVisible();
	await expect(section.getByText('K-003')).toBeVisible();
	await expect(writer.getByRole('textbox', { name: 'Dokumentets text efter kraven' })).toContainText('Data och integrationer');
	await expect(connected(writer)).toBeVisible();
	await expectAccessible(writer);

	// Linköping's representative opens it too: both type, each sees the other's words.
	const linkoping = await person(browser, 'ombud.linkoping@samsyn.demo');
	await openDocument(linkoping, url);
	await expect(connected(linkoping)).toBeVisible();
	await draft(writer).click();
	await writer.keyboard.press('ControlOrMeta+End');
	await writer.keyboard.press('Enter');
	await writer.keyboard.type('Motala skriver om nattens rutiner.');
	await expect(draft(linkoping)).toContainText('Motala skriver om nattens rutiner.');
	await draft(linkoping).click();
	await linkoping.keyboard.press('ControlOrMeta+End');
	await linkoping.keyboard.press('Enter');
	await linkoping.keyboard.type('Linköping lägger till larmkedjan.');
	await expect(draft(writer)).toContainText('Linköping lägger till larmkedjan.');
	await expect(connected(writer)).toBeVisible();
	await expect(connected(linkoping)).toBeVisible();

	// A PDF attached to the document.
	const files = writer.getByRole('region', { name: 'Bilagor' });
	await files.getByLabel('Fil att bifoga').setInputFiles({ name: 'Systemmiljö.pdf', mimeType: 'application/pdf', buffer: pdf });
	await files.getByRole('button', { name: 'Bifoga filen' }).click();
	await expect(files.getByRole('link', { name: /Systemmiljö\.pdf/ })).toBeFocused();

	// Named and sent for approval in one step.
	await writer.getByLabel('Versionens namn').fill('Remissversion');
	await writer.getByLabel('Skicka versionen för godkännande direkt').check();
	await writer.getByRole('button', { name: 'Spara version' }).click();
	const sent = writer.getByRole('status').filter({ hasText: 'Version 1, Remissversion, är skickad för godkännande.' });
	await expect(sent).toBeFocused();
	await expect(writer.getByRole('row', { name: /Remissversion/ })).toContainText('Skickad för godkännande');

	// Typed after sending: in the draft, never in what the supplier will read.
	await draft(writer).click();
	await writer.keyboard.press('ControlOrMeta+End');
	await writer.keyboard.press('Enter');
	await writer.keyboard.type('Internt utkast efter remissen.');
	await expect(connected(writer)).toBeVisible();

	// Two representatives approve; the ground rules (majority of three) carry it.
	await openDocument(linkoping, url);
	const approval = linkoping.getByRole('region', { name: 'Godkännande av version 1, Remissversion' });
	await expect(approval).toBeVisible();
	await expectAccessible(linkoping);
	await approval.getByRole('button', { name: 'Godkänn' }).click();
	await expect(approval.getByRole('status').filter({ hasText: 'Din organisations ställningstagande är sparat' })).toBeFocused();

	const ydre = await person(browser, 'ombud.ydre@samsyn.demo');
	await openDocument(ydre, url);
	const ydreApproval = ydre.getByRole('region', { name: 'Godkännande av version 1, Remissversion' });
	await ydreApproval.getByRole('button', { name: 'Godkänn' }).click();
	await expect(ydreApproval.getByRole('status').filter({ hasText: 'Din organisations ställningstagande är sparat' })).toBeFocused();
	await expect(ydre.getByRole('row', { name: /Remissversion/ })).toContainText('Godkänd');

	// The coordinator publishes it, open for comments.
	const admin = await person(browser, 'admin@samsyn.demo');
	await openDocument(admin, url);
	const publish = admin.getByRole('region', { name: 'Publicering till leverantören' });
	await publish.getByLabel('Leverantören får kommentera (remissrunda)').check();
	await publish.getByRole('button', { name: 'Publicera till leverantören' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Versionen är publicerad till leverantören.' }).first()).toBeFocused();
	await expectAccessible(admin);
	await admin.setViewportSize({ width: 320, height: 800 });
	await expectNoSidewaysScroll(admin);

	// The supplier reads the published version, read-only, and comments on it.
	const supplier = await person(browser, 'leverantor@samsyn.demo');
	await supplier.goto(`${base}/documents`);
	await supplier.getByRole('link', { name: title }).click();
	await expect(supplier.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await hydrated(supplier);
	const published = supplier.getByRole('region', { name: 'Versionen Remissversion' });
	await expect(published).toContainText('Motala skriver om nattens rutiner.');
	await expect(published).toContainText('Linköping lägger till larmkedjan.');
	await expect(published).toContainText('K-002');
	await expect(supplier.getByText('Internt utkast efter remissen.')).toHaveCount(0);
	await expect(supplier.getByRole('textbox', { name: /Dokumentets text/ })).toHaveCount(0); // no editor
	await expect(supplier.getByRole('region', { name: 'Bilagor' }).getByRole('link', { name: /Systemmiljö\.pdf/ })).toBeVisible();
	await expectAccessible(supplier);
	await supplier.getByLabel('Er kommentar').fill('Vad menas med larmkedjan?');
	await supplier.getByRole('button', { name: 'Skicka kommentaren' }).click();
	await expect(supplier.getByRole('status').filter({ hasText: 'Kommentaren är skickad till konsortiet.' }).first()).toBeFocused();
	await expect(supplier.getByText('Vad menas med larmkedjan?')).toBeVisible();
	await supplier.setViewportSize({ width: 320, height: 800 });
	await expectNoSidewaysScroll(supplier);

	// The draft, as a download or a page of its own, does not exist for the supplier.
	const documentId = new URL(url).pathname.split('/').pop()!;
	expect((await supplier.request.get(`${base}/documents/${documentId}/export/docx?version=current`)).status()).toBe(404);
	expect((await supplier.request.get(`${base}/documents/${documentId}/export/pdf`)).status()).toBe(404); // no version: the draft
	const word = await admin.request.get(`${base}/documents/${documentId}/export/docx?version=current`);
	expect(word.status()).toBe(200);
});

test('the consortium’s own procurement lifecycle: started from the template on its page, an activity linked to the document it produces', async ({
	browser
}) => {
	const writer = await person(browser, 'deltagare.motala@samsyn.demo');
	await writer.goto(`${base}/lifecycle`);
	await hydrated(writer);
	await expect(writer.getByRole('heading', { level: 1, name: 'Upphandlingens faser' })).toBeVisible();
	const start = writer.getByRole('button', { name: 'Starta från mallen' });
	// A retry finds the checklist already started.
	if (await start.isVisible()) {
		await start.click();
		await expect(writer.getByRole('status').filter({ hasText: 'Checklistan har startats från mallen.' }).first()).toBeFocused();
	}
	const progress = writer.getByRole('list', { name: 'Faser och hur långt de har kommit' });
	await expect(progress.getByRole('listitem')).toHaveCount(6);
	await expectAccessible(writer);

	// A document of the consortium, linked from the activity that produces it.
	const activity = writer.getByRole('row', { name: /Krav och kriterier/ });
	await activity.getByText('Ändra Krav och kriterier').click();
	const choice = activity.getByLabel('Dokument som aktiviteten tar fram');
	const options = await choice.locator('option').allTextContents();
	const title = options.find((o) => o.startsWith('Kravspecifikation nattillsyn'));
	expect(title).toBeDefined();
	await choice.selectOption({ label: title! });
	await activity.getByRole('button', { name: 'Spara Krav och kriterier' }).click();
	await expect(activity.getByRole('link', { name: title! })).toBeVisible();
	await writer.setViewportSize({ width: 320, height: 800 });
	await expectNoSidewaysScroll(writer);
});
