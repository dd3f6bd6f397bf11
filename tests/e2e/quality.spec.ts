import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { signIn } from './support/session';

const trio = '/c/e2e-trio';

/** Waits until the page is hydrated and live (what is typed before hydration could be lost). */
async function ready(page: Page): Promise<void> {
	await expect(page.getByRole('status').filter({ hasText: /^\s*Live\s*$/ })).toBeVisible();
}

const requirementText = (page: Page) => page.getByRole('textbox', { name: 'Kravtext', exact: true });
const marks = (page: Page) => page.locator('.editor-content .quality-mark');
const findings = (page: Page) => page.getByTestId('quality-findings').getByRole('listitem');

test('vague words are marked as the requirement is written, explained beside the text, gone when fixed, and a finding is dismissed with a reason', async ({
	page
}) => {
	test.setTimeout(180_000);
	const attempt = test.info().retry + test.info().repeatEachIndex;
	const title = `Sökning i journalen${attempt ? ` ${attempt}` : ''}`;
	await signIn(page, 'admin@samsyn.demo');
	await page.request.post('/locale', { form: { locale: 'sv', redirectTo: '/' }, headers: { origin: new URL(page.url()).origin } });

	// A need first: the trio's traceability (every requirement answers a need) stays whole.
	const need = `Hitta uppgifter snabbt i journalen${attempt ? ` ${attempt}` : ''}`;
	await page.goto(`${trio}/needs`);
	await ready(page);
	await page.getByLabel('Rubrik').fill(need);
	await page.getByLabel('Beskrivning').fill('Nattpersonalen letar länge efter uppgifter.');
	await page.getByRole('button', { name: 'Skapa' }).click();
	await expect(page.getByRole('heading', { level: 1, name: need })).toBeVisible();

	await page.goto(`${trio}/requirements/new`);
	await ready(page);
	await page.getByLabel('Rubrik').fill(title);
	await page.getByLabel('Behov', { exact: true }).selectOption({ label: need });
	await page.getByRole('textbox', { name: 'Kravtext' }).fill('Personalen ska kunna söka i journalen.');
	await page.getByLabel('Acceptanskriterier').fill('Demonstreras vid leveransgodkännandet.');
	await page.getByRole('button', { name: 'Skapa' }).click();
	await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^K-\\d{3} ${title}$`) })).toBeVisible();
	await expect(page.locator('.collaborative-editor[data-ready="true"]')).toBeVisible();

	// Typing the issue's sentence: both words marked in the text and listed beside it with a suggestion.
	await requirementText(page).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('Systemet ska vara användarvänligt och snabbt.');
	await expect(marks(page)).toHaveText(['användarvänligt', 'snabbt']);
	await expect(findings(page).filter({ hasText: 'användarvänligt' })).toContainText('Förslag:');
	await expect(findings(page).filter({ hasText: 'snabbt' })).toContainText('Förslag:');
	await expect(page.getByTestId('quality-status')).toContainText(/fynd att granska/);
	await expectAccessible(page);

	// Fixed: the marks and the findings go.
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('Systemet ska visa sökresultatet inom 2 sekunder.');
	await expect(marks(page)).toHaveCount(0);
	await expect(page.getByTestId('quality-status')).toContainText('Inga fynd');

	// A word the consortium accepts here: dismissed with a reason, which is kept and shown.
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('Systemet ska visa sökresultatet inom 2 sekunder, även vid behov av omstart.');
	await expect(marks(page)).toHaveText(['vid behov']);
	const finding = findings(page).filter({ hasText: 'vid behov' });
	await finding.locator('summary').click();
	await finding.getByRole('button', { name: 'Avfärda' }).click();
	await expect(finding.getByText('Fältet måste fyllas i.')).toBeVisible();
	await finding.getByLabel('Varför är det inte ett problem här?').fill('Omstart styrs av driftavtalet.');
	await finding.getByRole('button', { name: 'Avfärda' }).click();
	await expect(page.getByText('Fyndet är avfärdat, med din motivering.')).toBeVisible();
	await expect(marks(page)).toHaveCount(0);
	await expect(page.getByTestId('quality-status')).toContainText('Inga fynd');
	await page.getByText(/^Avfärdade fynd \(1\)$/).click();
	await expect(page.getByText('Omstart styrs av driftavtalet.')).toBeVisible();
	await expectAccessible(page);

	// The edit form's title and acceptance criteria are checked as they are typed, until the form closes.
	await page.locator('summary', { hasText: 'Redigera kravet' }).click();
	await page.getByRole('textbox', { name: 'Rubrik', exact: true }).fill(`${title} – enkel`);
	await expect(findings(page).filter({ hasText: 'enkel' })).toContainText('i rubrik');
	await page.locator('summary', { hasText: 'Redigera kravet' }).click();
	await expect(findings(page)).toHaveCount(0);

	// The list shows the score and filters what needs review; the stored result follows the text
	// once the co-editing server has stored it (a second after the last keystroke).
	const search = `q=${encodeURIComponent(`"${title}"`)}`;
	await expect(async () => {
		await page.goto(`${trio}/requirements?${search}`);
		await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('100 av 100', { timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	await expectAccessible(page);
	await page.goto(`${trio}/requirements?quality=needs_review&${search}`);
	await expect(page.getByText('0 träffar')).toBeVisible();
	await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0);

	// At 320 px the text and the findings stack and nothing scrolls sideways.
	await page.setViewportSize({ width: 320, height: 800 });
	await page.goto(`${trio}/requirements?${search}`);
	await page.getByRole('link', { name: title, exact: true }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Kravgranskning' })).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
