import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { expectAccessible } from './support/axe';
import { signIn } from './support/session';

const trio = '/c/e2e-trio';

/** Waits until the page is hydrated and live (what is typed before hydration could be lost). */
async function ready(page: Page): Promise<void> {
	await expect(page.getByRole('status').filter({ hasText: /^\s*Live\s*$/ })).toBeVisible();
}

async function as(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await signIn(page, email);
	return page;
}

/** The co-edited requirement text on a requirement's page. */
const requirementText = (page: Page) => page.getByRole('textbox', { name: 'Kravtext', exact: true });
const connection = (page: Page) => page.getByRole('status').filter({ hasText: /Ansluter|Synkroniserar|Ansluten|Offline/ });
const presence = (page: Page) => page.getByRole('list', { name: 'Här nu' }).getByRole('listitem');

test('capture a need, write a story, break it into two requirements, co-edit one with a second person and have it approved under majority rule', async ({
	browser
}) => {
	test.setTimeout(300_000);
	// A retry (or a repeat) works on items of its own: what an earlier attempt created is still there.
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const tag = attempt ? ` ${attempt}` : '';
	const needTitle = `Nattillsyn utan att väcka brukaren${tag}`;
	const [first, other] = [`Tillsyn via sensor${tag}`, `Larm vid utebliven tillsyn${tag}`];
	const writer = await as(browser, 'admin@samsyn.demo');

	// A need
	await writer.goto(`${trio}/needs`);
	await expect(writer.getByRole('heading', { level: 1, name: 'Behov' })).toBeVisible();
	await expectAccessible(writer);
	await ready(writer);
	await writer.getByRole('button', { name: 'Skapa' }).click();
	await expect(writer.getByText('Fältet måste fyllas i.').first()).toBeVisible();
	await ready(writer);
	await writer.getByLabel('Rubrik').fill(needTitle);
	await writer.getByLabel('Beskrivning').fill('Fysiska nattbesök väcker brukarna.');
	await writer.getByLabel('Fångat av').selectOption({ label: 'Linköping' });
	await writer.getByRole('button', { name: 'Skapa' }).click();
	await expect(writer.getByRole('heading', { level: 1, name: needTitle })).toBeVisible();
	// the description typed at creation is the start of the co-edited text
	await expect(writer.getByRole('textbox', { name: 'Beskrivning' })).toHaveText('Fysiska nattbesök väcker brukarna.');
	await expectAccessible(writer);

	// A story answering it
	await writer.getByRole('link', { name: 'Skriv en användarberättelse för behovet' }).click();
	await ready(writer);
	await expectAccessible(writer);
	await writer.getByLabel('Jag som … (roll)').fill('nattpersonal');
	await writer.getByLabel('vill kunna … (mål)').fill('se att brukaren sover tryggt via sensor');
	await writer.getByLabel('för att … (syfte)').fill('brukaren ska få sova ostört');
	await expect(writer.getByLabel('Besvarar behoven')).toHaveValues([/^[0-9a-f-]{36}$/]);
	await writer.getByRole('button', { name: 'Skapa' }).click();
	await expect(writer.getByRole('heading', { level: 1, name: /Jag som nattpersonal, vill kunna se att brukaren sover tryggt/ })).toBeVisible();
	await expectAccessible(writer);
	const storyUrl = writer.url();

	// Two requirements broken out of the story
	const identifiers: Record<string, string> = {};
	for (const [title, body] of [
		[first, 'Lösningen ska kunna göra tillsyn nattetid med sensor utan bild.'],
		[other, 'Ansvarig personal ska larmas om en planerad tillsyn inte kan genomföras.']
	] as const) {
		await writer.goto(storyUrl);
		await writer.getByRole('link', { name: 'Bryt ned till ett nytt krav' }).click();
		await expect(writer.getByRole('heading', { level: 1, name: 'Nytt krav' })).toBeVisible();
		await expectAccessible(writer);
		await ready(writer);
		await writer.getByLabel('Rubrik').fill(title);
		await writer.getByRole('textbox', { name: 'Kravtext' }).fill(body);
		await writer.getByRole('button', { name: 'Skapa' }).click();
		const heading = writer.getByRole('heading', { level: 1, name: new RegExp(`^K-\\d{3} ${title}$`) });
		await expect(heading).toBeVisible();
		identifiers[title] = (await heading.textContent())!.trim().slice(0, 5);
	}
	await writer.goto(storyUrl);
	await expect(writer.getByRole('link', { name: `${identifiers[other]} ${other}`, exact: true })).toBeVisible();
	await writer.getByRole('link', { name: `${identifiers[first]} ${first}`, exact: true }).click();
	await expect(writer.getByRole('heading', { level: 1, name: `${identifiers[first]} ${first}` })).toBeVisible();
	const requirementUrl = writer.url();

	// Co-editing the text with a second person: the text typed at creation is there, each sees the
	// other's typing within a second, and both are listed as here now
	const second = await as(browser, 'ombud.ydre@samsyn.demo');
	await second.goto(requirementUrl);
	for (const page of [writer, second]) await expect(connection(page)).toHaveText('Ansluten – alla ändringar är skickade');
	await expect(requirementText(second)).toHaveText('Lösningen ska kunna göra tillsyn nattetid med sensor utan bild.');
	await expect(presence(writer)).toHaveCount(2);
	await expect(presence(second).filter({ hasText: '(du)' })).toHaveCount(1);
	await requirementText(second).click();
	await second.keyboard.press('ControlOrMeta+End');
	await second.keyboard.type(' Även vid strömavbrott.');
	await expect(requirementText(writer)).toHaveText('Lösningen ska kunna göra tillsyn nattetid med sensor utan bild. Även vid strömavbrott.', { timeout: 1000 });
	await requirementText(writer).click();
	await writer.keyboard.press('ControlOrMeta+End');
	await writer.keyboard.press('Enter');
	await writer.keyboard.type('Varje tillsyn loggas.');
	await expect(requirementText(second)).toContainText('Varje tillsyn loggas.', { timeout: 1000 });
	await expect(writer.locator(`.collaboration-carets__label`).first()).toBeAttached();
	await expectAccessible(writer);
	await expectAccessible(second);

	// Two people save the same requirement's fields: the later one is shown what changed and keeps their words
	await second.locator('summary', { hasText: 'Redigera kravet' }).click();
	await second.getByLabel('Motivering').fill('Sensorer stör inte sömnen.');
	await writer.locator('summary', { hasText: 'Redigera kravet' }).click();
	await writer.getByLabel('Motivering').fill('Kameror upplevs som integritetskränkande.');
	await writer.getByRole('button', { name: 'Spara' }).click();
	await expect(writer.getByText('Sparat.')).toBeVisible();
	// the second person's page shows the new rationale live, and keeps what they are typing
	await expect(second.getByText('Kameror upplevs som integritetskränkande.', { exact: true })).toBeVisible({ timeout: 10_000 });
	await expect(second.getByLabel('Motivering')).toHaveValue('Sensorer stör inte sömnen.');
	await second.getByRole('button', { name: 'Spara' }).click();
	await expect(second.getByRole('heading', { name: 'Det här har ändrats sedan du öppnade sidan' })).toBeVisible();
	await expect(second.getByRole('row', { name: /Motivering.*integritetskränkande.*sömnen/ })).toBeVisible();
	await expect(second.getByLabel('Motivering')).toHaveValue('Sensorer stör inte sömnen.');
	await expectAccessible(second);
	// the co-edited text was stored as it was typed
	await writer.reload();
	await expect(requirementText(writer)).toHaveText(/utan bild\. Även vid strömavbrott\.\s*Varje tillsyn loggas\.$/);

	// Review: one approval is not enough under majority with a 50 % quorum; two are
	await writer.getByRole('button', { name: 'Skicka på granskning' }).click();
	await expect(writer.getByText('Under granskning').first()).toBeVisible();
	await expect(writer.getByText('Spelreglerna är ännu inte uppfyllda.')).toBeVisible();

	const linkoping = await as(browser, 'ombud.linkoping@samsyn.demo');
	await linkoping.goto(requirementUrl);
	await expect(linkoping.getByRole('heading', { name: 'Ditt ställningstagande för Linköping' })).toBeVisible();
	await expectAccessible(linkoping);
	await linkoping.getByRole('button', { name: 'Invänd' }).click();
	await expect(linkoping.getByText('Fältet måste fyllas i.')).toBeVisible();
	await linkoping.getByRole('button', { name: 'Godkänn' }).click();
	await expect(linkoping.getByRole('row', { name: /Linköping Godkänner Ombud Linköping \(ombud\)/ })).toBeVisible();
	await expect(linkoping.getByText('1 av 3 medlemsorganisationer har tagit ställning (33 %).')).toBeVisible();
	await expect(linkoping.getByText('Spelreglerna är ännu inte uppfyllda.')).toBeVisible();

	await second.goto(requirementUrl);
	await second.getByRole('button', { name: 'Godkänn' }).click();
	await expect(second.getByText('Spelreglerna är uppfyllda: kravet är godkänt.')).toBeVisible();
	// the writer's open page follows without a reload, and the text is now read-only
	await expect(writer.getByText('Spelreglerna är uppfyllda: kravet är godkänt.')).toBeVisible({ timeout: 10_000 });
	await expect(writer.locator('.meta').getByText('Godkänt')).toBeVisible();
	await expect(requirementText(writer)).toHaveAttribute('contenteditable', 'false');
	await expectAccessible(writer);

	// Lists, search (over the co-edited text too), tree and matrix
	await writer.goto(`${trio}/requirements?q=${encodeURIComponent('strömavbrott')}`);
	await expect(writer.getByRole('link', { name: first, exact: true })).toBeVisible();
	await expect(writer.getByRole('link', { name: other, exact: true })).toBeHidden();
	await expectAccessible(writer);
	await writer.goto(`${trio}/requirements?status=approved`);
	await expect(writer.getByRole('link', { name: first, exact: true })).toBeVisible();
	await expect(writer.getByRole('link', { name: other, exact: true })).toBeHidden();
	await expectAccessible(writer);
	await writer.goto(`${trio}/traceability`);
	await expect(writer.getByRole('rowheader', { name: needTitle })).toBeVisible();
	if (!tag) await expect(writer.getByText('0 behov saknar krav och 0 krav saknar behov.')).toBeVisible();
	await expectAccessible(writer);

	// Freeze the approved requirements as a baseline and download it as a Word specification
	const baselineName = `Kravspecifikation 1.0${tag}`;
	await writer.goto(`${trio}/baselines`);
	await ready(writer);
	await writer.getByLabel('Namn').fill(baselineName);
	await writer.getByRole('button', { name: 'Frys baslinjen' }).click();
	await expect(writer.getByRole('status').filter({ hasText: `Baslinjen ${baselineName} är fryst` })).toBeVisible();
	await writer.getByRole('link', { name: baselineName, exact: true }).click();
	await expect(writer.getByRole('heading', { level: 1, name: baselineName })).toBeVisible();
	await expect(writer.getByRole('rowheader', { name: identifiers[first] })).toBeVisible();
	await expectAccessible(writer);
	const [download] = await Promise.all([writer.waitForEvent('download'), writer.getByRole('link', { name: /Word \(\.docx\)/ }).click()]);
	expect(download.suggestedFilename()).toBe(`${baselineName}.docx`);
	const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
	const wordText = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
	expect(wordText).toContain(`${identifiers[first]}`);
	expect(wordText).toContain('Varje tillsyn loggas.');

	// Changing the approved requirement makes revision 2, back in review; revision 1 stays readable
	await writer.goto(requirementUrl);
	await ready(writer);
	await expect(writer.getByText('Kravet är godkänt: sparar du ändrad text skapas en ny revision')).toBeVisible();
	await writer.locator('summary', { hasText: 'Redigera kravet' }).click();
	await writer
		.getByRole('textbox', { name: 'Kravtext i nästa revision' })
		.fill('Lösningen ska kunna göra tillsyn nattetid med sensor utan bild, även vid strömavbrott.');
	await writer.getByRole('button', { name: 'Spara' }).click();
	await expect(writer).not.toHaveURL(requirementUrl);
	await expect(writer.getByRole('heading', { level: 1, name: `${identifiers[first]} ${first}` })).toBeVisible();
	await expect(writer.locator('.meta').getByText('rev. 2')).toBeVisible();
	await expect(writer.locator('.meta').getByText('Under granskning')).toBeVisible();
	// the new revision's co-edited text starts from what was saved
	await expect(requirementText(writer)).toHaveText('Lösningen ska kunna göra tillsyn nattetid med sensor utan bild, även vid strömavbrott.');
	await expectAccessible(writer);
	await writer.getByRole('link', { name: 'rev. 1' }).click();
	await expect(writer.getByText('Du läser en äldre revision. Den senaste är revision 2.')).toBeVisible();
	await expect(writer.locator('.meta').getByText('Godkänt')).toBeVisible();
	await expect(requirementText(writer)).toContainText('Varje tillsyn loggas.');
	await expectAccessible(writer);
});

test('a comment that @mentions someone reaches their notification list', async ({ browser }) => {
	const writer = await as(browser, 'admin@samsyn.demo');
	const kinda = await as(browser, 'ombud.kinda@samsyn.demo');
	await writer.goto(`${trio}/needs`);
	await ready(writer);
	await writer.getByLabel('Rubrik').fill('Digitala lås för medicinskåp');
	await writer.getByRole('button', { name: 'Skapa' }).click();
	await expect(writer.getByRole('heading', { level: 1, name: 'Digitala lås för medicinskåp' })).toBeVisible();
	await kinda.goto('/notifications');
	await expectAccessible(kinda);
	const before = await kinda.getByRole('listitem').filter({ hasText: 'Digitala lås för medicinskåp' }).count();
	expect(before).toBe(0);
	await writer.getByLabel('Ny kommentar').fill('Har ni detta behov, @Ombud Kinda?');
	await writer.getByRole('button', { name: 'Kommentera' }).click();
	await expect(writer.getByText('Har ni detta behov, @Ombud Kinda?')).toBeVisible();
	await expect(kinda.getByRole('link', { name: /Aviseringar, [1-9]\d* olästa/ })).toBeVisible({ timeout: 10_000 });
	await kinda.reload();
	await expect(kinda.getByRole('link', { name: 'Samordnare Östergötland nämnde dig i en kommentar om Digitala lås för medicinskåp' })).toBeVisible();
	await expectAccessible(kinda);
	await kinda.getByRole('link', { name: /nämnde dig i en kommentar om Digitala lås/ }).click();
	await expect(kinda.getByRole('heading', { level: 1, name: 'Digitala lås för medicinskåp' })).toBeVisible();
	await expectAccessible(kinda);
});

test('the demo: Östergötland’s requirements, an approval panel, and nothing for the supplier or an observer’s pen', async ({ browser, request }) => {
	const observer = await as(browser, 'observator@samsyn.demo');
	// paging keeps the filters; the search form is a link of its own
	await observer.goto('/c/ostergotland/requirements?limit=5&status=approved');
	await observer.getByRole('link', { name: 'Nästa sida' }).click();
	await expect(observer).toHaveURL(/offset=5/);
	await expect(observer).toHaveURL(/status=approved/);
	await expect(observer.getByRole('link', { name: 'Föregående sida' })).toBeVisible();
	await ready(observer);
	await observer.getByRole('searchbox', { name: 'Sök' }).fill('kamera');
	await observer.getByRole('button', { name: 'Filtrera' }).click();
	await expect(observer).toHaveURL(/q=kamera/);
	await expect(observer.getByRole('link', { name: 'Digital tillsyn nattetid via kamera' })).toBeVisible();
	await expect(observer.getByRole('link', { name: 'Loggning av varje tillsyn' })).toBeHidden();
	await expect(observer.getByRole('link', { name: 'Nytt krav' })).toBeHidden();
	await expectAccessible(observer);
	await observer.getByRole('link', { name: 'Digital tillsyn nattetid via kamera' }).click();
	await expect(observer.getByText('Spelreglerna är uppfyllda: kravet är godkänt.')).toBeVisible();
	await expect(observer.getByRole('button', { name: 'Spara' })).toBeHidden();
	// the demo text opens in the live editor, read-only for an observer
	await expect(requirementText(observer)).toHaveText(/^Lösningen ska möjliggöra tillsyn nattetid via kamera/);
	await expect(requirementText(observer)).toHaveAttribute('contenteditable', 'false');
	await expect(observer.getByText('Du kan läsa men inte ändra den här texten.').first()).toBeVisible();
	await expect(observer.getByRole('toolbar', { name: 'Formatering' })).toBeHidden();
	await expectAccessible(observer);
	await observer.goto('/c/ostergotland/needs');
	await expect(observer.getByRole('link', { name: 'Nattillsyn', exact: true })).toBeVisible();
	await expectAccessible(observer);
	await observer.goto('/c/ostergotland/stories');
	await expectAccessible(observer);
	await observer.goto('/c/ostergotland/traceability');
	await expect(observer.getByRole('heading', { name: 'Matris: behov × krav' })).toBeVisible();
	await expectAccessible(observer);

	const supplier = await as(browser, 'leverantor@samsyn.demo');
	for (const path of ['requirements', 'needs', 'stories', 'traceability']) {
		const response = await supplier.goto(`/c/ostergotland/${path}`);
		expect(response?.status(), path).toBe(404);
	}
	const api = await supplier.request.get('/api/v1/c/ostergotland/requirements');
	expect(api.status()).toBe(404);
	expect((await request.get('/api/v1/c/ostergotland/requirements')).status()).toBe(401);
	expect((await observer.request.get('/api/v1/c/ostergotland/requirements?limit=0')).status()).toBe(400);
	const page = await observer.request.get('/api/v1/c/ostergotland/requirements?limit=5&status=approved');
	const body = (await page.json()) as { items: { id: string; document: string }[]; total: number; next_cursor: string | null };
	expect(body.items).toHaveLength(5);
	// ten approved in the demo, one of them since revised (in review: the change-impact demo)
	expect(body.total).toBeGreaterThanOrEqual(9);
	expect(body.items[0]!.document).toBe(`requirement/${body.items[0]!.id}/body`);
});

test('an admin creates an API token that reads the API and stops working when revoked; works at 320 px', async ({ browser, request }) => {
	const admin = await as(browser, 'admin@samsyn.demo');
	await admin.setViewportSize({ width: 320, height: 700 });
	await admin.goto('/c/ostergotland/api-tokens');
	await expectAccessible(admin);
	await admin.getByLabel('Namn på nyckeln').fill('Upphandlingssystemet');
	await admin.getByRole('button', { name: 'Skapa nyckel' }).click();
	const token = (await admin.locator('code.token').textContent())!.trim();
	expect(token).toMatch(/^smsn_/);
	const ok = await request.get('/api/v1/c/ostergotland/needs?limit=2', { headers: { Authorization: `Bearer ${token}` } });
	expect(ok.status()).toBe(200);
	await admin.getByRole('button', { name: 'Återkalla nyckeln Upphandlingssystemet' }).click();
	await expect(admin.getByRole('cell', { name: 'Återkallad' })).toBeVisible();
	const revoked = await request.get('/api/v1/c/ostergotland/needs', { headers: { Authorization: `Bearer ${token}` } });
	expect(revoked.status()).toBe(401);
	for (const path of ['/c/ostergotland/requirements', '/c/ostergotland/traceability', '/c/ostergotland/needs']) {
		await admin.goto(path);
		const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, path).toBeLessThanOrEqual(0);
		await expectAccessible(admin);
	}
});

test('the requirement pages in English', async ({ browser }) => {
	const observer = await as(browser, 'observator@samsyn.demo');
	await observer.goto('/c/ostergotland/requirements');
	await ready(observer);
	await observer.getByRole('button', { name: /Byt språk/ }).click();
	await expect(observer.getByRole('heading', { level: 1, name: 'Requirements' })).toBeVisible();
	await expect(observer.getByRole('columnheader', { name: 'Obligation' })).toBeVisible();
	await expectAccessible(observer);
	await observer.getByRole('link', { name: 'Digital tillsyn nattetid via kamera' }).click();
	await expect(observer.getByText('The ground rules are met: the requirement is approved.')).toBeVisible();
	await expectAccessible(observer);
	await observer.goto('/c/ostergotland/traceability');
	await expect(observer.getByRole('heading', { name: 'Matrix: needs × requirements' })).toBeVisible();
	await expectAccessible(observer);
});
