import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { updateProfile } from '$lib/server/auth/commands';
import { setLocaleCookie } from '$lib/server/auth/locale-cookie';
import { Locale } from '$lib/server/auth/schemas';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const LocaleChoice = z.object({
	locale: Locale,
	// Only a path on this site: never an open redirect.
	redirectTo: z
		.string()
		.max(2000)
		.regex(/^\/(?!\/)[^\s\\]*$/)
		.catch('/')
});

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	/** Switches the language; for a signed-in person it also becomes their preferred language. */
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await readForm(request).catch(() => ({}));
		const parsed = LocaleChoice.safeParse(form);
		const redirectTo = parsed.success ? parsed.data.redirectTo : '/';
		if (parsed.success) {
			setLocaleCookie(cookies, parsed.data.locale, url.protocol === 'https:');
			if (locals.user && locals.user.locale !== parsed.data.locale) {
				await updateProfile(locals.user, { locale: parsed.data.locale }, getClientAddress());
			}
		}
		redirect(303, redirectTo);
	}
};
