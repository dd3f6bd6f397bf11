import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { signIn } from './support/session';

const ABOUT = '/c/ostergotland/about';
const ADMIN = 'admin@samsyn.demo';
const ADMIN_NAME = 'Samordnare Östergötland';
const OBSERVER = 'observator@samsyn.demo';
const OBSERVER_NAME = 'Upphandlare (observatör)';

interface Person {
	context: BrowserContext;
	page: Page;
}

const editor = (page: Page) => page.getByRole('textbox', { name: 'Beskrivning av konsortiet' });
const connection = (page: Page) => page.getByRole('status').filter({ hasText: /Ansluter|Synkroniserar|Ansluten|Offline/ });
const presence = (page: Page) => page.getByRole('list', { name: 'Här nu' }).getByRole('listitem');
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Formatering' });
const tool = (page: Page, name: string) => toolbar(page).getByRole('button', { name, exact: true });
/** Another person's caret, labelled with their name. */
const caret = (page: Page, name: string) => page.locator(`.collaboration-carets__label[data-name="${name}"]`);

/** A person in a browser context of their own, on the about page, connected and in sync. */
async function open(browser: Browser, email: string): Promise<Person> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, email);
	await page.goto(ABOUT);
	await expect(connection(page)).toHaveText('Ansluten – alla ändringar är skickade');
	return { context, page };
}

/**
 * Follows a link or submits a GET form. A live update's refresh that starts at the same moment
 * supersedes the navigation (SvelteKit keeps the newer of the two), so it is repeated until it lands.
 */
async function navigate(page: Page, control: Locator, url: RegExp): Promise<void> {
	await expect(async () => {
		await control.click();
		await expect(page).toHaveURL(url, { timeout: 2000 });
	}).toPass();
}

/** Empties the shared text (as an editor) so each test starts from a known state. */
async function clear(page: Page): Promise<void> {
	await editor(page).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await expect(editor(page)).toHaveText('');
}

test('two editors see each other’s typing within a second, with caret and presence', async ({ browser }) => {
	const a = await open(browser, ADMIN);
	const b = await open(browser, ADMIN);
	await clear(a.page);

	await expect(presence(a.page)).toHaveCount(2);
	await expect(presence(a.page).filter({ hasText: `${ADMIN_NAME} (du)` })).toHaveCount(1);
	await expect(presence(b.page)).toHaveCount(2);

	await editor(a.page).pressSequentially('Hej från A');
	await expect(editor(b.page)).toHaveText('Hej från A', { timeout: 1000 });
	// A's caret, with A's name, in B's editor
	await expect(caret(b.page, ADMIN_NAME)).toBeVisible({ timeout: 1000 });

	await editor(b.page).click();
	await b.page.keyboard.press('ControlOrMeta+End');
	await b.page.keyboard.press('Enter');
	await b.page.keyboard.type('och från B');
	await expect(editor(a.page)).toContainText('och från B', { timeout: 1000 });
	await expect(caret(a.page, ADMIN_NAME)).toBeVisible({ timeout: 1000 });
	await expectAccessible(a.page);

	// B leaves: A's presence list shrinks
	await b.context.close();
	await expect(presence(a.page)).toHaveCount(1);
	await a.context.close();
});

test('edits made offline are kept and reach the other editor after reconnecting', async ({ browser }) => {
	const a = await open(browser, ADMIN);
	const b = await open(browser, ADMIN);
	await clear(a.page);
	await editor(a.page).pressSequentially('Före avbrottet.');
	await expect(editor(b.page)).toHaveText('Före avbrottet.');

	await b.context.setOffline(true);
	await expect(connection(b.page)).toHaveText('Offline – försöker ansluta igen');
	await editor(b.page).click();
	await b.page.keyboard.press('ControlOrMeta+End');
	await b.page.keyboard.type(' Skrivet offline.');
	await expect(connection(b.page)).toContainText('Offline med osynkade ändringar');
	// meanwhile A keeps writing
	await editor(a.page).click();
	await a.page.keyboard.press('ControlOrMeta+Home');
	await a.page.keyboard.type('A skrev under tiden. ');
	// A third editor, connected, receives A's words: the server has broadcast them, and the offline B
	// (whose edits stay in its browser) has neither received them nor sent its own.
	const c = await open(browser, ADMIN);
	await expect(editor(c.page)).toContainText('A skrev under tiden.');
	await expect(editor(c.page)).not.toContainText('Skrivet offline');
	await expect(editor(a.page)).not.toContainText('Skrivet offline');
	await expect(editor(b.page)).not.toContainText('A skrev under tiden');
	await c.context.close();

	await b.context.setOffline(false);
	await expect(connection(b.page)).toHaveText('Ansluten – alla ändringar är skickade');
	await expect(editor(a.page)).toContainText('Skrivet offline.');
	await expect(editor(b.page)).toContainText('A skrev under tiden.');
	await expect.poll(async () => editor(b.page).textContent()).toBe(await editor(a.page).textContent());

	// and the server has it: a fresh visit loads the merged text
	await b.page.reload();
	await expect(connection(b.page)).toHaveText('Ansluten – alla ändringar är skickade');
	await expect(editor(b.page)).toHaveText('A skrev under tiden. Före avbrottet. Skrivet offline.');
	await a.context.close();
	await b.context.close();
});

test('an observer gets the text read-only, sees who edits, and passes axe', async ({ browser }) => {
	const admin = await open(browser, ADMIN);
	await clear(admin.page);
	await editor(admin.page).pressSequentially('Bara administratörer skriver här.');

	const observer = await open(browser, OBSERVER);
	await expect(editor(observer.page)).toHaveText('Bara administratörer skriver här.');
	await expect(editor(observer.page)).toHaveAttribute('aria-readonly', 'true');
	await expect(editor(observer.page)).toHaveAttribute('contenteditable', 'false');
	await expect(toolbar(observer.page)).toHaveCount(0);
	await expect(observer.page.getByText('Du kan läsa men inte ändra den här texten.').first()).toBeVisible();
	await expect(observer.page.getByRole('button', { name: 'Spara version' })).toHaveCount(0);

	// presence both ways, and the admin's named caret in the observer's view
	await expect(presence(admin.page).filter({ hasText: OBSERVER_NAME })).toHaveCount(1);
	await expect(presence(observer.page).filter({ hasText: ADMIN_NAME })).toHaveCount(1);
	await admin.page.keyboard.type(' Ny mening.');
	await expect(editor(observer.page)).toContainText('Ny mening.', { timeout: 1000 });
	await expect(caret(observer.page, ADMIN_NAME)).toBeVisible();

	// typing does nothing
	await editor(observer.page).click({ force: true });
	await observer.page.keyboard.type('försök');
	await expect(editor(observer.page)).not.toContainText('försök');
	await expect(editor(admin.page)).not.toContainText('försök');
	await expectAccessible(observer.page);
	await admin.context.close();
	await observer.context.close();
});

test('a supplier cannot open the page', async ({ page }) => {
	await signIn(page, 'leverantor@samsyn.demo');
	const response = await page.goto(ABOUT);
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('textbox', { name: 'Beskrivning av konsortiet' })).toHaveCount(0);
});

test('the toolbar works by keyboard: roving focus, pressed state, shortcuts', async ({ browser }) => {
	const { page, context } = await open(browser, ADMIN);
	await clear(page);
	await page.keyboard.type('viktigt ord');
	await page.keyboard.press('ControlOrMeta+a');

	// Alt+F10 moves to the toolbar; the arrows move between buttons; only one is in the tab order
	await page.keyboard.press('Alt+F10');
	await expect(tool(page, 'Rubrik')).toBeFocused();
	await expect(toolbar(page).locator('button[tabindex="0"]')).toHaveCount(1);
	await page.keyboard.press('ArrowRight');
	await expect(tool(page, 'Underrubrik')).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect(tool(page, 'Fetstil')).toBeFocused();
	await expect(tool(page, 'Fetstil')).toHaveAttribute('aria-pressed', 'false');
	await page.keyboard.press('Enter');
	await expect(editor(page)).toBeFocused();
	await expect(editor(page).locator('strong')).toHaveText('viktigt ord');
	await expect(tool(page, 'Fetstil')).toHaveAttribute('aria-pressed', 'true');

	// back with Shift+Tab lands on the last used button; End and Home; Escape returns to the text
	await page.keyboard.press('Shift+Tab');
	await expect(tool(page, 'Fetstil')).toBeFocused();
	await page.keyboard.press('End');
	await expect(tool(page, 'Gör om')).toBeFocused();
	await page.keyboard.press('Home');
	await expect(tool(page, 'Rubrik')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(editor(page)).toBeFocused();
	await page.keyboard.press('End');
	await page.keyboard.press('Alt+F10');
	await expect(tool(page, 'Rubrik')).toBeFocused();
	await page.keyboard.press('Space');
	await expect(editor(page).locator('h2')).toHaveText('viktigt ord');
	await expect(tool(page, 'Rubrik')).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('ControlOrMeta+a');

	// keyboard shortcuts: italic, and a link through Ctrl+K
	await page.keyboard.press('ControlOrMeta+i');
	await expect(editor(page).locator('em')).toHaveText('viktigt ord');
	await page.keyboard.press('ControlOrMeta+k');
	const address = page.getByLabel('Länkadress');
	await expect(address).toBeFocused();
	await address.fill('javascript:alert(1)');
	await page.keyboard.press('Enter');
	await expect(page.getByText('Ange en adress som börjar med https://, http:// eller mailto:.')).toBeVisible();
	await expect(address).toHaveAttribute('aria-invalid', 'true');
	await address.fill('https://www.skr.se');
	await page.keyboard.press('Enter');
	await expect(editor(page)).toBeFocused();
	await expect(editor(page).locator('a[href="https://www.skr.se/"]')).toHaveText('viktigt ord');

	// a table from the toolbar
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Alt+F10');
	await tool(page, 'Rubrik').press('End');
	for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
	await expect(tool(page, 'Infoga tabell')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(editor(page).locator('table tr')).toHaveCount(3);
	await expect(tool(page, 'Lägg till rad')).not.toHaveAttribute('aria-disabled', 'true');
	await expectAccessible(page);
	await context.close();
});

test('versions: name one, compare with now, open it read-only, and restore it as a new edit', async ({ browser }) => {
	const a = await open(browser, ADMIN);
	const b = await open(browser, ADMIN);
	await clear(a.page);
	await editor(a.page).pressSequentially('Första utkastet.');
	await expect(editor(b.page)).toHaveText('Första utkastet.');

	// an empty name is refused beside the field
	await a.page.getByRole('button', { name: 'Spara version' }).click();
	await expect(a.page.getByText('Ge versionen ett namn.')).toBeVisible();
	await expect(a.page.getByLabel('Versionens namn')).toHaveAttribute('aria-invalid', 'true');

	const name = 'Skickad till leverantören 2026-03-01';
	await a.page.getByLabel('Versionens namn').fill(name);
	await a.page.getByRole('button', { name: 'Spara version' }).click();
	await expect(a.page.getByText(`Versionen ”${name}” är sparad.`)).toBeVisible();
	await expect(a.page.getByRole('rowheader', { name })).toBeVisible();
	// the other editor's list follows live
	await expect(b.page.getByRole('rowheader', { name })).toBeVisible();

	await editor(a.page).click();
	await a.page.keyboard.press('ControlOrMeta+End');
	await a.page.keyboard.press('Enter');
	await a.page.keyboard.type('Tillägg efter versionen.');
	await expect(editor(b.page)).toContainText('Tillägg efter versionen.');

	// compare the version with the current text
	await a.page.getByLabel('Från', { exact: true }).selectOption({ label: name });
	await a.page.getByLabel('Till', { exact: true }).selectOption({ label: 'Nuvarande text' });
	await navigate(a.page, a.page.getByRole('button', { name: 'Jämför' }), /from=/);
	const diff = a.page.getByRole('region', { name: `Skillnader från ”${name}” till ”Nuvarande text”` });
	await expect(diff.locator('ins')).toContainText('Tillägg efter versionen.');
	await expect(diff.locator('del')).toHaveCount(0);
	await expectAccessible(a.page);

	// open it read-only
	await navigate(a.page, a.page.getByRole('link', { name: `Visa versionen ${name}` }), /version=/);
	const past = a.page.getByRole('textbox', { name: `Innehåll i versionen ${name}` });
	await expect(past).toHaveText('Första utkastet.');
	await expect(past).toHaveAttribute('contenteditable', 'false');
	await expectAccessible(a.page);

	// restore: both editors show the old text at once; the history keeps the later edit as a version can show
	await expect(connection(a.page)).toHaveText('Ansluten – alla ändringar är skickade');
	await a.page.getByRole('button', { name: `Återställ versionen ${name}` }).click();
	await expect(a.page.getByText(`Versionen ”${name}” är återställd som en ny ändring; historiken finns kvar.`)).toBeVisible();
	await expect(editor(b.page)).toHaveText('Första utkastet.');
	await expect(editor(a.page)).toHaveText('Första utkastet.');
	await a.context.close();
	await b.context.close();
});
