import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { hydrated, signIn } from './support/session';

// What a municipality's accessibility officer checks by keyboard and screen reader, beyond axe:
// icons that render without an emoji font, focus rings that can be seen on the dark header, an
// editor that can be left going forward, tooltips on focus, and live changes that are said.

const ADMIN = 'admin@samsyn.demo';
const YDRE = 'ombud.ydre@samsyn.demo';
const ABOUT = '/c/ostergotland/about';

/** Emoji and the symbol characters that were used as icons (arrows, boxes, ≡ ‖ ✕ ▦ ● …). */
const SYMBOL_ICON = /[\p{Extended_Pictographic}\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2900-\u2bff\u2016\u2261]/u;

const header = (page: Page) => page.locator('header.app-header');
const bell = (page: Page) => header(page).getByRole('link', { name: /^Aviseringar, \d+ olästa$/ });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Formatering' });
const tool = (page: Page, name: string) => toolbar(page).getByRole('button', { name, exact: true });
const aboutText = (page: Page) => page.getByRole('textbox', { name: 'Beskrivning av konsortiet' });
const connection = (page: Page) => page.getByRole('status').filter({ hasText: /Ansluter|Synkroniserar|Ansluten|Offline/ });

/** WCAG relative luminance of a computed CSS colour (`rgb(…)` / `rgba(…)`). */
function luminance(css: string): number {
	const channels = css
		.match(/[\d.]+/g)
		?.slice(0, 3)
		.map(Number);
	if (!channels || channels.length < 3) throw new Error(`not an rgb colour: ${css}`);
	const [r, g, b] = channels.map((c) => {
		const v = c / 255;
		return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light! + 0.05) / (dark! + 0.05);
}

interface Ring {
	name: string;
	colour: string;
	style: string;
	width: number;
	focusVisible: boolean;
	background: string;
}

/** Tabs from the top of the page through the header, reading each focused control's focus ring. */
async function headerRings(page: Page): Promise<Ring[]> {
	await page.reload();
	await hydrated(page);
	const rings: Ring[] = [];
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const ring = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			const top = document.querySelector('header.app-header');
			if (!el || !top) return 'none' as const;
			if (!top.contains(el)) return top.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING ? ('before' as const) : ('after' as const);
			const style = getComputedStyle(el);
			return {
				name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName,
				colour: style.outlineColor,
				style: style.outlineStyle,
				width: parseFloat(style.outlineWidth),
				focusVisible: el.matches(':focus-visible'),
				background: getComputedStyle(top).backgroundColor
			};
		});
		if (ring === 'before') continue; // the skip link
		if (ring === 'after' || ring === 'none') break;
		rings.push(ring);
	}
	return rings;
}

test('the header: SVG icons with visible names, and a focus ring of at least 3:1 on its background in both themes', async ({ page }) => {
	await signIn(page, ADMIN);
	await page.goto('/c/ostergotland');
	await hydrated(page);
	await expectAccessible(page);

	// no emoji or symbol glyph anywhere in the header, menus included
	expect(await header(page).evaluate((el) => el.textContent ?? '')).not.toMatch(SYMBOL_ICON);

	// the bell: an aria-hidden SVG, visible text that starts its name
	await expect(bell(page)).toBeVisible();
	await expect(bell(page).locator('svg')).toHaveAttribute('aria-hidden', 'true');
	await expect(bell(page).getByText('Aviseringar', { exact: true })).toBeVisible();

	// the consortium switcher: an aria-hidden SVG, and its name is its visible text
	const switcher = header(page).getByRole('button', { name: 'Byt konsortium', exact: true });
	await expect(switcher).toBeVisible();
	await expect(switcher.locator('svg').first()).toHaveAttribute('aria-hidden', 'true');
	await expect(switcher).toContainText('Byt konsortium');
	await switcher.click();
	await expect(header(page).getByRole('link', { name: /Trio under majoritet/ })).toBeVisible();
	await expectAccessible(page);
	await page.keyboard.press('Escape');

	// the current consortium is named with a visually hidden prefix, not an aria-label on a span
	const current = header(page).locator('.consortium-name');
	expect(await current.textContent()).toMatch(/^Aktuellt konsortium: \S.*Östergötland$/);
	await expect(current.getByText('Aktuellt konsortium:')).toHaveClass(/visually-hidden/);
	await expect(current).not.toHaveAttribute('aria-label');

	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		const rings = await headerRings(page);
		// brand, switcher, notifications, language, user menu and the main navigation
		expect(rings.length, scheme).toBeGreaterThanOrEqual(6);
		for (const ring of rings) {
			expect(ring.focusVisible, `${scheme}: ${ring.name}`).toBe(true);
			expect(ring.style, `${scheme}: ${ring.name}`).toBe('solid');
			expect(ring.width, `${scheme}: ${ring.name}`).toBeGreaterThanOrEqual(2);
			expect(contrast(ring.colour, ring.background), `${scheme}: ${ring.name} (${ring.colour} on ${ring.background})`).toBeGreaterThanOrEqual(3);
		}
		await expectAccessible(page);
	}
});

/** The admin on the about page, the co-edited text connected and emptied. */
async function openAbout(page: Page): Promise<void> {
	await signIn(page, ADMIN);
	await page.goto(ABOUT);
	await expect(connection(page)).toHaveText('Ansluten – alla ändringar är skickade');
	await aboutText(page).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await expect(aboutText(page)).toHaveText('');
}

/** Where focus is relative to `container`: inside it, before it or after it. */
async function focusRelativeTo(container: Locator): Promise<'inside' | 'before' | 'after' | 'none'> {
	return container.evaluate((el) => {
		const active = document.activeElement;
		if (!active || active === document.body) return 'none';
		if (el.contains(active)) return 'inside';
		return el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
	});
}

test('the editor by keyboard: Tab indents in a list, Esc then Tab leaves forward, Esc then Shift+Tab backwards; the hint says so', async ({ page }) => {
	await openAbout(page);
	const editor = page.locator('.collaborative-editor');
	await expect(editor.getByText('Lämna texten med Esc och sedan Tabb (framåt) eller Skift+Tabb (bakåt).')).toBeVisible();

	// Tab inside a list indents the item and keeps focus in the text
	await page.keyboard.type('Första punkten');
	await page.keyboard.press('ControlOrMeta+Shift+8');
	await page.keyboard.press('End');
	await page.keyboard.press('Enter');
	await page.keyboard.type('Andra punkten');
	await page.keyboard.press('Tab');
	await expect(aboutText(page).locator('ul ul li')).toHaveText('Andra punkten');
	await expect(aboutText(page)).toBeFocused();

	// Esc (to the toolbar), then Tab: on to the first control after the editor
	await page.keyboard.press('Escape');
	await expect(toolbar(page).locator('button:focus')).toHaveCount(1);
	await page.keyboard.press('Tab');
	expect(await focusRelativeTo(editor)).toBe('after');
	await expectAccessible(page);

	// Esc, then Shift+Tab: back to what comes before the editor
	await aboutText(page).click();
	await page.keyboard.press('Escape');
	await page.keyboard.press('Shift+Tab');
	expect(await focusRelativeTo(editor)).toBe('before');

	// Tab from the toolbar reached in the ordinary way still goes into the text
	await page.keyboard.press('Tab');
	await expect(toolbar(page).locator('button:focus')).toHaveCount(1);
	await page.keyboard.press('Tab');
	await expect(aboutText(page)).toBeFocused();
});

test('the toolbar: SVG icons, a tooltip on keyboard focus that is the button’s name, dismissible with Escape', async ({ page }) => {
	await openAbout(page);
	await page.keyboard.type('Text');
	await expect(toolbar(page)).toBeVisible();

	// every button shows an aria-hidden SVG, no glyph, and the toolbar points at the text it formats
	const buttons = toolbar(page).getByRole('button');
	await expect(buttons).toHaveCount(13);
	await expect(toolbar(page).locator('button svg[aria-hidden="true"]')).toHaveCount(13);
	expect(await toolbar(page).evaluate((el) => el.textContent ?? '')).not.toMatch(SYMBOL_ICON);
	const controls = await toolbar(page).getAttribute('aria-controls');
	expect(controls).toBeTruthy();
	await expect(page.locator(`[id="${controls}"]`)).toHaveRole('textbox');

	// keyboard focus shows the tooltip, whose text is the focused button's accessible name
	await page.keyboard.press('Alt+F10');
	await expect(tool(page, 'Rubrik')).toBeFocused();
	await expect(page.getByRole('tooltip')).toHaveText('Rubrik');
	await page.keyboard.press('End');
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
	const addRow = tool(page, 'Lägg till rad');
	await expect(addRow).toBeFocused();
	await expect(page.getByRole('tooltip')).toBeVisible();
	await expect(page.getByRole('tooltip')).toHaveText('Lägg till rad');
	for (const name of ['Lägg till kolumn', 'Ta bort tabell']) {
		await page.keyboard.press('ArrowRight');
		await expect(tool(page, name)).toBeFocused();
		await expect(page.getByRole('tooltip')).toHaveText(name);
		await expect(tool(page, name)).toHaveAccessibleName(name);
	}
	await expectAccessible(page);

	// Escape returns to the text and takes the tooltip away
	await page.keyboard.press('Escape');
	await expect(aboutText(page)).toBeFocused();
	await expect(page.getByRole('tooltip')).toHaveCount(0);

	// on hover too; Escape hides it without moving the pointer, and focus stays in the text
	await tool(page, 'Fetstil').hover();
	await expect(page.getByRole('tooltip')).toHaveText('Fetstil');
	await page.keyboard.press('Escape');
	await expect(page.getByRole('tooltip')).toHaveCount(0);
	await expect(aboutText(page)).toBeFocused();
});

interface Reader {
	page: Page;
	close: () => Promise<void>;
}

async function reader(browser: Browser, email: string, url: string): Promise<Reader> {
	const context = await browser.newContext({ locale: 'sv-SE' });
	const page = await context.newPage();
	await signIn(page, email);
	await page.goto(url);
	await expect(page.getByRole('status').filter({ hasText: /^\s*Live\s*$/ })).toBeVisible();
	return { page, close: () => context.close() };
}

/** Everything the live region says from now on, in order (it is emptied between messages). */
async function listen(page: Page): Promise<() => Promise<string[]>> {
	await page.evaluate(() => {
		const region = document.querySelector('[data-testid="announcer"]')!;
		const said: string[] = [];
		(window as unknown as { said: string[] }).said = said;
		new MutationObserver(() => {
			const text = region.textContent?.trim();
			if (text) said.push(text);
		}).observe(region, { childList: true, subtree: true, characterData: true });
	});
	return () => page.evaluate(() => [...(window as unknown as { said: string[] }).said]);
}

const occurrences = (said: string[], sentence: string) => said.join('\n').split(sentence).length - 1;

async function comment(page: Page, text: string): Promise<void> {
	await page.getByLabel('Ny kommentar').fill(text);
	await page.getByRole('button', { name: 'Kommentera' }).click();
	await expect(page.getByText(text)).toBeVisible();
}

test('another person’s comment and a new notification are announced once; one’s own comment is not', async ({ browser }) => {
	const admin = await reader(browser, ADMIN, '/c/ostergotland/requirements?status=draft&limit=5');
	const links = await admin.page.locator('main a[href*="/requirements/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	const href = links.find((link) => /\/requirements\/[0-9a-f-]{36}$/.test(link));
	expect(href).toBeTruthy();
	await admin.page.goto(href!);
	await expect(admin.page.getByRole('status').filter({ hasText: /^\s*Live\s*$/ })).toBeVisible();
	const ydre = await reader(browser, YDRE, href!);
	await expectAccessible(ydre.page);
	const said = await listen(ydre.page);
	const count = ydre.page.getByTestId('unread-count');
	const unreadBefore = (await count.count()) ? Number(await count.textContent()) : 0;

	// someone else comments and mentions Ydre: a new comment, and a new notification
	const tag = Date.now().toString(36);
	await comment(admin.page, `Kan Ydre bekräfta detta, @Ombud Ydre? ${tag}`);
	await expect(ydre.page.getByText(`Kan Ydre bekräfta detta, @Ombud Ydre? ${tag}`)).toBeVisible();
	await expect.poll(async () => occurrences(await said(), 'Ny kommentar')).toBe(1);
	const unread = unreadBefore + 1;
	await expect(bell(ydre.page)).toHaveAccessibleName(`Aviseringar, ${unread} olästa`);
	await expect(ydre.page.getByTestId('unread-count')).toHaveText(String(unread));
	await expect.poll(async () => (await said()).join('\n')).toContain(unread === 1 ? 'Du har 1 oläst avisering' : `Du har ${unread} olästa aviseringar`);
	await expectAccessible(ydre.page);

	// Ydre's own comment: the form says it is published, the live update of it says nothing
	await comment(ydre.page, `Ja, det stämmer. ${tag}`);
	await expect.poll(async () => (await said()).join('\n')).toContain('Din kommentar är publicerad.');
	await expect(admin.page.getByText(`Ja, det stämmer. ${tag}`)).toBeVisible();

	// a later change by the other person arrives after Ydre's own on the same stream: when it is
	// said, Ydre's own change has been heard and passed over, and the first was said only once
	await comment(admin.page, `Tack! ${tag}`);
	await expect.poll(async () => occurrences(await said(), 'Ny kommentar')).toBe(2);
	expect(occurrences(await said(), 'Ny kommentar')).toBe(2);

	// at 320 px the header wraps, the bell's text and count stay visible, and nothing overflows
	await ydre.page.setViewportSize({ width: 320, height: 720 });
	await expect(bell(ydre.page).getByText('Aviseringar', { exact: true })).toBeVisible();
	await expect(ydre.page.getByTestId('unread-count')).toBeVisible();
	const box = await bell(ydre.page).boundingBox();
	expect(box!.x).toBeGreaterThanOrEqual(0);
	expect(box!.x + box!.width).toBeLessThanOrEqual(320);
	expect(await header(ydre.page).evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
	expect(await ydre.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await expectAccessible(ydre.page);

	await admin.close();
	await ydre.close();
});
