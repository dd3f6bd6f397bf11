import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { hydrated, signIn } from './support/session';

const base = '/c/e2e-prio';
const stories = ['se larm i mobilen', 'signera givna läkemedel', 'läsa omsorgsplanen', 'boka om ett besök'] as const;

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

/** Nothing on the page scrolls sideways (the reflow test's second half). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
	const wide = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth <= width) return [];
		return [...document.querySelectorAll<HTMLElement>('main *')]
			.filter((el) => el.getBoundingClientRect().right > width + 1)
			.slice(0, 5)
			.map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${Math.round(el.getBoundingClientRect().right)}`);
	});
	expect(wide, page.url()).toEqual([]);
}

const moscow = (page: Page, story: string, choice: 'Måste' | 'Bör' | 'Kan' | 'Inte nu') =>
	page.getByRole('group', { name: `MoSCoW för ${story}` }).getByRole('radio', { name: choice, exact: true });

test('three representatives (one a deputy under delegation, one by keyboard, one without JavaScript) rank in their own browsers; the combined ranking and the disagreement appear; the supplier sees nothing', async ({
	browser
}) => {
	test.setTimeout(420_000);
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const title = `Prioritering av nattens berättelser${attempt ? ` (${attempt})` : ''}`;

	// The admin prepares the round over the four stories and opens it
	const admin = await as(browser, 'admin@samsyn.demo');
	await live(admin, `${base}/prioritisation`);
	await expectAccessible(admin);
	await admin.getByLabel('Rubrik').fill(title);
	await admin.getByLabel('Instruktioner').fill('Rangordna efter nyttan för nattpersonalen.');
	await admin.getByLabel('Användarberättelser').selectOption(stories.map((label) => ({ label })));
	await admin.getByRole('button', { name: 'Skapa utkast' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const roundPath = new URL(admin.url()).pathname;
	await hydrated(admin);
	await expectAccessible(admin);
	await admin.getByRole('button', { name: 'Öppna för inlämning' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Omgången är öppen för inlämning.' })).toBeFocused();
	await live(admin, roundPath);

	// Linköping's representative ranks by keyboard: "se larm i mobilen" down to the last place, each move said
	const linkoping = await as(browser, 'ombud.linkoping@samsyn.demo');
	await live(linkoping, roundPath);
	await linkoping.getByRole('link', { name: 'Lämna er organisations prioriteringar' }).click();
	await expect(linkoping.getByRole('heading', { level: 1, name: 'Er organisations prioriteringar' })).toBeVisible();
	await hydrated(linkoping);
	await expectAccessible(linkoping);
	const down = linkoping.getByRole('button', { name: 'Flytta ner se larm i mobilen' });
	await down.focus();
	for (const place of [2, 3, 4]) {
		await linkoping.keyboard.press('Enter');
		await expect(linkoping.getByTestId('announcer')).toHaveText(`se larm i mobilen har nu plats ${place} av 4.`);
	}
	await expect(linkoping.getByLabel('Plats för se larm i mobilen')).toHaveValue('4');
	await expect(linkoping.getByLabel('Plats för signera givna läkemedel')).toHaveValue('1');
	await expect(linkoping.getByRole('button', { name: 'Flytta ner se larm i mobilen' })).toBeDisabled();
	await linkoping.getByRole('button', { name: 'Flytta upp se larm i mobilen' }).focus();
	// MoSCoW by keyboard too: arrow keys move within each radio group
	await moscow(linkoping, 'signera givna läkemedel', 'Måste').check();
	await moscow(linkoping, 'läsa omsorgsplanen', 'Måste').check();
	await moscow(linkoping, 'boka om ett besök', 'Bör').check();
	await moscow(linkoping, 'se larm i mobilen', 'Måste').focus();
	await linkoping.keyboard.press('ArrowDown');
	await linkoping.keyboard.press('ArrowDown');
	await linkoping.keyboard.press('ArrowDown');
	await expect(moscow(linkoping, 'se larm i mobilen', 'Inte nu')).toBeChecked();
	await linkoping.getByRole('button', { name: 'Lämna in', exact: true }).focus();
	await linkoping.keyboard.press('Enter');
	await expect(linkoping.getByRole('status').filter({ hasText: 'Prioriteringarna är inlämnade (version 1).' })).toBeFocused();
	await expect(admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: 'Linköping', exact: true }) })).toContainText('Inlämnat');

	// Kinda's representative: MoSCoW forgotten is refused beside the item, then a drag moves a story up
	const kinda = await as(browser, 'ombud.kinda@samsyn.demo');
	await live(kinda, `${roundPath}/submission`);
	await kinda.getByRole('button', { name: 'Lämna in', exact: true }).click();
	await expect(kinda.getByText('Välj Måste, Bör, Kan eller Inte nu.')).toBeVisible();
	await expectAccessible(kinda);
	const entry = (story: string) => kinda.locator('li.entry').filter({ hasText: story });
	await entry('boka om ett besök').dragTo(entry('signera givna läkemedel'));
	await expect(kinda.getByLabel('Plats för boka om ett besök')).toHaveValue('2');
	await expect(kinda.getByLabel('Plats för läsa omsorgsplanen')).toHaveValue('4');
	for (const story of stories) await moscow(kinda, story, story === 'se larm i mobilen' ? 'Måste' : 'Bör').check();
	await kinda.getByRole('button', { name: 'Lämna in', exact: true }).click();
	await expect(kinda.getByRole('status').filter({ hasText: 'Prioriteringarna är inlämnade (version 1).' })).toBeFocused();

	// Ydre's deputy, under the representative's delegation, without JavaScript: the rank numbers are the form
	const ydreSignedIn = await as(browser, 'ersattare.ydre@samsyn.demo');
	const ydre = await (
		await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false, storageState: await ydreSignedIn.context().storageState() })
	).newPage();
	await ydre.goto(`${roundPath}/submission`);
	await expect(ydre.getByRole('button', { name: 'Flytta ner se larm i mobilen' })).toHaveCount(0);
	await ydre.getByLabel('Plats för läsa omsorgsplanen').fill('2');
	for (const story of stories) await moscow(ydre, story, 'Måste').check();
	await ydre.getByRole('button', { name: 'Lämna in', exact: true }).click();
	await expect(ydre.getByLabel('Plats för läsa omsorgsplanen')).toHaveAccessibleDescription(
		'Plats 2 är redan given till en annan punkt. Två punkter kan inte dela plats.'
	);
	await expect(moscow(ydre, 'boka om ett besök', 'Måste')).toBeChecked();
	await ydre.getByLabel('Plats för läsa omsorgsplanen').fill('3');
	await ydre.getByLabel('Plats för boka om ett besök').fill('4');
	await ydre.getByRole('button', { name: 'Lämna in', exact: true }).click();
	await expect(ydre.getByText('Prioriteringarna är inlämnade (version 1).')).toBeVisible();

	// Everyone internal sees who submitted, in which capacity, and the combined ranking with its method and the disagreement
	const row = (page: Page, table: string, header: string) =>
		page
			.getByRole('table', { name: table })
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: header, exact: true }) });
	await expect(row(admin, 'Organisationernas inlämning', 'Ydre')).toContainText('ersättare');
	await expect(admin.getByText('3 av 3 organisationer')).toBeVisible();
	await expect(admin.getByRole('heading', { name: 'Konsortiets gemensamma rangordning' })).toBeVisible();
	await expect(admin.getByText(/Varje organisation rangordnar alla punkter/)).toBeVisible();
	// Borda, equal weight: "se larm i mobilen" 0 + 3 + 3 = 6 shares the first place with "signera givna läkemedel" 3 + 1 + 2 = 6;
	// by population Linköping weighs most, and the weightings disagree on it
	await expect(row(admin, 'Konsortiets gemensamma rangordning', 'se larm i mobilen')).toContainText('1 (6)');
	await expect(row(admin, 'Konsortiets gemensamma rangordning', 'se larm i mobilen')).toContainText('Viktningarna skiljer sig');
	await expect(row(admin, 'Konsortiets gemensamma rangordning', 'se larm i mobilen')).toContainText('Plats 1–4');
	await expect(row(admin, 'Konsortiets gemensamma rangordning', 'se larm i mobilen')).toContainText('Måste 2, Inte nu 1');
	await expect(admin.getByRole('region', { name: 'Att diskutera' }).getByRole('listitem').first()).toContainText('se larm i mobilen');
	await expect(admin.getByText(/Kendalls W = /)).toBeVisible();
	await expect(row(admin, 'Varje organisations prioritering', 'se larm i mobilen')).toContainText('Plats 4 · Inte nu');
	await expectAccessible(admin);

	// The same pages at 320 px: tables become cards, nothing scrolls sideways, axe finds nothing
	for (const path of [roundPath, `${roundPath}/submission`, `${base}/prioritisation`]) {
		await linkoping.setViewportSize({ width: 320, height: 640 });
		await linkoping.goto(path);
		await hydrated(linkoping);
		await expectNoSidewaysScroll(linkoping);
		await expectAccessible(linkoping);
	}

	// The supplier: every page and action of the rounds answers 404
	const supplier = await as(browser, 'leverantor@samsyn.demo');
	for (const path of [`${base}/prioritisation`, roundPath, `${roundPath}/submission`]) {
		expect((await supplier.goto(path))?.status(), path).toBe(404);
	}
	const origin = new URL(supplier.url()).origin;
	const post = await supplier.request.post(`${roundPath}/submission?/save`, { headers: { origin }, form: { intent: 'submit' } });
	expect(post.status()).toBe(404);
});
