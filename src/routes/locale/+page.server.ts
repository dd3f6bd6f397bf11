import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { updateProfile } from '$lib/server/auth/commands';
import { setLocaleCookie } from '$lib/server/auth/locale-cookie';
import { Locale } from '$lib/server/auth/schemas';
import { formAction } from '$lib/server/form-action';
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
	default: formAction(
		LocaleChoice,
		async (input, { user, event }) => {
			setLocaleCookie(event.cookies, input.locale, event.url.protocol === 'https:');
			if (user && user.locale !== input.locale) await updateProfile(user, { locale: input.locale }, event.getClientAddress());
			redirect(303, input.redirectTo);
		},
		{ access: 'public' }
	)
};
