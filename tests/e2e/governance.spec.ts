import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { as, expectNoSidewaysScroll, live } from './support/pages';
import { hydrated } from './support/session';

const base = '/c/e2e-styrning';

/** A signed-in person in Swedish (a spec before this one may have left the shared account in English). */
async function person(browser: Browser, email: string): Promise<Page> {
	const page = await as(browser, email);
	await page.request.post('/locale', { form: { locale: 'sv', redirectTo: '/' }, headers: { origin: new URL(page.url()).origin } });
	return page;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a risk raised to 20 is proposed for the steering group, the meeting is created with it and a gate, the gate is decided Fortsätt, and the initiative moves on', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const stamp = `${Date.now()}-${attempt}`;
	const riskTitle = `Samordnaren lämnar uppdraget ${stamp}`;
	const initiativeTitle = `Digital nattillsyn ${stamp}`;

	// Linköping's representative starts an initiative with a gate after its first phase.
	const linkoping = await person(browser, 'ombud.linkoping@samsyn.demo');
	await linkoping.goto(`${base}/roadmap/new`);
	await hydrated(linkoping);
	await linkoping.getByLabel('Namn').fill(initiativeTitle);
	await linkoping.getByLabel('Start', { exact: true }).fill('2026-09-01');
	await linkoping.getByRole('button', { name: 'Starta initiativet' }).click();
	await expect(linkoping.getByRole('heading', { level: 1, name: new RegExp(`^\\d+\\. ${escape(initiativeTitle)}$`) })).toBeVisible();
	const initiativeUrl = linkoping.url();
	await hydrated(linkoping);
	const gateForm = linkoping.locator('form').filter({ has: linkoping.getByRole('button', { name: 'Lägg till beslutspunkt' }) });
	await gateForm.getByRole('button', { name: 'Lägg till beslutspunkt' }).click();
	await expect(linkoping.getByText('Beslutspunkten är tillagd.')).toBeVisible();

	// …and raises a risk: a score outside 1–5 cannot be chosen, so it starts at S 3, K 4 (R 12, medium).
	await linkoping.goto(`${base}/governance/risks`);
	await hydrated(linkoping);
	await expect(linkoping.getByRole('heading', { level: 1, name: 'Risker' })).toBeVisible();
	await expectAccessible(linkoping);
	await linkoping.getByRole('button', { name: 'Registrera risken' }).click();
	await expect(linkoping.getByLabel('Rubrik')).toBeFocused();
	await linkoping.getByLabel('Rubrik').fill(riskTitle);
	await linkoping.getByLabel('Hot', { exact: true }).fill('Uppdraget som samordnare ändras');
	await linkoping.getByLabel('Konsekvens', { exact: true }).fill('Projektet står utan projektledare');
	await linkoping.getByLabel('Sannolikhet (S)').selectOption('3');
	await linkoping.getByLabel('Konsekvens (K)').selectOption('4');
	await linkoping.getByRole('button', { name: 'Registrera risken' }).click();
	await expect(linkoping.getByRole('heading', { level: 1, name: new RegExp(`^R\\d+ ${escape(riskTitle)}$`) })).toBeVisible();
	await hydrated(linkoping);
	await expect(linkoping.getByText('12 (Medelhög)')).toBeVisible();

	// Kinda's representative has the risk open: that it entered the high band is said to her as it happens.
	const colleague = await person(browser, 'ombud.kinda@samsyn.demo');
	await live(colleague, new URL(linkoping.url()).pathname);
	await colleague.evaluate(() => {
		const region = document.querySelector('[data-testid="announcer"]')!;
		const said: string[] = [];
		(window as unknown as { said: string[] }).said = said;
		new MutationObserver(() => said.push(region.textContent?.trim() ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
	});
	const said = () => colleague.evaluate(() => (window as unknown as { said: string[] }).said.join('\n'));
	// Assessed again at 5 × 4: R 20 enters the high band, where the steering group decides.
	const assess = linkoping.getByRole('form', { name: 'Ny bedömning' });
	await assess.getByLabel('Sannolikhet (S)').selectOption('5');
	await assess.getByLabel('Varför ändras bedömningen?').fill('Förbundet har beslutat att se över uppdraget.');
	await assess.getByRole('button', { name: 'Spara bedömningen' }).click();
	await expect(linkoping.getByRole('status').filter({ hasText: 'Bedömningen är sparad: R = 20 (Hög).' })).toBeFocused();
	await expect(linkoping.getByText(/I det höga intervallet sedan/)).toBeVisible();
	await expect.poll(said).toContain('Risken har gått in i det höga intervallet och väntar på styrgruppen');
	await expect(colleague.getByText('20 (Hög)').first()).toBeVisible();
	await colleague.context().close();
	// It can become a decision item for the steering group, prepared from the risk.
	const riskUrl = linkoping.url();
	await linkoping.getByRole('button', { name: 'Lyft till beslutsärende' }).click();
	await expect(linkoping.getByRole('heading', { level: 1, name: new RegExp(`^Risk R\\d+: ${escape(riskTitle)}$`) })).toBeVisible();
	await expect(linkoping.getByTestId('announcer')).toHaveText('Beslutsärendet är förberett som utkast.');
	await linkoping.goto(riskUrl);
	await hydrated(linkoping);
	await expect(linkoping.getByRole('link', { name: new RegExp(`^Beslutsärende: Risk R\\d+: ${escape(riskTitle)}$`) })).toBeVisible();
	// The trend is a picture with words, and its values are a table.
	const trend = linkoping.getByRole('figure', { name: 'Riskvärdets utveckling' });
	await expect(trend.getByRole('img')).toHaveAccessibleName(/från 12 till 20/);
	await trend.getByText('Visa värdena som tabell').click();
	await expect(trend.getByRole('table').getByRole('row')).toHaveCount(3);
	await expectAccessible(linkoping);
	await linkoping.setViewportSize({ width: 320, height: 800 });
	await expectNoSidewaysScroll(linkoping);
	await linkoping.goto(`${base}/governance/risks`);
	await expectNoSidewaysScroll(linkoping);
	await linkoping.setViewportSize({ width: 1280, height: 800 });

	// The convenor prepares the next steering-group meeting: the risk and the gate are proposed under their headings.
	const admin = await person(browser, 'admin@samsyn.demo');
	await admin.goto(`${base}/governance`);
	await expect(admin.getByRole('heading', { level: 1, name: 'Styrning' })).toBeVisible();
	await expect(admin.getByText(/öppna risker, varav \d+ i det höga intervallet/)).toBeVisible();
	await expectAccessible(admin);
	await admin.getByRole('link', { name: 'Förbered styrgruppsmöte' }).click();
	await hydrated(admin);
	await expect(admin.getByRole('heading', { level: 1, name: 'Förbered styrgruppsmöte' })).toBeVisible();
	await expectAccessible(admin);
	const riskProposal = admin.getByRole('checkbox', { name: new RegExp(`^Risk R\\d+: ${escape(riskTitle)} \\(R = 20\\)$`) });
	const gateProposal = admin.getByRole('checkbox', {
		name: new RegExp(`^Godkännande av delleverans: initiativ \\d+ ${escape(initiativeTitle)}, fasen Projektdirektiv$`)
	});
	await expect(riskProposal).toBeChecked();
	await expect(gateProposal).toBeChecked();
	await admin.getByLabel('Datum').fill('2027-01-14');
	await admin.getByLabel('Plats eller länk').fill('Stadshuset, Linköping');
	await admin.getByRole('button', { name: 'Skapa mötet med valda punkter' }).click();
	await admin.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
	await expect(admin.getByRole('heading', { level: 1, name: 'Styrgruppsmöte', exact: true })).toBeVisible();
	const agenda = admin.getByRole('main');
	await expect(agenda.getByText('Riskhantering', { exact: true })).toBeVisible();
	await expect(agenda.getByText(new RegExp(`Risk R\\d+: ${escape(riskTitle)} \\(R = 20\\)`))).toBeVisible();
	await expectAccessible(admin);
	// The risk is handled: it is not proposed again.
	await admin.goto(`${base}/governance/agenda`);
	await expect(admin.getByRole('checkbox', { name: new RegExp(escape(riskTitle)) })).toHaveCount(0);

	// The gate's item: the convenor opens it, two municipalities choose Fortsätt, it is closed and recorded.
	await linkoping.goto(initiativeUrl);
	const gateLink = linkoping
		.getByRole('table', { name: 'Faser och beslutspunkter' })
		.getByRole('link', { name: `Beslutspunkt: Projektdirektiv – ${initiativeTitle}` });
	const itemPath = new URL((await gateLink.getAttribute('href'))!, linkoping.url()).pathname;
	await live(admin, itemPath);
	await admin.getByRole('button', { name: 'Öppna för ställningstaganden' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Ärendet är öppet för ställningstaganden.' })).toBeFocused();
	const kinda = await person(browser, 'ombud.kinda@samsyn.demo');
	for (const page of [linkoping, kinda]) {
		await live(page, itemPath);
		await page.getByRole('radio', { name: /^Fortsätt: fasen Projektdirektiv godkänns/ }).check();
		await page.getByRole('button', { name: 'Spara ställningstagande' }).click();
		await expect(page.getByRole('status').filter({ hasText: /Din organisations ställningstagande är sparat/ })).toBeFocused();
	}
	await admin.reload();
	await hydrated(admin);
	await admin.getByRole('button', { name: 'Stäng nu' }).click();
	await expect(admin.getByRole('status').filter({ hasText: /Ärendet är stängt\. Utfall: bifall/ })).toBeFocused();
	await admin.reload();
	await hydrated(admin);
	await admin.getByRole('button', { name: 'För in beslutet' }).click();
	await expect(admin.getByRole('status').filter({ hasText: /Beslutet är infört i beslutsloggen som B-\d{4}-\d{3}\./ })).toBeFocused();

	// The initiative moved on: the gate passed with Fortsätt, and the current phase is the next one.
	await linkoping.goto(initiativeUrl);
	const phases = linkoping.getByRole('table', { name: 'Faser och beslutspunkter' });
	await expect(phases.getByRole('row').nth(1)).toContainText('Passerad: Fortsätt');
	await expect(linkoping.getByRole('definition').filter({ hasText: '2. Kartläggning' })).toBeVisible();
	await expectAccessible(linkoping);

	// The supplier sees none of the governance area.
	const supplier = await person(browser, 'leverantor@samsyn.demo');
	for (const path of ['/governance', '/governance/risks', '/governance/agenda']) {
		const response = await supplier.goto(`${base}${path}`);
		expect(response?.status(), path).toBe(404);
	}
});
