import { expect, type Browser, type Page } from '@playwright/test';
import { hydrated, signIn } from './session';

/** A signed-in page in a browser context of its own, in Swedish. */
export async function as(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await signIn(page, email);
	return page;
}

/** Waits until the page is hydrated and its live-update stream connected. */
export async function live(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await hydrated(page);
	await expect(page.getByRole('status').filter({ hasText: /^\s*Live\s*$/ })).toBeVisible();
}

/** Nothing on the page scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
	const wide = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth <= width) return [];
		return [...document.querySelectorAll<HTMLElement>('main *')]
			.filter((el) => el.getBoundingClientRect().right > width + 1)
			.slice(0, 5)
			.map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${Math.round(el.getBoundingClientRect().right)}`);
	});
	expect(wide, page.url()).toEqual([]);
}
