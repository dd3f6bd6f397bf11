import type { Cookies } from '@sveltejs/kit';
import { cookieName } from '$lib/paraglide/runtime';

/** Sets Paraglide's language cookie, which decides the language of every page from the next request on. */
export function setLocaleCookie(cookies: Cookies, locale: 'sv' | 'en', secure: boolean): void {
	cookies.set(cookieName, locale, { path: '/', maxAge: 60 * 60 * 24 * 400, sameSite: 'lax', httpOnly: false, secure });
}

/** A stored preference as one of the app's languages. */
export const asLocale = (value: string | null | undefined): 'sv' | 'en' => (value === 'en' ? 'en' : 'sv');
