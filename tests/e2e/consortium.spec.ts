import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { hydrated, signIn } from './support/session';

/** The invitation link in the newest mail to `email`, as the development mail page shows it. */
async function invitationPathFor(page: Page, email: string): Promise<string> {
	await page.goto('/dev/mail');
	const mail = page.locator('article').filter({ hasText: email }).first();
	const link = await mail.getByRole('link', { name: /\/invite\// }).getAttribute('href');
	expect(link).toMatch(/\/invite\/[a-z2-7]{32}$/);
	return new URL(link!).pathname;
}

/** A fresh browser context (its own cookies) signed in as someone. */
async function personIn(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'sv-SE' });
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

test('the overview shows organisations with people, roles, mandates and the ground rules in words', async ({ page }) => {
	await signIn(page, 'deltagare.motala@samsyn.demo');
	await page.goto('/c/ostergotland');
	await expect(page.getByRole('heading', { level: 1, name: 'Välfärdsteknik Östergötland' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: /Kommuner \(13\)/ })).toBeVisible();
	const ydre = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Ydre' }) });
	await expect(ydre).toContainText('SKR-grupp C7');
	await expect(ydre).toContainText('Ombud Ydre');
	await expect(ydre).toContainText('Mandat: Ombud');
	await expect(ydre).toContainText('Ersättare Ydre');
	await expect(page.getByText('Beslut fattas med enkel majoritet av organisationerna.')).toBeVisible();
	// a member does not speak for Motala
	await expect(page.getByTestId('speaks-for')).toHaveCount(0);
	// what happened lately, each entry a link to the thing: the demo's recorded decisions among it
	const activity = page.getByRole('region', { name: 'Senaste händelser' });
	await expect(activity.getByRole('listitem').first()).toBeVisible();
	await expect(
		activity
			.getByRole('listitem')
			.filter({ hasText: 'Beslut registrerat' })
			.getByRole('link', { name: /^B-\d{4}-\d{3} / })
			.first()
	).toBeVisible();
	await expectAccessible(page);
});

test('an admin invites a new person, who accepts in another browser; the link works once', async ({ page, browser }) => {
	const email = `ny.${Date.now()}@kommun.test`;
	await signIn(page, 'admin@samsyn.demo');
	await page.goto('/c/ostergotland/members');
	await expectAccessible(page);

	// bad input first: answered beside the field, nothing typed lost
	await page.getByLabel('E-postadress').fill('inte-en-adress');
	await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
	// two problems: a summary at the top of the form takes focus and links each field; each field says its own
	await expect(page.getByRole('alert')).toBeFocused();
	await expect(page.getByRole('alert')).toContainText('Formuläret har 2 fel');
	await expect(page.getByLabel('E-postadress')).toHaveAccessibleDescription('Ange en giltig e-postadress.');
	await expect(page.getByLabel('E-postadress')).toHaveValue('inte-en-adress');

	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Namn (valfritt)').fill('Ny Deltagare');
	await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Kinda' });
	await page.getByLabel('Roll', { exact: true }).selectOption('member');
	await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
	await expect(page.getByText(`Inbjudan skickades till ${email}.`)).toBeVisible();
	await expect(page.getByRole('region', { name: 'Bjud in' }).getByText(email, { exact: true })).toBeVisible();

	// the mail, as the development mail page shows it
	const path = await invitationPathFor(page, email);
	await expect(page.locator('article').filter({ hasText: email }).first()).toContainText('Inbjudan till Välfärdsteknik Östergötland');

	const newcomerContext = await browser.newContext({ locale: 'sv-SE' });
	const newcomer = await newcomerContext.newPage();
	await newcomer.goto(path);
	await expect(newcomer.getByText('Du är inbjuden till Välfärdsteknik Östergötland, för Kinda med rollen Deltagare.')).toBeVisible();
	await expectAccessible(newcomer);
	await newcomer.getByLabel('Ditt namn').fill('Ny Deltagare');
	await newcomer.getByLabel('Välj lösenord').fill('kort');
	await newcomer.getByLabel('Upprepa lösenordet').fill('kort');
	await newcomer.getByRole('button', { name: 'Skapa konto och gå med' }).click();
	await expect(newcomer.getByText(/minst 12 tecken/).last()).toBeVisible();
	await expect(newcomer.getByLabel('Ditt namn')).toHaveValue('Ny Deltagare');
	await newcomer.getByLabel('Välj lösenord').fill('en lång mening som lösenord');
	await newcomer.getByLabel('Upprepa lösenordet').fill('en lång mening som lösenord');
	await newcomer.getByRole('button', { name: 'Skapa konto och gå med' }).click();
	await expect(newcomer).toHaveURL(/\/c\/ostergotland$/);
	const kinda = newcomer.getByRole('listitem').filter({ has: newcomer.getByRole('heading', { level: 3, name: 'Kinda' }) });
	await expect(kinda).toContainText('Ny Deltagare');

	// the link works once
	const other = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await other.goto(path);
	await expect(other.getByText(/Länken är ogiltig, redan använd/)).toBeVisible();
	await expectAccessible(other);

	// the admin sees it in the audit log, newest first
	await page.goto('/c/ostergotland/audit');
	await expect(page.getByRole('row').nth(1)).toContainText('Tog emot en inbjudan');
	await expectAccessible(page);

	// removing someone asks first, in place; Escape keeps them and gives focus back
	await page.goto('/c/ostergotland/members');
	await hydrated(page);
	const row = page.getByRole('row').filter({ hasText: email });
	const remove = row.getByRole('button', { name: 'Ta bort Ny Deltagare ur konsortiet' });
	await remove.click();
	await expect(row.getByRole('group', { name: 'Ta bort Ny Deltagare ur konsortiet? Hen förlorar åtkomsten direkt.' })).toBeVisible();
	await expect(row.getByRole('button', { name: 'Ja, ta bort' })).toBeFocused();
	await expectAccessible(page);
	await page.keyboard.press('Escape');
	await expect(remove).toBeFocused();
	await expect(row.getByRole('button', { name: 'Ja, ta bort' })).toHaveCount(0);
	await remove.press('Enter');
	await row.getByRole('button', { name: 'Ja, ta bort' }).press('Enter');
	await expect(page.getByRole('row').filter({ hasText: email })).toHaveCount(0);
	// and they no longer reach the consortium
	expect((await newcomer.goto('/c/ostergotland'))?.status()).toBe(404);
});

test('an admin changes a role, and the last admin cannot be demoted', async ({ page }) => {
	await signIn(page, 'admin@samsyn.demo');
	await page.goto('/c/ostergotland/members');
	const observer = page.getByLabel('Roll för Upphandlare (observatör)', { exact: true });
	await observer.selectOption('member');
	await page.getByRole('button', { name: 'Ändra roll för Upphandlare (observatör)' }).click();
	await expect(page.getByText('Rollen är ändrad.')).toBeFocused();
	await page.reload();
	await expect(page.getByLabel('Roll för Upphandlare (observatör)', { exact: true })).toHaveValue('member');

	await page.getByLabel('Roll för Samordnare Östergötland', { exact: true }).selectOption('member');
	await page.getByRole('button', { name: 'Ändra roll för Samordnare Östergötland' }).click();
	await expect(page.getByRole('alert')).toContainText('minst en administratör');

	// back as it was, by keyboard
	const select = page.getByLabel('Roll för Upphandlare (observatör)', { exact: true });
	await select.focus();
	await select.selectOption('observer');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByText('Rollen är ändrad.')).toBeFocused();
	await expectAccessible(page);
});

test('the deputy acts for an absent representative while a delegation is in force', async ({ browser }) => {
	const deputy = await personIn(browser, 'ersattare.ydre@samsyn.demo');
	await deputy.goto('/c/ostergotland');
	await expect(deputy.getByTestId('speaks-for')).toHaveCount(0);

	const representative = await personIn(browser, 'ombud.ydre@samsyn.demo');
	await representative.goto('/c/ostergotland');
	await expect(representative.getByTestId('speaks-for')).toContainText('Du talar för Ydre');
	await representative.goto('/c/ostergotland/members');
	await representative.getByLabel('Ersättare', { exact: true }).selectOption({ label: 'Ersättare Ydre (Ydre)' });
	await representative.getByLabel('Anledning (valfritt)').fill('Semester');
	await representative.getByRole('button', { name: 'Delegera', exact: true }).click();
	await expect(representative.getByText(/Ombud Ydre till Ersättare Ydre för Ydre/)).toBeVisible();
	await expectAccessible(representative);

	// the deputy's overview now says they speak for Ydre (live, without reload)
	await expect(deputy.getByTestId('speaks-for')).toContainText('Du talar för Ydre som ersättare');
	await expectAccessible(deputy);

	await representative.getByRole('button', { name: 'Återkalla delegeringen till Ersättare Ydre' }).click();
	await expect(representative.getByText('Delegeringen är återkallad.')).toBeFocused();
	await expect(representative.getByText('Återkallad', { exact: true })).toBeVisible();
	await deputy.reload();
	await expect(deputy.getByTestId('speaks-for')).toHaveCount(0);
});

test('someone in two consortia switches between them in the header', async ({ page }) => {
	await signIn(page, 'ombud.linkoping@samsyn.demo');
	await page.goto('/c/ostergotland');
	await expect(page.getByRole('banner')).toContainText('Välfärdsteknik Östergötland');
	await page.getByRole('button', { name: 'Byt konsortium' }).click();
	await page.getByRole('link', { name: /KASAM innovationspartnerskap/ }).click();
	await expect(page).toHaveURL(/\/c\/kasam$/);
	await expect(page.getByRole('heading', { level: 1, name: 'KASAM innovationspartnerskap' })).toBeVisible();
	await expect(page.getByTestId('speaks-for')).toContainText('Du talar för Linköping');
	await expectAccessible(page);
});

test('the supplier sees only the supplier view; internal pages, other consortia and unknown ones answer 404', async ({ page }) => {
	await signIn(page, 'leverantor@samsyn.demo');
	await page.goto('/c/ostergotland');
	// what the consortium communicated and awaits the supplier's receipt: the demo's one decision
	await expect(page.getByRole('link', { name: '1 beslut från konsortiet väntar på er kvittens' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link')).toHaveText([
		'Leverantörsvy',
		'Backlogg och leveranser',
		'Konsortiets beslut',
		'Dokument',
		'Frågor från leverantören',
		'Möten'
	]);
	await expect(page.getByText('Ydre')).toHaveCount(0);
	await expectAccessible(page);
	for (const path of [
		'/c/ostergotland/members',
		'/c/ostergotland/settings',
		'/c/ostergotland/audit',
		'/c/ostergotland/webhooks',
		'/c/ostergotland/decisions',
		'/c/ostergotland/lifecycle',
		'/c/ostergotland/settings/templates',
		'/c/kasam',
		'/c/finns-inte',
		'/operator'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
	}
	await expectAccessible(page);
	// a form post to an internal action is refused the same way
	const origin = new URL(page.url()).origin;
	const response = await page.request.post('/c/ostergotland/members?/invite', {
		headers: { origin },
		form: { email: 'x@y.se', organisationId: '00000000-0000-0000-0000-000000000000', role: 'admin' }
	});
	expect(response.status()).toBe(404);
});

test('the supplier leak matrix: every internal page of every area, found by an admin, answers the supplier 404', async ({ browser }) => {
	test.setTimeout(180_000);
	const base = '/c/ostergotland';
	const admin = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await signIn(admin, 'admin@samsyn.demo');
	const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
	// The first item page an admin reaches from each area's list.
	const firstOf = async (area: string): Promise<string> => {
		await admin.goto(`${base}/${area}`);
		const hrefs = await admin.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		const found = hrefs.find((href) => new RegExp(`^${base}/${area}/${uuid}$`).test(href));
		expect(found, area).toBeTruthy();
		return found!;
	};
	const round = await firstOf('prioritisation');
	const internal = [
		...['members', 'settings', 'audit', 'webhooks', 'api-tokens', 'about', 'import', 'needs', 'stories', 'requirements', 'traceability', 'baselines'].map(
			(area) => `${base}/${area}`
		),
		...['decisions', 'prioritisation'].map((area) => `${base}/${area}`),
		await firstOf('needs'),
		await firstOf('stories'),
		await firstOf('requirements'),
		await firstOf('baselines'),
		await firstOf('decisions'),
		round,
		`${round}/submission`,
		await firstOf('backlog'),
		`${base}/portfolio`,
		`${base}/portfolio/candidates`,
		await firstOf('portfolio'),
		`${base}/roadmap`,
		`${base}/roadmap/new`,
		`${base}/roadmap/export/pdf`
	];
	const initiative = await firstOf('roadmap');
	internal.push(initiative);
	// An attachment of something not published to the supplier (the open decision item's test report).
	await admin.goto(`${base}/decisions`);
	await admin.getByRole('link', { name: 'Godkännande av delleverans 1: inloggning och behörighet' }).first().click();
	internal.push((await admin.getByRole('link', { name: /Testrapport delleverans 1\.pdf/ }).getAttribute('href'))!);
	const supplier = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await signIn(supplier, 'leverantor@samsyn.demo');
	for (const path of internal) expect((await supplier.request.get(path)).status(), path).toBe(404);
	// Nor can it write to an initiative's procurement lifecycle, whose rows it never sees.
	const lifecycleWrite = await supplier.request.post(`${initiative}?/lifecycleStatus`, {
		headers: { origin: new URL(supplier.url()).origin },
		form: { lifecycleId: '00000000-0000-4000-8000-000000000000', activityId: '00000000-0000-4000-8000-000000000000', version: '1', status: 'done' }
	});
	expect(lifecycleWrite.status()).toBe(404);
	// What was published to it is there: the releases, the communicated decisions, its questions.
	for (const path of [`${base}/backlog`, `${base}/backlog/releases/1`, `${base}/decisions/log`, `${base}/questions`, `${base}/documents`])
		expect((await supplier.request.get(path)).status(), path).toBe(200);
});

test('an admin edits the ground rules and adds an organisation; bad input is answered beside the field', async ({ page }) => {
	await signIn(page, 'kasam.admin@samsyn.demo');
	await page.goto('/c/kasam/settings');
	await expectAccessible(page);
	await page.getByLabel('Kvalificerad majoritet', { exact: true }).check();
	await page.getByLabel('Gräns för kvalificerad majoritet (%)').fill('40');
	await page.getByRole('button', { name: 'Spara spelreglerna' }).click();
	// one problem: focus goes to the field, which says what would be right
	await expect(page.getByLabel('Gräns för kvalificerad majoritet (%)')).toBeFocused();
	await expect(page.getByLabel('Gräns för kvalificerad majoritet (%)')).toHaveAccessibleDescription(/Ange ett tal från 51 till 100./);
	await page.getByLabel('Gräns för kvalificerad majoritet (%)').fill('75');
	await page.getByRole('button', { name: 'Spara spelreglerna' }).click();
	await expect(page.getByRole('region', { name: 'Spelregler' }).getByText('Sparat.')).toBeVisible();

	const add = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Lägg till organisation' }) });
	await add.getByLabel('Namn på organisationen').fill('Umeå');
	await add.getByRole('button', { name: 'Lägg till' }).click();
	await expect(add.getByText('Fältet måste fyllas i.').first()).toBeVisible();
	await add.getByLabel('SKR:s kommungrupp').selectOption('A2');
	await add.getByLabel('Folkmängd').fill('130997');
	await add.getByRole('button', { name: 'Lägg till' }).click();
	await expect(page.getByText('Redigera Umeå')).toBeVisible();
	await expectAccessible(page);

	await page.goto('/c/kasam');
	await expect(page.getByText('Beslut fattas med kvalificerad majoritet: minst 75 % av rösterna.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: 'Umeå' })).toBeVisible();
});

test('the operator creates a consortium and invites its first admin, who accepts', async ({ page, browser }) => {
	// a retry (or a repeat) must not collide with what an earlier attempt created
	const n = test.info().retry + test.info().repeatEachIndex;
	const name = n ? `Välfärd Väst ${n}` : 'Välfärd Väst';
	const slug = n ? `valfard-vast-${n}` : 'valfard-vast';
	const email = `forsta${n || ''}@vast.test`;
	await signIn(page, 'operator@samsyn.demo');
	await page.goto('/operator');
	await hydrated(page);
	await expectAccessible(page);
	await page.getByLabel('Konsortiets namn').fill(name);
	await page.getByLabel('Adress (slug)').fill('Inte OK!');
	await page.getByLabel('Sammanhållande part').fill('Kansliet Väst');
	await page.getByLabel('Första administratörens e-postadress').fill(email);
	await page.getByRole('button', { name: 'Skapa och bjud in' }).click();
	await expect(page.getByText('Använd små bokstäver a–z, siffror och bindestreck.')).toBeVisible();
	await page.getByLabel('Adress (slug)').fill(slug);
	await page.getByRole('button', { name: 'Skapa och bjud in' }).click();
	await expect(page.getByText(`${name} skapades och en inbjudan skickades till ${email}.`)).toBeVisible();
	await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
	await expectAccessible(page);

	// the first admin follows the link and administers the new consortium
	const path = await invitationPathFor(page, email);
	const admin = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await admin.goto(path);
	await hydrated(admin);
	await expect(admin.getByText(`Du är inbjuden till ${name}, för Kansliet Väst med rollen Administratör.`)).toBeVisible();
	await admin.getByLabel('Ditt namn').fill('Första admin');
	await admin.getByLabel('Välj lösenord').fill('väst är bäst sedan länge');
	await admin.getByLabel('Upprepa lösenordet').fill('väst är bäst sedan länge');
	await admin.getByRole('button', { name: 'Skapa konto och gå med' }).click();
	await expect(admin).toHaveURL(new RegExp(`/c/${slug}$`));
	await admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Medlemmar' }).click();
	await expect(admin.getByRole('heading', { name: 'Bjud in' })).toBeVisible();
});

test('an admin registering a webhook to a private address is told why, beside the field; the page fits 320 px', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 700 });
	await signIn(page, 'admin@samsyn.demo');
	await page.goto('/c/ostergotland');
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Webhooks' }).click();
	await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
	await hydrated(page);
	await expectAccessible(page);
	await page.getByLabel('Adress', { exact: true }).fill('https://127.0.0.1/samsyn');
	await page.getByRole('button', { name: 'Registrera', exact: true }).click();
	await expect(page.getByLabel('Adress', { exact: true })).toHaveAccessibleDescription(/privat eller internt nät/);
	await page.getByLabel('Adress', { exact: true }).fill('inte en adress');
	await page.getByRole('button', { name: 'Registrera', exact: true }).click();
	await expect(page.getByLabel('Adress', { exact: true })).toHaveAccessibleDescription(/fullständig adress som börjar med https/);
	await expect(page.getByText('Inga webhooks ännu.')).toBeVisible();
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectAccessible(page);
});

test('pages of the consortium fit 320 px', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await signIn(page, 'admin@samsyn.demo');
	for (const path of ['/c/ostergotland', '/c/ostergotland/members', '/c/ostergotland/settings', '/c/ostergotland/audit']) {
		await page.goto(path);
		// names what sticks out, so a failure says where
		const wide = await page.evaluate(() =>
			[...document.querySelectorAll('main *')]
				.filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest('.table-scroll'))
				.map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}`)
				.slice(0, 5)
		);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, `${path}: ${wide.join(', ')}`).toBeLessThanOrEqual(0);
	}
	await expectAccessible(page);
});
