import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { expectAccessible } from './support/axe';
import { hydrated } from './support/session';
import { as, expectNoSidewaysScroll, live } from './support/pages';

const base = '/c/e2e-mvp';

test('the admin builds the MVP from a closed round, locks and publishes it; the supplier reads the release, downloads the Jira CSV, acknowledges and reports delivery; the consortium accepts; a change request becomes a decision item', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const name = `MVP 1.${attempt}`;

	// The admin builds a backlog from the closed round
	const admin = await as(browser, 'admin@samsyn.demo');
	await live(admin, `${base}/backlog`);
	await expectAccessible(admin);
	await admin.getByLabel('Stängd prioriteringsomgång').selectOption({ label: 'Prioritering inför MVP' });
	await admin.getByLabel('Namn på MVP:n').fill(name);
	await admin.getByLabel('Kapacitet').fill('13');
	await admin.getByRole('button', { name: 'Bygg backloggen' }).click();
	await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible();
	const planPath = new URL(admin.url()).pathname;
	await live(admin, planPath);
	await expectAccessible(admin);

	// The combined ranking's order (Borda), then the supplier's estimates; the proposal follows the capacity
	const rows = admin.getByRole('table', { name: /Backloggens 4 poster/ }).getByRole('row');
	await expect(rows.nth(1)).toContainText('se larm i mobilen');
	await expect(rows.nth(2)).toContainText('signera givna läkemedel');
	await expect(rows.nth(1)).toContainText('Under linjen: saknar skattning');
	const estimates: Record<string, string> = { 'se larm i mobilen': '5', 'signera givna läkemedel': '8', 'läsa omsorgsplanen': '3', 'boka om ett besök': '2' };
	for (const [story, points] of Object.entries(estimates)) await admin.getByLabel(`Skattning för ${story}`).fill(points);
	// A negative estimate is refused beside its item, and nothing else is lost
	await admin.getByLabel('Skattning för boka om ett besök').fill('-2');
	await admin.getByRole('button', { name: 'Spara plan och skattningar' }).click();
	await expect(admin.getByLabel('Skattning för boka om ett besök')).toBeFocused();
	await expect(admin.getByLabel('Skattning för se larm i mobilen')).toHaveValue('5');
	await admin.getByLabel('Skattning för boka om ett besök').fill('2');
	await admin.getByRole('button', { name: 'Spara plan och skattningar' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Planen och skattningarna är sparade.' })).toBeFocused();
	await expect(rows.nth(1)).toContainText('Måste för 3 av 3 organisationer');
	await expect(rows.nth(3)).toContainText('Under linjen: kapaciteten räcker inte');

	// The admin takes the proposed line (two items, 13 of 13 points) and locks the scope
	await admin.getByRole('button', { name: 'Använd förslaget (2 ovanför linjen)' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Linjen är flyttad: 2 ovanför linjen.' })).toBeFocused();
	await admin.getByRole('button', { name: `Lås ${name}` }).click();
	await admin.getByRole('button', { name: 'Ja, lås omfattningen' }).click();
	await expect(admin.getByRole('status').filter({ hasText: `${name} är låst.` })).toBeFocused();
	await expect(admin.getByRole('button', { name: 'Spara plan och skattningar' })).toHaveCount(0);

	// … and publishes release to the supplier
	await admin.getByLabel('Meddelande till leverantören').fill('Första leveransen av MVP:n.');
	await admin.getByRole('button', { name: 'Publicera till leverantören' }).click();
	const published = admin.getByRole('status').filter({ hasText: /Leverans \d+ är publicerad till leverantören\./ });
	await expect(published).toBeFocused();
	const number = /Leverans (\d+)/.exec((await published.textContent()) ?? '')![1]!;
	const releasePath = `${base}/backlog/releases/${number}`;

	// The supplier sees the release on its front page, reads it and downloads the Jira CSV
	const supplier = await as(browser, 'leverantor@samsyn.demo');
	await live(supplier, base);
	await expect(supplier.getByRole('link', { name: /Leveranser av backloggen som väntar på er bekräftelse/ })).toBeVisible();
	await expectAccessible(supplier);
	await live(supplier, releasePath);
	await expect(supplier.getByRole('heading', { level: 1, name: `Leverans ${number}: ${name}` })).toBeVisible();
	await expect(supplier.getByRole('heading', { level: 3, name: /se larm i mobilen/ })).toBeVisible();
	await expect(supplier.getByRole('heading', { level: 3, name: /läsa omsorgsplanen/ })).toHaveCount(0);
	await expectAccessible(supplier);
	const download = await supplier.request.get(`${releasePath}/export/jira.csv`);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-type']).toContain('text/csv');
	const parsed = Papa.parse<string[]>((await download.text()).trim(), { delimiter: ',' }).data;
	expect(parsed[0]).toEqual(['Issue Id', 'Parent Id', 'Issue Type', 'Summary', 'Description', 'Priority', 'Labels', 'Labels', 'Story Points']);
	expect(parsed.slice(1).map((r) => [r[2], r[3], r[8]])).toEqual([
		['Epic', `${name}: Leverans ${number}`, ''],
		['Story', 'S-1 se larm i mobilen', '5'],
		['Story', 'S-2 signera givna läkemedel', '8']
	]);

	// The supplier acknowledges and reports the first item delivered; the consortium sees it live
	await live(admin, releasePath);
	await supplier.getByRole('button', { name: 'Bekräfta att leveransen är mottagen' }).click();
	await expect(supplier.getByRole('status').filter({ hasText: 'Mottagandet är bekräftat.' })).toBeFocused();
	await supplier.getByLabel('Leveransstatus för se larm i mobilen').selectOption({ label: 'Levererad' });
	await supplier
		.locator('form')
		.filter({ has: supplier.getByLabel('Leveransstatus för se larm i mobilen') })
		.getByLabel('Kommentar')
		.fill('I version 2.3');
	await supplier
		.locator('form')
		.filter({ has: supplier.getByLabel('Leveransstatus för se larm i mobilen') })
		.getByRole('button', { name: 'Rapportera' })
		.click();
	await expect(supplier.getByRole('status').filter({ hasText: 'Leveransstatus är rapporterad: Levererad.' })).toBeFocused();
	await expect(admin.getByText('I version 2.3')).toBeVisible();

	// The consortium returns it with a reason (a reason is required), and the supplier sees the verdict
	await admin.getByLabel('Bedömning av se larm i mobilen').selectOption({ label: 'Återförvisad' });
	await admin.getByRole('button', { name: 'Registrera bedömningen' }).click();
	await expect(admin.getByLabel('Skäl')).toBeFocused();
	await admin.getByLabel('Skäl').fill('Larmet kvitteras inte i mobilen.');
	await admin.getByRole('button', { name: 'Registrera bedömningen' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Bedömningen är registrerad: Återförvisad.' })).toBeFocused();
	await expect(supplier.getByText('Larmet kvitteras inte i mobilen.')).toBeVisible();
	await expectAccessible(admin);

	// The release goes to the steering group for Godkännande av delleverans, as a decision item the supplier does not see
	await admin.getByLabel('Att tänka på för styrgruppen (valfritt)').fill('Larmet kvitteras inte ännu; se bedömningen.');
	await admin.getByRole('button', { name: 'Lägg fram för styrgruppen' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Leveransen är framlagd. Beslutsärendet är förberett som utkast.' })).toBeFocused();
	const gates = admin.getByRole('region', { name: 'Godkännande av delleverans' });
	await expect(gates.getByRole('link', { name: `Godkännande av delleverans: leverans ${number} (${name})` })).toBeVisible();
	await expect(gates).toContainText('Beslutsärendet förbereds');
	await expect(admin.getByRole('button', { name: 'Lägg fram för styrgruppen' })).toHaveCount(0);
	await expectAccessible(admin);
	await supplier.reload();
	await expect(supplier.getByRole('heading', { level: 1, name: `Leverans ${number}: ${name}` })).toBeVisible();
	await expect(supplier.getByRole('heading', { name: 'Godkännande av delleverans' })).toHaveCount(0);
	const presentAsSupplier = await supplier.request.post(`${releasePath}?/present`, { headers: { origin: new URL(supplier.url()).origin }, form: {} });
	expect(presentAsSupplier.status()).toBe(404);

	// After the lock, a participant asks for a change: it becomes a decision item, the backlog stays
	const member = await as(browser, 'deltagare.motala@samsyn.demo');
	await live(member, planPath);
	await member.getByLabel('Vad ska ändras?').selectOption({ label: 'Flytta' });
	await member.getByLabel('Post i backloggen').selectOption({ label: '3. läsa omsorgsplanen' });
	await member.getByLabel('Ny plats').fill('1');
	await member.getByLabel('Motivering', { exact: true }).fill('Omsorgsplanen behövs för nattens besök från start.');
	await member.getByLabel('Påverkan').fill('Tre poäng till.');
	await member.getByRole('button', { name: 'Skicka ändringsbegäran' }).click();
	await expect(member.getByRole('status').filter({ hasText: /Ändringsbegäran Ä-\d+ är skapad som ett beslutsärende/ })).toBeFocused();
	await expect(member.getByRole('table', { name: 'Ändringsbegäranden' }).getByRole('row').nth(1)).toContainText('Föreslagen');
	await expect(
		member
			.getByRole('table', { name: /Backloggens 4 poster/ })
			.getByRole('row')
			.nth(1)
	).toContainText('se larm i mobilen');
	await expectAccessible(member);

	// The same pages at 320 px: tables become cards, nothing scrolls sideways, axe finds nothing
	await member.setViewportSize({ width: 320, height: 640 });
	for (const path of [planPath, releasePath, `${base}/backlog`]) {
		await member.goto(path);
		await hydrated(member);
		await expectNoSidewaysScroll(member);
		await expectAccessible(member);
	}
	await supplier.setViewportSize({ width: 320, height: 640 });
	await supplier.goto(releasePath);
	await hydrated(supplier);
	await expectNoSidewaysScroll(supplier);
	await expectAccessible(supplier);

	// The supplier: the plan and its actions answer 404; an unpublished release number too
	expect((await supplier.goto(planPath))?.status()).toBe(404);
	expect((await supplier.goto(`${base}/backlog/releases/999999`))?.status()).toBe(404);
	const origin = new URL(supplier.url()).origin;
	const post = await supplier.request.post(`${planPath}?/publish`, { headers: { origin }, form: { note: 'x' } });
	expect(post.status()).toBe(404);
});
