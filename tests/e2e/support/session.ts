import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'samsyn-demo-2026';

/** Waits until the app has hydrated the page: values typed before that could be lost. */
export async function hydrated(page: Page): Promise<void> {
	await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}

/** Signs in through the login form and waits until the app has taken over. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await hydrated(page);
	await page.getByLabel(/E-postadress|Email address/).fill(email);
	await page.getByLabel(/^(Lösenord|Password)$/).fill(password);
	await page.getByRole('button', { name: /Logga in|Sign in/ }).click();
	await expect(page).not.toHaveURL(/\/login/);
}
