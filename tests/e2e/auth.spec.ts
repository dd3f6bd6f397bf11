import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { DEMO_PASSWORD, hydrated, signIn } from './support/session';

// Accounts this spec uses; every test leaves them as it found them (password and language).
const SESSIONS_USER = 'deltagare.motala@samsyn.demo';
const RESET_USER = 'observator@samsyn.demo';

async function newSignedInPage(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, email, password);
	return page;
}

/** Clicks "Logga in" and waits for the server's answer, so attempts never overlap. */
async function submitSignIn(page: Page) {
	await Promise.all([
		page.waitForResponse((r) => new URL(r.url()).pathname === '/login' && r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Logga in' }).click()
	]);
}

test('signing in leads into the app; a wrong password is answered in Swedish without saying which part was wrong', async ({ page }) => {
	await page.goto('/login');
	// typed before the app has taken over, the values could be lost (and the answer be another)
	await hydrated(page);
	await page.getByLabel('E-postadress').fill('admin@samsyn.demo');
	await page.getByLabel('Lösenord').fill('inte rätt lösenord');
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord.');
	await expect(page.getByLabel('E-postadress')).toHaveValue('admin@samsyn.demo');
	await expectAccessible(page);

	await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Dina konsortier' })).toBeVisible();
	const cookies = await page.context().cookies();
	const session = cookies.find((c) => c.name === 'samsyn_session')!;
	expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
	expect(session.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 3600);
});

test('after five failed sign-ins the account is locked for a while, with the time to wait', async ({ page }) => {
	const email = `nobody-${Date.now()}@samsyn.demo`;
	await page.goto('/login');
	await hydrated(page);
	for (let i = 1; i <= 5; i++) {
		await page.getByLabel('E-postadress').fill(email);
		await page.getByLabel('Lösenord').fill(`gissning nummer ${i}`);
		await submitSignIn(page);
		await expect(page.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord.');
	}
	await page.getByLabel('Lösenord').fill('gissning nummer 6');
	await submitSignIn(page);
	await expect(page.getByRole('alert')).toHaveText('För många misslyckade försök. Försök igen om 15 minuter.');
	await expectAccessible(page);

	// the same refusal to a plain client: HTTP 429 with Retry-After
	const response = await page.request.post('/login', {
		form: { email, password: 'gissning nummer 7' },
		headers: { origin: new URL(page.url()).origin },
		maxRedirects: 0
	});
	expect(response.status()).toBe(429);
	expect(Number(response.headers()['retry-after'])).toBeGreaterThan(13 * 60);
});

test('my sign-ins: two browsers are listed, and I end the other one', async ({ browser }) => {
	// start from a clean slate: sign out everywhere, then sign in in two browsers
	const first = await newSignedInPage(browser, SESSIONS_USER);
	await first.goto('/account/sessions');
	await first.getByRole('button', { name: 'Logga ut överallt' }).click();
	await expect(first).toHaveURL(/\/login/);

	const mine = await newSignedInPage(browser, SESSIONS_USER);
	const other = await newSignedInPage(browser, SESSIONS_USER);
	await mine.goto('/account/sessions');
	await expect(mine.getByRole('heading', { level: 1, name: 'Mina inloggningar' })).toBeVisible();
	const rows = mine.getByRole('row');
	await expect(rows).toHaveCount(3); // header + two sessions
	await expect(mine.getByText('Den här inloggningen')).toHaveCount(1);
	await expect(mine.getByRole('cell', { name: /Chrome/ }).first()).toBeVisible();
	await expectAccessible(mine);

	await mine.getByRole('button', { name: /^Avsluta inloggningen/ }).click();
	await expect(mine.getByRole('status').filter({ hasText: 'Inloggningen är avslutad.' })).toBeVisible();
	await expect(rows).toHaveCount(2);

	await other.goto('/account');
	await expect(other).toHaveURL(/\/login/);
	await mine.goto('/account');
	await expect(mine.getByRole('heading', { level: 1, name: 'Min profil' })).toBeVisible();
	await expectAccessible(mine);
});

test('sign out everywhere ends the session in every browser', async ({ browser }) => {
	const a = await newSignedInPage(browser, SESSIONS_USER);
	const b = await newSignedInPage(browser, SESSIONS_USER);
	await a.goto('/account/sessions');
	await a.getByRole('button', { name: 'Logga ut överallt' }).click();
	await expect(a).toHaveURL(/\/login\?notice=everywhere/);
	await expect(a.getByRole('status').filter({ hasText: 'Du är utloggad på alla enheter.' })).toBeVisible();
	await expectAccessible(a);
	await a.goto('/');
	await expect(a).toHaveURL(/\/login/);
	await b.goto('/c/ostergotland');
	await expect(b).toHaveURL(/\/login\?next=/);
});

test('password reset: a link by mail (read on /dev/mail), rules beside the field, works once, signs out everywhere', async ({ browser, page }) => {
	const before = await newSignedInPage(browser, RESET_USER);

	await page.goto('/login');
	await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Glömt lösenordet' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('E-postadress').fill(RESET_USER);
	await page.getByRole('button', { name: 'Skicka länk' }).click();
	await expect(page.getByRole('status')).toContainText(`Om det finns ett konto för ${RESET_USER}`);

	await page.goto('/dev/mail');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page);
	const mail = page.getByRole('article').filter({ hasText: RESET_USER }).first();
	await expect(mail.getByRole('heading', { name: 'Välj ett nytt lösenord till Samsyn' })).toBeVisible();
	const link = mail.getByRole('link', { name: /\/reset-password\// });
	const href = (await link.getAttribute('href'))!;
	await link.click();

	await expect(page.getByRole('heading', { level: 1, name: 'Välj nytt lösenord' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Nytt lösenord', { exact: true }).fill('kort');
	await page.getByLabel('Upprepa det nya lösenordet').fill('kort');
	await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
	await expect(page.getByText('Lösenordet måste ha minst 12 tecken.')).toBeVisible();
	await expect(page.getByLabel('Nytt lösenord', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);

	await page.getByLabel('Nytt lösenord', { exact: true }).fill('password1234');
	await page.getByLabel('Upprepa det nya lösenordet').fill('password1234');
	await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
	await expect(page.getByText('Lösenordet är för vanligt')).toBeVisible();

	const fresh = 'sommar vid sjön i ydre';
	await page.getByLabel('Nytt lösenord', { exact: true }).fill(fresh);
	await page.getByLabel('Upprepa det nya lösenordet').fill(fresh);
	await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
	await expect(page).toHaveURL(/\/login\?notice=reset/);
	await expect(page.getByRole('status')).toContainText('Ditt lösenord är bytt');

	// the browser that was signed in before is signed out
	await before.goto('/');
	await expect(before).toHaveURL(/\/login/);

	// the link works once
	await page.goto(href);
	await expect(page.getByRole('alert')).toHaveText('Länken är ogiltig, redan använd eller har gått ut.');
	await expectAccessible(page);

	// the new password works; put the demo password back through the profile page
	await signIn(page, RESET_USER, fresh);
	await page.goto('/account');
	await page.getByLabel('Nuvarande lösenord').fill(fresh);
	await page.getByLabel('Nytt lösenord', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByLabel('Upprepa det nya lösenordet').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Byt lösenord' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Lösenordet är bytt.' })).toBeVisible();
	await expectAccessible(page);
	const check = await newSignedInPage(browser, RESET_USER);
	await expect(check).not.toHaveURL(/\/login/);
});

test('changing my language on the profile switches the whole UI to English and sticks to the next sign-in', async ({ browser, page }) => {
	await signIn(page, SESSIONS_USER);
	try {
		await page.goto('/account');
		await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
		await expectAccessible(page);
		await page.getByLabel('Språk', { exact: true }).selectOption('en');
		await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: 'Your details have been saved.' })).toBeVisible();
		await expectAccessible(page);

		// a new browser, whose language cookie says nothing, gets English after signing in
		const elsewhere = await newSignedInPage(browser, SESSIONS_USER);
		await expect(elsewhere.getByRole('heading', { level: 1, name: 'Your consortia' })).toBeVisible();

		// the header switch saves the choice too
		await elsewhere.getByRole('button', { name: /Change language/ }).click();
		await expect(elsewhere.getByRole('heading', { level: 1, name: 'Dina konsortier' })).toBeVisible();
		const third = await newSignedInPage(browser, SESSIONS_USER);
		await expect(third.getByRole('heading', { level: 1, name: 'Dina konsortier' })).toBeVisible();
		await third.goto('/account');
		await expect(third.getByLabel('Språk', { exact: true })).toHaveValue('sv');
	} finally {
		// leave the demo account Swedish whatever happened above
		const restore = await newSignedInPage(browser, SESSIONS_USER);
		await restore.request.post('/locale', { form: { locale: 'sv', redirectTo: '/' }, headers: { origin: new URL(restore.url()).origin } });
	}
});

test('/dev/mail is there only without SMTP_URL and with SHOW_DEV_MAIL in production', async ({ request }) => {
	// the e2e server runs NODE_ENV=production without SMTP_URL and with SHOW_DEV_MAIL=true
	const response = await request.get('/dev/mail');
	expect(response.status()).toBe(200);
});

/** Posts raw bytes to a path as a plain client would (no JavaScript), with the site's own origin. */
async function post(request: APIRequestContext, origin: string, path: string, body: string | Buffer, contentType: string) {
	return request.post(path, { data: body, headers: { 'content-type': contentType, origin }, maxRedirects: 0 });
}

test('malformed requests to sign-in and the account forms get a 4xx with a message, never a 500', async ({ page, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	const form = 'application/x-www-form-urlencoded';
	const anonymous = page.request;
	const cases: [string, string | Buffer, string][] = [
		['/login', 'email=&password=', form], // missing values
		['/login', 'password=x', form], // missing field
		['/login', 'email[]=a%40b.se&email[]=c%40d.se&password=x', form], // a list where one value belongs
		['/login', `email=${'a'.repeat(100_000)}%40b.se&password=x`, form], // huge value
		['/login', Buffer.concat([Buffer.from('email='), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('@x.se&password=y')]), form], // bad UTF-8
		['/login', JSON.stringify({ email: 'admin@samsyn.demo', password: DEMO_PASSWORD }), 'application/json'], // JSON to a form action
		['/login', 'email=admin@samsyn.demo', 'text/plain'], // wrong content type
		['/login', '--x\r\nbroken multipart', 'multipart/form-data; boundary=x'], // broken multipart
		['/reset-password', 'email=not-an-address', form],
		['/reset-password', JSON.stringify({ email: 'a@b.se' }), 'application/json'],
		['/reset-password/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'password=x&confirmPassword=y', form], // unknown link
		['/reset-password/not-a-token', 'password=ett%20långt%20lösenord&confirmPassword=ett%20långt%20lösenord', form]
	];
	for (const [path, body, type] of cases) {
		const response = await post(anonymous, origin, path, body, type);
		expect(response.status(), `${path} ${type} ${String(body).slice(0, 40)}`).toBeGreaterThanOrEqual(400);
		expect(response.status(), `${path} ${type} ${String(body).slice(0, 40)}`).toBeLessThan(500);
		expect((await response.text()).length).toBeGreaterThan(0);
	}

	// the message is a sentence in the user's language, beside the field
	const missing = await post(anonymous, origin, '/login', 'password=x', form);
	expect(await missing.text()).toContain('Fältet måste fyllas i.');

	// and the same for a signed-in person's forms
	await signIn(page, 'ombud.linkoping@samsyn.demo');
	const signedIn = page.request;
	const mineCases: [string, string, string][] = [
		['/account?/profile', 'name=&locale=sv', form],
		['/account?/profile', 'name=Kim&locale=fi', form],
		['/account?/profile', `name=${'x'.repeat(5000)}&locale=sv`, form],
		['/account?/profile', 'name=Kim&locale=sv&mailNotifications=maybe', form],
		['/account?/profile', JSON.stringify({ name: 'Kim', locale: 'sv' }), 'application/json'],
		['/account?/password', 'currentPassword=&password=kort&confirmPassword=kort', form],
		['/account?/password', `currentPassword=fel%20fel%20fel&password=ett%20nytt%20bra%20l%C3%B6sen&confirmPassword=ett%20annat%20l%C3%B6sen`, form],
		['/account/sessions?/end', 'sessionId=not-hex', form],
		['/account/sessions?/end', `sessionId=${'0'.repeat(64)}`, form], // not mine, or no such session
		['/account/sessions?/end', 'sessionId[]=a', 'text/plain']
	];
	for (const [path, body, type] of mineCases) {
		const response = await post(signedIn, origin, path, body, type);
		expect(response.status(), `${path} ${body.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
		expect(response.status(), `${path} ${body.slice(0, 40)}`).toBeLessThan(500);
	}
	// still signed in, nothing changed
	await page.goto('/account');
	await expect(page.getByLabel('Namn')).not.toHaveValue('');
	await expect(page.getByLabel('Språk', { exact: true })).toHaveValue('sv');
	await expectAccessible(page);
});
