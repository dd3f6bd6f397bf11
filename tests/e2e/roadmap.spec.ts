import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { hydrated } from './support/session';
import { as, expectNoSidewaysScroll, live } from './support/pages';

// A consortium with Östergötland's portfolio and no initiative yet (fixture e2e-fardplan).
const base = '/c/e2e-fardplan';

test('the dispenser candidate becomes a joint initiative, is scheduled on the roadmap by keyboard while another person watches it move, and its gate shows the linked decision', async ({
	browser
}) => {
	test.setTimeout(180_000);
	// A title of its own on every attempt: a retry against the same database starts a second initiative.
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const title = `Läkemedelsautomater i hemtjänsten${attempt ? ` (försök ${attempt + 1})` : ''}`;
	const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const observer = await as(browser, 'observator@samsyn.demo');
	// Swedish whatever an earlier journey left the demo account's own setting at (the language switch saves it).
	await observer.request.post('/locale', { form: { locale: 'sv', redirectTo: '/' }, headers: { origin: new URL(observer.url()).origin } });
	const member = await as(browser, 'deltagare.motala@samsyn.demo');

	// The overlap list proposes the dispenser, first.
	await member.goto(`${base}/portfolio/candidates`);
	const dispenser = member.getByRole('main').getByRole('listitem').first();
	await expect(dispenser).toContainText('Läkemedelsautomat');
	await dispenser.getByRole('link', { name: 'Starta gemensamt initiativ för Läkemedelsautomat' }).click();

	// Pre-filled: the title, and those who would join.
	await expect(member.getByRole('heading', { level: 1, name: 'Nytt gemensamt initiativ' })).toBeVisible();
	await hydrated(member);
	await expectAccessible(member);
	await expect(member.getByLabel('Namn')).toHaveValue('Läkemedelsautomat');
	const chosen = await member.getByLabel('Deltagande organisationer').evaluate((select: HTMLSelectElement) => [...select.selectedOptions].map((o) => o.text));
	expect(chosen).toEqual(['Mjölby', 'Motala', 'Norrköping', 'Söderköping']);
	await member.getByLabel('Namn').fill(title);
	await member.getByRole('button', { name: 'Starta initiativet' }).click();

	await expect(member.getByRole('heading', { level: 1, name: new RegExp(`^\\d+\\. ${escaped}$`) })).toBeVisible();
	await expect(member.getByRole('definition').filter({ hasText: 'Mjölby, Motala, Norrköping, Söderköping' })).toBeVisible();
	await hydrated(member);
	await expectAccessible(member);

	// A gate after the first phase: a decision item prepared for the steering group.
	const gateForm = member.locator('form').filter({ has: member.getByRole('button', { name: 'Lägg till beslutspunkt' }) });
	await gateForm.getByRole('button', { name: 'Lägg till beslutspunkt' }).click();
	await expect(member.getByText('Beslutspunkten är tillagd.')).toBeVisible();
	const phases = member.getByRole('table', { name: 'Faser och beslutspunkter' });
	const gate = phases.getByRole('link', { name: `Beslutspunkt: Projektdirektiv – ${title}` });
	await expect(gate).toBeVisible();
	await expect(phases.getByRole('row').nth(1)).toContainText('Ej öppnad');

	// The roadmap: the observer watches while the member moves the bar by keyboard.
	await live(observer, `${base}/roadmap`);
	await expectAccessible(observer);
	const period = observer.getByRole('row').filter({ hasText: title }).locator('td[data-label="Period"]');
	const before = (await period.textContent())!.trim();

	await live(member, `${base}/roadmap`);
	const bar = member.getByRole('button', { name: new RegExp(`^Flytta \\d+\\. ${escaped},`) });
	await bar.focus();
	await member.keyboard.press('ArrowRight');
	await member.keyboard.press('ArrowRight');
	await expect(member.getByText(new RegExp(`${escaped}: 2 månader senare, .*Enter sparar\\.`))).toBeAttached();
	await member.keyboard.press('Enter');
	await expect(member.getByText(`${title} flyttades 2 månader senare.`).first()).toBeAttached();
	await expect(bar).toBeFocused();

	// The observer's roadmap moves without a reload; the move is the same two months.
	await expect(period).not.toHaveText(before);
	const after = (await period.textContent())!.trim();
	await expect(member.getByRole('row').filter({ hasText: title }).locator('td[data-label="Period"]')).toHaveText(after);
	await expect(bar).toHaveAccessibleName(new RegExp(`${after.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

	// Escape puts a move not yet saved back.
	await bar.focus();
	await member.keyboard.press('ArrowLeft');
	await member.keyboard.press('Escape');
	await expect(member.getByText(`${title} ligger kvar där det låg.`)).toBeAttached();

	// Dragging the bar a quarter to the right (three of the 36 months the track shows) moves it three months.
	const track = (await bar.locator('xpath=..').boundingBox())!;
	const box = (await bar.boundingBox())!;
	await member.mouse.move(box.x + 8, box.y + box.height / 2);
	await member.mouse.down();
	await member.mouse.move(box.x + 8 + (track.width * 3) / 36, box.y + box.height / 2, { steps: 6 });
	await member.mouse.up();
	await expect(member.getByText(`${title} flyttades 3 månader senare.`).first()).toBeAttached();
	await expect(period).not.toHaveText(after);

	// The gate's decision item, from the initiative.
	await member
		.getByRole('main')
		.getByRole('link', { name: new RegExp(`^\\d+\\. ${escaped}$`) })
		.first()
		.click();
	await member.getByRole('link', { name: `Beslutspunkt: Projektdirektiv – ${title}` }).click();
	await expect(member.getByRole('heading', { level: 1, name: `Beslutspunkt: Projektdirektiv – ${title}` })).toBeVisible();

	// Municipality roadmap, lanes by municipality, at 320 px: nothing scrolls sideways, axe finds nothing serious.
	await observer.setViewportSize({ width: 320, height: 640 });
	for (const path of [`${base}/roadmap?lanes=municipality&years=5`, `${base}/roadmap?lanes=phase&years=1`]) {
		await observer.goto(path);
		await expectNoSidewaysScroll(observer);
		await expectAccessible(observer);
	}
	await observer.getByLabel('Kommunens färdplan').selectOption({ label: 'Motala' });
	await observer.getByRole('button', { name: 'Visa' }).click();
	await expect(observer.getByRole('heading', { level: 1, name: 'Motalas färdplan' })).toBeVisible();
	await expect(observer.getByRole('heading', { level: 2, name: 'Motalas egna planer i portföljen' })).toBeVisible();
	await expectNoSidewaysScroll(observer);
	await expectAccessible(observer);

	// The roadmap as shown, for a slide, for print, and the initiatives for a spreadsheet.
	for (const [format, type] of [
		['png', 'image/png'],
		['pdf', 'application/pdf'],
		['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']
	]) {
		const link = observer.getByRole('navigation', { name: 'Ladda ned' }).locator(`a[href*="/export/${format}"]`);
		const response = await observer.request.get((await link.getAttribute('href'))!);
		expect(response.headers()['content-type'], format).toBe(type);
		expect(response.headers()['content-disposition'], format).toContain(`Motalas f`);
	}

	// The observer reads but may not move anything.
	await expect(observer.getByRole('button', { name: /^Flytta / })).toHaveCount(0);
});

test('the owner of overdue procurement activities finds them on the home page, marks one done by keyboard and hears it; the lifecycle reflows at 320 px', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const owner = await as(browser, 'ombud.linkoping@samsyn.demo');
	await owner.request.post('/locale', { form: { locale: 'sv', redirectTo: '/' }, headers: { origin: new URL(owner.url()).origin } });
	await owner.goto('/c/ostergotland');
	const overdue = owner.getByRole('heading', { name: 'Dina försenade upphandlingsaktiviteter' });
	await expect(overdue).toBeVisible();
	await owner.getByRole('link', { name: /^Riskanalys \(\d+\. Nattlig tillsyn via kamera\)$/ }).click();
	// The link leads to the lifecycle itself; with a #fragment in the address, focus after a form action must still go where the form puts it.
	await expect(owner).toHaveURL(/#lifecycle-heading$/);
	await expect(owner.getByRole('heading', { level: 1, name: /Nattlig tillsyn via kamera/ })).toBeVisible();
	await hydrated(owner);
	await expectAccessible(owner);
	const lifecycle = owner.getByRole('region', { name: 'Upphandlingens faser' });
	await expect(lifecycle.getByText('Samsyn räknar fram datum och varnar')).toBeVisible();
	await expect(lifecycle.getByRole('table', { name: 'Tidsfrister' })).toContainText('Avtalsspärr');
	const row = lifecycle.getByRole('row').filter({ has: owner.getByRole('rowheader', { name: /^Riskanalys/ }) });
	await expect(row).toContainText('Försenad');

	// The announcer's sentences, as they are said.
	await owner.evaluate(() => {
		const region = document.querySelector('[data-testid="announcer"]')!;
		const said: string[] = [];
		(window as unknown as { said: string[] }).said = said;
		new MutationObserver(() => said.push(region.textContent?.trim() ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
	});
	const said = () => owner.evaluate(() => (window as unknown as { said: string[] }).said.join('\n'));

	// By keyboard: focus the row's button, Enter; focus stays on it, now offering to reopen, and the change is said.
	const mark = owner.getByRole('button', { name: 'Markera Riskanalys som klar' });
	await mark.focus();
	await owner.keyboard.press('Enter');
	const reopen = owner.getByRole('button', { name: 'Öppna Riskanalys igen' });
	await expect(reopen).toBeFocused();
	await expect.poll(said).toContain('Riskanalys: Klar.');
	await expect(row).not.toContainText('Försenad');
	await expect(lifecycle.getByRole('list', { name: 'Faser och hur långt de har kommit' })).toContainText('Analysera och förbereda: 2 av 8 klara');

	// Back as it was, so the demo keeps its overdue activity.
	await owner.keyboard.press('Enter');
	await expect(owner.getByRole('button', { name: 'Markera Riskanalys som klar' })).toBeFocused();
	await expect(row).toContainText('Försenad');

	await owner.setViewportSize({ width: 320, height: 640 });
	await expectNoSidewaysScroll(owner);
	await expectAccessible(owner);
});
