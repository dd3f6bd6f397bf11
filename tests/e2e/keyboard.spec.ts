import { expect, test, type Browser, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { hydrated, signIn } from './support/session';

/*
 * The accessibility officer's audit: the app's journeys by keyboard alone (focus a starting point,
 * then Tab, Enter, Space and typing), checking where focus lands after every submit and what the
 * live region says, with axe on every page visited. Each journey works on the demo data and on
 * items of its own; what it changes (Kinda's verdict on one requirement in review, a baseline, a
 * need, a notification read) is nothing another spec relies on, and no account's settings change.
 */

const base = '/c/ostergotland';

async function as(browser: Browser, email: string, options: BrowserContextOptions = {}): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'sv-SE', ...options })).newPage();
	await signIn(page, email);
	return page;
}

/** Goes to a page and waits until the app has taken it over (keys pressed before that go nowhere). */
async function visit(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await hydrated(page);
}

/** Replaces a field's content by keyboard: focus, select all, type. */
async function typeInto(field: Locator, text: string): Promise<void> {
	await field.focus();
	await field.page().keyboard.press('ControlOrMeta+A');
	if (text) await field.page().keyboard.type(text);
	else await field.page().keyboard.press('Delete');
}

/** Presses a button from the keyboard: focus it, then Enter. */
async function press(button: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
	await button.focus();
	await button.page().keyboard.press(key);
}

const announcer = (page: Page) => page.getByTestId('announcer');

/** An in-review demo requirement of Östergötland, by its title in the list. */
async function requirementPage(page: Page, title: string): Promise<string> {
	await visit(page, `${base}/requirements?status=in_review`);
	const href = await page.getByRole('link', { name: title, exact: true }).getAttribute('href');
	expect(href).toMatch(/\/requirements\/[0-9a-f-]{36}$/);
	return href!;
}

test('sign-in: an empty form’s summary takes focus and links to the fields; a wrong password’s alert takes focus', async ({ page }) => {
	await visit(page, '/login');
	await expectAccessible(page);
	await press(page.getByRole('button', { name: 'Logga in' }));
	const summary = page.getByRole('alert');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Formuläret har 2 fel');
	const links = summary.getByRole('link');
	await expect(links).toHaveText(['E-postadress: Fältet måste fyllas i.', 'Lösenord: Fältet måste fyllas i.']);
	await expectAccessible(page);
	// Tab from the summary reaches its first link; following it puts focus in the field
	await page.keyboard.press('Tab');
	await expect(links.first()).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('E-postadress')).toBeFocused();
	await expect(page.getByLabel('E-postadress')).toHaveAccessibleDescription('Fältet måste fyllas i.');
	// the second link, reached by keyboard too
	await links.nth(1).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Lösenord', { exact: true })).toBeFocused();

	// a wrong password (for an address that holds no account, so no demo account is charged)
	await typeInto(page.getByLabel('E-postadress'), `tangentbord-${Date.now()}@samsyn.test`);
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Lösenord', { exact: true })).toBeFocused();
	await page.keyboard.type('inte rätt lösenord');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord.');
	await expect(page.getByRole('alert')).toBeFocused();
	await expectAccessible(page);
});

test('a requirement in review: an objection without a reason, an approval, a comment posted and removed', async ({ browser }) => {
	const page = await as(browser, 'ombud.kinda@samsyn.demo');
	const path = await requirementPage(page, 'Behörighet per team');
	await visit(page, path);
	await expect(page.getByRole('heading', { name: 'Ditt ställningstagande för Kinda' })).toBeVisible();
	await expectAccessible(page);

	// objecting without a reason: focus on the reason, whose description is the error
	const reason = page.getByLabel('Skäl (krävs vid invändning)');
	await typeInto(reason, '');
	await press(page.getByRole('button', { name: 'Invänd' }));
	await expect(reason).toBeFocused();
	await expect(reason).toHaveAccessibleDescription('Fältet måste fyllas i.');
	await expect(reason).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);

	// approving: Tab from the reason to "Godkänn", Enter; focus on the saved message
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Godkänn' })).toBeFocused();
	await page.keyboard.press('Enter');
	const saved = page.getByRole('status').filter({ hasText: 'Din organisations ställningstagande är sparat: Godkänner.' });
	await expect(saved).toBeFocused();
	await expect(page.getByRole('row', { name: /Kinda Godkänner Ombud Kinda \(ombud\)/ })).toBeVisible();
	await expectAccessible(page);

	// a comment: focus moves to it, and the live region says it was published
	const text = `Kinda har samma behov (${Date.now()}).`;
	await typeInto(page.getByLabel('Ny kommentar'), text);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Kommentera' })).toBeFocused();
	await page.keyboard.press('Enter');
	const comment = page.getByRole('listitem').filter({ hasText: text });
	await expect(comment).toBeFocused();
	await expect(announcer(page)).toHaveText('Din kommentar är publicerad.');
	await expect(page.getByLabel('Ny kommentar')).toHaveValue('');
	await expectAccessible(page);

	// removing it: the button names whose comment it is; focus on the removal message
	const remove = comment.getByRole('button', { name: /^Ta bort kommentaren från Ombud Kinda, \d{4}-\d\d-\d\d \d\d:\d\d UTC$/ });
	await press(remove);
	await expect(page.getByRole('status').filter({ hasText: 'Kommentaren är borttagen.' })).toBeFocused();
	await expect(page.getByText(text)).toHaveCount(0);
	await expectAccessible(page);
});

test('members: an invitation without an organisation, a role changed and a removal confirmed, by keyboard', async ({ browser }) => {
	// Three people's browsers and four axe runs: 45 s on an idle machine, past the default 60 s on a loaded one.
	test.setTimeout(150_000);
	const admin = await as(browser, 'admin@samsyn.demo');
	const email = `tangentbord.${Date.now()}@kommun.test`;
	const name = `Tangent Bordsson ${Date.now().toString(36)}`;
	await visit(admin, `${base}/members`);
	await expectAccessible(admin);

	// an invitation without an organisation: the one error is the organisation's, and focus goes there
	const invite = admin.getByRole('region', { name: 'Bjud in' });
	await typeInto(invite.getByLabel('E-postadress'), email);
	await admin.keyboard.press('Tab');
	await admin.keyboard.type(name);
	await admin.keyboard.press('Enter');
	const organisation = invite.getByLabel('Organisation', { exact: true });
	await expect(organisation).toBeFocused();
	await expect(organisation).toHaveAttribute('aria-invalid', 'true');
	await expect(organisation).toHaveAccessibleDescription('Välj ett av alternativen i listan.');
	await expect(invite.getByLabel('E-postadress')).toHaveValue(email);
	await expectAccessible(admin);
	// choose Kinda by typing its name on the focused list, then send
	await admin.keyboard.type('Kinda');
	await expect(organisation).toHaveValue(/^[0-9a-f-]{36}$/);
	await expect(organisation.locator('option:checked')).toHaveText('Kinda');
	await press(invite.getByRole('button', { name: 'Skicka inbjudan' }));
	await expect(admin.getByRole('status').filter({ hasText: `Inbjudan skickades till ${email}.` })).toBeFocused();

	// the invited person accepts (by keyboard too)
	const mail = await admin.context().newPage();
	await mail.goto('/dev/mail');
	const link = await mail
		.locator('article')
		.filter({ hasText: email })
		.first()
		.getByRole('link', { name: /\/invite\// })
		.getAttribute('href');
	await mail.close();
	const newcomer = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await visit(newcomer, new URL(link!).pathname);
	await typeInto(newcomer.getByLabel('Ditt namn'), name);
	await typeInto(newcomer.getByLabel('Välj lösenord'), 'tangentbordet är mitt verktyg');
	await typeInto(newcomer.getByLabel('Upprepa lösenordet'), 'tangentbordet är mitt verktyg');
	await newcomer.keyboard.press('Enter');
	await expect(newcomer).toHaveURL(new RegExp(`${base}$`));

	// a role changed: the select by keyboard, Tab to its button, Enter; focus on the message
	await visit(admin, `${base}/members`);
	const role = admin.getByLabel(`Roll för ${name}`, { exact: true });
	await role.focus();
	await admin.keyboard.type('Obs');
	await expect(role).toHaveValue('observer');
	await admin.keyboard.press('Tab');
	await expect(admin.getByRole('button', { name: `Ändra roll för ${name}` })).toBeFocused();
	await admin.keyboard.press('Enter');
	await expect(admin.getByRole('status').filter({ hasText: 'Rollen är ändrad.' })).toBeFocused();
	await expectAccessible(admin);

	// a removal: the first press asks, the confirming button has focus, Enter removes; focus on the message
	await press(admin.getByRole('button', { name: `Ta bort ${name} ur konsortiet` }));
	await expect(admin.getByRole('button', { name: 'Ja, ta bort' })).toBeFocused();
	await admin.keyboard.press('Enter');
	await expect(admin.getByRole('status').filter({ hasText: `${name} är borttagen ur konsortiet.` })).toBeFocused();
	await expect(admin.getByRole('row').filter({ hasText: email })).toHaveCount(0);
	await expectAccessible(admin);
});

test('settings: a quorum of 150 puts focus on the field, which says the range', async ({ browser }) => {
	const page = await as(browser, 'kasam.admin@samsyn.demo');
	await visit(page, '/c/kasam/settings');
	await expectAccessible(page);
	const quorum = page.getByLabel('Beslutförhet (%)');
	const before = await quorum.inputValue();
	await typeInto(quorum, '150');
	await page.keyboard.press('Enter');
	await expect(quorum).toBeFocused();
	await expect(quorum).toHaveAccessibleDescription(/Ange ett tal från 0 till 100\./);
	await expect(quorum).toHaveValue('150');
	await expectAccessible(page);
	// nothing was saved
	await page.reload();
	await expect(page.getByLabel('Beslutförhet (%)')).toHaveValue(before);
});

test('baselines: freezing one puts focus on its message', async ({ browser }) => {
	const page = await as(browser, 'deltagare.motala@samsyn.demo');
	const name = `Tangentbordets baslinje ${Date.now()}`;
	await visit(page, `${base}/baselines`);
	await expectAccessible(page);
	await typeInto(page.getByLabel('Namn', { exact: true }), name);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: new RegExp(`^\\s*Baslinjen ${name} är fryst med \\d+ krav\\.\\s*$`) })).toBeFocused();
	await expectAccessible(page);
});

test('notifications: each “Markera som läst” names its notification; after one, focus on “Markerad som läst.”', async ({ browser }) => {
	// someone mentions the Vadstena representative in a comment on a need
	const admin = await as(browser, 'admin@samsyn.demo');
	const origin = new URL(admin.url()).origin;
	const needs = (await (await admin.request.get(`/api/v1${base}/needs?limit=1`)).json()) as { items: { id: string; title: string }[] };
	const need = needs.items[0]!;
	const posted = await admin.request.post(`${base}/needs/${need.id}?/comment`, {
		headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
		form: { body: `Hur gör ni i Vadstena, @Ombud Vadstena? (${Date.now()})` }
	});
	expect(((await posted.json()) as { type: string }).type).toBe('success');

	const page = await as(browser, 'ombud.vadstena@samsyn.demo');
	await visit(page, '/notifications');
	await expectAccessible(page);
	const buttons = page.getByRole('button', { name: /^Markera som läst/ });
	for (const button of await buttons.all()) await expect(button).toHaveAccessibleName(/^Markera som läst: .+ nämnde dig i en kommentar om .+/);
	const mine = page.getByRole('button', { name: `Markera som läst: Samordnare Östergötland nämnde dig i en kommentar om ${need.title}` }).first();
	await press(mine);
	await expect(page.getByRole('status').filter({ hasText: 'Markerad som läst.' })).toBeFocused();
	await expectAccessible(page);
});

test('“Fånga ett nytt behov”: an empty title puts focus on it; a valid one leads to the need, its heading focused and announced', async ({ browser }) => {
	const page = await as(browser, 'deltagare.motala@samsyn.demo');
	await visit(page, `${base}/needs`);
	await expectAccessible(page);
	const section = page.getByRole('region', { name: 'Fånga ett nytt behov' });
	const title = section.getByLabel('Rubrik');
	await typeInto(title, '');
	await press(section.getByRole('button', { name: 'Skapa' }));
	await expect(title).toBeFocused();
	await expect(title).toHaveAccessibleDescription('Fältet måste fyllas i.');
	await expectAccessible(page);

	const name = `Nattlig tillsyn utan väckning ${Date.now()}`;
	await page.keyboard.type(name);
	await page.keyboard.press('Enter');
	const heading = page.getByRole('heading', { level: 1, name });
	await expect(heading).toBeFocused();
	await expect(page).toHaveURL(new RegExp(`${base}/needs/[0-9a-f-]{36}$`));
	await expect(announcer(page)).toHaveText('Behovet är sparat.');
	await expectAccessible(page);
});

test('a decision item by keyboard: a conflict of interest without a reason is refused at the field, a changed position is saved and said', async ({
	browser
}) => {
	const page = await as(browser, 'ombud.kinda@samsyn.demo');
	await visit(page, `${base}/decisions`);
	const href = (await page.getByRole('link', { name: 'Godkännande av delleverans 1: inloggning och behörighet', exact: true }).getAttribute('href'))!;
	await visit(page, href);
	await expect(page.getByRole('heading', { name: 'Ditt ställningstagande för Kinda' })).toBeVisible();
	await expectAccessible(page);

	// declaring a conflict of interest without a reason: focus on the reason, whose description is the error
	const conflictReason = page.getByLabel('Skäl för jävet');
	await typeInto(conflictReason, '');
	await press(page.getByRole('button', { name: 'Anmäl jäv' }));
	await expect(conflictReason).toBeFocused();
	await expect(conflictReason).toHaveAccessibleDescription('Fältet måste fyllas i.');
	await expect(conflictReason).toHaveAttribute('aria-invalid', 'true');

	// the position: arrow keys move within the radio group, Tab reaches the reason and then the button
	const stances = page.getByRole('group', { name: 'Ställningstagande', exact: true });
	await stances.getByRole('radio', { name: 'Bifall' }).focus();
	await page.keyboard.press('ArrowDown');
	await expect(stances.getByRole('radio', { name: 'Avslag' })).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Motivering (valfri)')).toBeFocused();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('Kinda vill se avvikelserna åtgärdade först.');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Spara ställningstagande' })).toBeFocused();
	await page.keyboard.press('Enter');
	const saved = page.getByRole('status').filter({ hasText: 'Din organisations ställningstagande är sparat: Avslag.' });
	await expect(saved).toBeFocused();
	await expect(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Kinda', exact: true }) })).toContainText('Avslag');
	await expectAccessible(page);

	// and back, so the demo item reads as the demo data says
	await stances.getByRole('radio', { name: 'Avslag' }).focus();
	await page.keyboard.press('ArrowUp');
	await press(page.getByRole('button', { name: 'Spara ställningstagande' }));
	await expect(page.getByRole('status').filter({ hasText: 'Din organisations ställningstagande är sparat: Bifall.' })).toBeFocused();
});

/**
 * Words in table cells broken across lines, and anything scrolling sideways, on the page as it is.
 * A word is a run of characters without white space; a break after a hyphen is a line break, not a
 * broken word. A word whose Range spans client rectangles at different heights is broken.
 */
async function reflowProblems(page: Page): Promise<{ broken: string[]; sideways: string[] }> {
	return page.evaluate(() => {
		const broken: string[] = [];
		for (const cell of document.querySelectorAll('table td, table th')) {
			const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.textContent ?? '';
				for (const match of text.matchAll(/[^\s\-–\u00ad]+[-–\u00ad]?/g)) {
					const range = document.createRange();
					range.setStart(node, match.index);
					range.setEnd(node, match.index + match[0].length);
					const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
					if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) broken.push(match[0]);
				}
			}
		}
		const root = document.documentElement;
		const sideways: string[] = [];
		if (root.scrollWidth > root.clientWidth) sideways.push(`page: ${root.scrollWidth} > ${root.clientWidth}`);
		for (const el of document.querySelectorAll<HTMLElement>('main *')) {
			const overflow = getComputedStyle(el).overflowX;
			if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1)
				sideways.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
		}
		return { broken, sideways };
	});
}

/** A baseline with a name as long as real ones get, so the pages show what such names do to the layout. */
const longBaselineName = 'Kravspecifikation för digital tillsyn och läkemedelsautomater, version 2.0';

/** The page of each kind the reflow tests visit, by what it is. */
async function reflowPath(page: Page, which: string): Promise<string> {
	if (which === 'a decision item') {
		// The demo's open item: positions from five municipalities, one by a deputy, a declared conflict of interest
		await visit(page, `${base}/decisions`);
		return (await page.getByRole('link', { name: 'Godkännande av delleverans 1: inloggning och behörighet', exact: true }).getAttribute('href'))!;
	}
	if (which === 'a meeting') {
		// The demo's justerade October minutes: attendance by capacity, paragraphs with decisions and a reservation
		await visit(page, `${base}/meetings`);
		return (await page.getByRole('link', { name: 'Styrgruppens möte oktober', exact: true }).getAttribute('href'))!;
	}
	if (which === 'a priority round') {
		// The demo's closed round: seven municipalities' rankings of twelve stories, the combined ranking and the heatmap
		await visit(page, `${base}/prioritisation`);
		return (await page.getByRole('link', { name: 'Prioritering av användarberättelser inför MVP', exact: true }).getAttribute('href'))!;
	}
	if (which !== 'baselines' && which !== 'a baseline') return `${base}/${which}`;
	const origin = new URL(page.url()).origin;
	// Frozen once (a second attempt is refused as a taken name, which is as good)
	await page.request.post(`${base}/baselines?/create`, {
		headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
		form: { name: longBaselineName, description: '' }
	});
	if (which === 'baselines') return `${base}/baselines`;
	await visit(page, `${base}/baselines`);
	return (await page.getByRole('link', { name: longBaselineName, exact: true }).getAttribute('href'))!;
}

// 200 % zoom the way a browser does it: a 1280 px wide window zoomed to 200 % lays the page out in
// 640 CSS pixels at two device pixels each, so media queries, rem and the viewport all see what
// they see under real zoom (CSS `zoom` on the body would leave the media queries at 1280). 320 px
// is the same window at 400 %, WCAG's reflow width.
const zooms = [
	{ name: '320 px (1280 px at 400 %)', options: { viewport: { width: 320, height: 640 } } },
	{ name: '200 % zoom (640 CSS px at device scale 2)', options: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } }
];
for (const zoom of zooms) {
	for (const which of [
		'requirements',
		'members',
		'baselines',
		'a baseline',
		'decisions',
		'decisions/log',
		'a decision item',
		'meetings',
		'a meeting',
		'prioritisation',
		'a priority round'
	]) {
		test(`reflow at ${zoom.name}, ${which}: no word in a table cell broken across lines, nothing scrolls sideways`, async ({ browser }) => {
			const page = await as(browser, 'admin@samsyn.demo', zoom.options);
			expect(await page.evaluate(() => [window.innerWidth, window.devicePixelRatio])).toEqual([
				zoom.options.viewport.width,
				'deviceScaleFactor' in zoom.options ? zoom.options.deviceScaleFactor : 1
			]);
			const path = await reflowPath(page, which);
			await visit(page, path);
			expect(await reflowProblems(page), path).toEqual({ broken: [], sideways: [] });
			await expectAccessible(page);
		});
	}
}

test('language of parts: with the interface in English, the Swedish content of a requirement is marked lang="sv"', async ({ browser }) => {
	const page = await as(browser, 'ombud.kinda@samsyn.demo');
	const origin = new URL(page.url()).origin;
	// English for this browser only (the language switch would change the account's own setting)
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: origin }]);
	const path = await requirementPage(page, 'Behörighet upphör samma dag');
	await visit(page, path);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Comments' })).toBeVisible();
	await expect(page.locator('[data-document] .ProseMirror')).toContainText(/\S/);
	await expectAccessible(page);

	const swedish = [
		'Behörighet upphör samma dag',
		'En timme är för långt för lås; åtkomsten måste upphöra direkt.',
		'Vi invänder: för digitala lås måste behörigheten upphöra direkt, inte inom en timme.'
	];
	const languages = await page.evaluate((texts) => {
		const found: Record<string, string[]> = {};
		const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent?.trim() ?? '';
			const key = texts.find((t) => text.includes(t));
			if (key) (found[key] ??= []).push(node.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '(none)');
		}
		// the co-edited text, whatever it says
		const editor = document.querySelector('[data-document] .ProseMirror');
		found['(requirement text)'] = [editor?.closest('[lang]')?.getAttribute('lang') ?? '(none)'];
		return found;
	}, swedish);
	for (const text of [...swedish, '(requirement text)']) {
		expect(languages[text], text).toBeDefined();
		expect(new Set(languages[text]), text).toEqual(new Set(['sv']));
	}
});
