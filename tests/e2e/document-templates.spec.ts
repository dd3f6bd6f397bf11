import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { hydrated, signIn } from './support/session';
import { expectNoSidewaysScroll } from './support/pages';

// Kasam's own admin, so that no other journey's consortium changes under it.
const settings = '/c/kasam/settings';

test("an admin makes the Swedish project directive template the consortium's own, sees it after a reload, and resets it; at 320 px too", async ({ page }) => {
	await signIn(page, 'kasam.admin@samsyn.demo');
	await page.goto(settings);
	await page.getByRole('link', { name: 'Redigera dokumentmallarna' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Dokumentmallar' })).toBeVisible();
	await hydrated(page);
	await expectAccessible(page);

	// Every kind, each in Swedish and English.
	const table = page.getByRole('table', { name: 'Mallar per dokumenttyp och språk' });
	await expect(table.getByRole('row')).toHaveCount(1 + 8);
	await table.getByRole('link', { name: 'Redigera mallen för Projektdirektiv på svenska' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Projektdirektiv på svenska' })).toBeVisible();
	await hydrated(page);
	const title = page.getByLabel('Dokumentets rubrik');
	const outline = page.getByLabel('Innehåll');
	await expect(outline).toHaveAccessibleDescription(/”## ” blir en rubrik/);
	await expectAccessible(page);

	// A blank title is answered beside the field, and focus goes to it.
	await title.fill(' ');
	await page.getByRole('button', { name: 'Spara mallen' }).click();
	await expect(title).toBeFocused();
	await expect(title).toHaveAccessibleDescription(/Fältet måste fyllas i./);

	const text = '## Bakgrund\nVarför Kasam behöver projektet.\n## Mål\n- Tryggare nätter\n- Färre larm';
	await title.fill('Projektdirektiv för Kasam');
	await outline.fill(text);
	await page.getByRole('button', { name: 'Spara mallen' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Mallen är sparad.' })).toBeFocused();

	await page.reload();
	await expect(title).toHaveValue('Projektdirektiv för Kasam');
	await expect(outline).toHaveValue(text);
	const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Projektdirektiv' }) });
	await expect(row.getByRole('cell').first()).toContainText('Projektdirektiv för Kasam');
	await expect(row.getByRole('cell').first()).toContainText('Egen mall');
	await expect(row.getByRole('cell').nth(1)).toContainText('Inbyggd mall');
	await hydrated(page);
	await expectAccessible(page);

	// The page at 320 px: the table reflows, nothing scrolls sideways.
	await page.setViewportSize({ width: 320, height: 800 });
	await expectNoSidewaysScroll(page);
	await expectAccessible(page);

	// Reset: asked first, then the built-in template applies again.
	await page.getByRole('button', { name: 'Återställ den inbyggda mallen för Projektdirektiv på svenska' }).click();
	await page.getByRole('button', { name: 'Ja, återställ' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Den inbyggda mallen gäller igen.' })).toBeFocused();
	await expect(title).toHaveValue('Projektdirektiv');
	await expect(row.getByRole('cell').first()).toContainText('Inbyggd mall');
});

test('the templates page does not exist for someone who is not an admin', async ({ page }) => {
	await signIn(page, 'deltagare.motala@samsyn.demo');
	for (const path of ['/c/ostergotland/settings/templates', '/c/ostergotland/settings/templates?kind=project_directive&locale=sv'])
		expect((await page.request.get(path)).status(), path).toBe(404);
	const response = await page.request.post('/c/ostergotland/settings/templates?/save', {
		headers: { origin: new URL(page.url()).origin },
		form: { kind: 'project_directive', locale: 'sv', title: 'Intrång', outline: '' }
	});
	expect(response.status()).toBe(404);
});
