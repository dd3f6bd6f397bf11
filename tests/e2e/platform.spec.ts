import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { hydrated, signIn } from './support/session';

test('health check reports a reachable, migrated database', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ ok: true, database: 'ok', migrations: 'current' });
});

test('the login page is Swedish by default, switches to English, and passes axe in both', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/login/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: /Byt språk/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: /Change language/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
});

test('bad sign-in input is answered beside the field, in the user’s language, keeping what was typed', async ({ page }) => {
	await page.goto('/login');
	// typed before the app has taken over, the values could be lost (and the answer be another)
	await hydrated(page);
	await page.getByLabel('E-postadress').fill('inte-en-adress');
	await page.getByLabel('Lösenord').fill('x');
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page.getByText('Ange en giltig e-postadress.')).toBeVisible();
	await expect(page.getByLabel('E-postadress')).toHaveValue('inte-en-adress');
	await expect(page.getByLabel('E-postadress')).toHaveAttribute('aria-invalid', 'true');
});

test('the app shell: skip link, landmarks, navigation and consortium name, by keyboard', async ({ page }) => {
	await signIn(page, 'admin@samsyn.demo');
	await page.goto('/c/ostergotland');
	await expect(page.getByRole('banner')).toContainText('Välfärdsteknik Östergötland');
	await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
	await expect(page.getByRole('main')).toBeVisible();
	await expect(page.getByRole('status')).toContainText('Live');
	await expectAccessible(page);

	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('main')).toBeFocused();

	// the user menu opens with the keyboard and closes with Escape
	const menu = page.getByRole('button', { name: /Användarmeny/ });
	await menu.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('link', { name: 'Mina inloggningar' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('link', { name: 'Mina inloggningar' })).toBeHidden();
	await expect(menu).toBeFocused();
});

test('usable at 320 px width and at 200 % zoom: nothing scrolls sideways', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await signIn(page, 'ombud.linkoping@samsyn.demo');
	for (const path of ['/', '/c/ostergotland', '/login']) {
		await page.goto(path);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
	await page.setViewportSize({ width: 640, height: 480 });
	await page.goto('/c/ostergotland');
	await page.evaluate(() => (document.body.style.zoom = '2'));
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectAccessible(page);
});

/** Opens the page's own EventSource and collects events with their arrival time. */
async function collectEvents(page: Page) {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const w = window as unknown as { received: { at: number; data: unknown }[] };
				w.received = [];
				const source = new EventSource('/events');
				source.addEventListener('change', (e) => w.received.push({ at: Date.now(), data: JSON.parse((e as MessageEvent).data) }));
				source.onopen = () => resolve();
			})
	);
	return () => page.evaluate(() => (window as unknown as { received: { at: number; data: { action: string } }[] }).received);
}

test('a write in one request reaches a subscribed client within a second; a client without access gets nothing', async ({ browser }) => {
	const subscriber = await browser.newPage();
	const outsider = await browser.newPage();
	await signIn(subscriber, 'ombud.ydre@samsyn.demo');
	await signIn(outsider, 'kasam.admin@samsyn.demo');
	const subscriberEvents = await collectEvents(subscriber);
	const outsiderEvents = await collectEvents(outsider);

	// The write: a sign-in of the same person in another browser, audited and announced to them.
	// The second is counted from the moment the write has answered (its transaction has committed),
	// so loading the sign-in page and checking the password do not count against it.
	const writer = await browser.newPage();
	const written = writer
		.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/login')
		.then(() => Date.now());
	await signIn(writer, 'ombud.ydre@samsyn.demo');
	const committedBy = await written;

	await expect.poll(async () => (await subscriberEvents()).some((e) => e.data.action === 'auth.signed_in'), { timeout: 2000 }).toBe(true);
	const event = (await subscriberEvents()).find((e) => e.data.action === 'auth.signed_in')!;
	expect(event.at - committedBy).toBeLessThan(1000);
	// The outsider's own sign-in elsewhere is announced to them after the write; once it has arrived,
	// anything the write had sent them would have arrived first (one LISTEN, delivered in order).
	const later = await browser.newPage();
	await signIn(later, 'kasam.admin@samsyn.demo');
	await expect.poll(async () => (await outsiderEvents()).length).toBeGreaterThan(0);
	expect((await outsiderEvents()).map((e) => e.data.action)).toEqual(['auth.signed_in']);
});

test('the dark theme follows the system setting and keeps its contrast', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	const cspViolations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
	});
	await signIn(page, 'observator@samsyn.demo');
	await page.goto('/c/ostergotland');
	const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(background).toBe('rgb(18, 22, 28)');
	await expectAccessible(page);
	await page.goto('/login');
	expect(cspViolations).toEqual([]);
});

test('security headers and a Content-Security-Policy on every page', async ({ request }) => {
	const response = await request.get('/login');
	const headers = response.headers();
	expect(headers['content-security-policy']).toMatch(/default-src 'self'/);
	expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('answers to a request with a session are private and never stored; static assets stay cacheable', async ({ page, request }) => {
	await signIn(page, 'observator@samsyn.demo');
	for (const path of ['/c/ostergotland', '/account', '/api/v1/c/ostergotland/requirements?limit=1', '/healthz', '/c/no-such-consortium']) {
		const response = await page.request.get(path);
		expect(response.headers()['cache-control'], path).toBe('private, no-store');
	}
	const html = await (await page.request.get('/c/ostergotland')).text();
	const asset = /\/_app\/immutable\/[^"']+\.js/.exec(html)?.[0];
	expect(asset).toBeDefined();
	expect((await page.request.get(asset!)).headers()['cache-control']).toMatch(/immutable/);
	expect((await page.request.get('/favicon.svg')).headers()['cache-control'] ?? '').not.toMatch(/no-store/);
	// A session cookie that no longer holds: the answer clears it, and is not for sharing either.
	const stale = await request.get('/login', { headers: { cookie: 'samsyn_session=' + 'a'.repeat(32) } });
	expect(stale.headers()['cache-control']).toBe('private, no-store');
	expect((await request.get('/login')).headers()['cache-control'] ?? '').not.toMatch(/private/);
});

test('scripts may connect to the app’s own origin only', async ({ page }) => {
	const csp = (await page.request.get('/login')).headers()['content-security-policy'];
	expect(csp).toMatch(/connect-src 'self'(;|$)/);
	expect(csp).not.toMatch(/\bwss?:/);
	await page.goto('/login');
	// The same server under another name is another origin: the browser refuses to open the socket.
	const blocked = await page.evaluate(
		(url) =>
			new Promise<string>((resolve) => {
				document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective));
				try {
					new WebSocket(url).onopen = () => resolve('opened');
				} catch {
					resolve('connect-src');
				}
			}),
		page
			.url()
			.replace(/^http:\/\/localhost/, 'ws://127.0.0.1')
			.replace(/\/login.*$/, '/ws/echo')
	);
	expect(blocked).toBe('connect-src');
});

test('a cross-site form post is refused (CSRF protection is on)', async ({ request }) => {
	const response = await request.post('/login', {
		headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'email=admin%40samsyn.demo&password=samsyn-demo-2026'
	});
	expect(response.status()).toBe(403);
});
