import { fail, redirect } from '@sveltejs/kit';
import { changePassword, updateProfile } from '$lib/server/auth/commands';
import { setLocaleCookie } from '$lib/server/auth/locale-cookie';
import { getMyProfile } from '$lib/server/auth/queries';
import { RateLimited } from '$lib/server/auth/rate-limit';
import { changePasswordInput, ProfileInput } from '$lib/server/auth/schemas';
import { CommandError } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/login?next=/account');
	return { profile: await getMyProfile(locals.user) };
};

export const actions: Actions = {
	profile: async ({ request, locals, cookies, url, getClientAddress }) => {
		if (!locals.user) redirect(303, '/login?next=/account');
		const input = await parseForm(request, ProfileInput);
		if (!input.ok) return fail(input.failure.status, { ...input.failure.data, action: 'profile' });
		const after = await updateProfile(locals.user, input.data, getClientAddress());
		setLocaleCookie(cookies, after.locale === 'en' ? 'en' : 'sv', url.protocol === 'https:');
		// A full reload, so every string on the page is rendered in the language just chosen.
		redirect(303, '/account?saved=profile');
	},
	password: async ({ request, locals, getClientAddress, setHeaders }) => {
		if (!locals.user) redirect(303, '/login?next=/account');
		const input = await parseForm(request, changePasswordInput(locals.user.email));
		if (!input.ok) return fail(input.failure.status, { ...input.failure.data, action: 'password' });
		try {
			await changePassword(locals.user, input.data, locals.session?.id ?? null, getClientAddress());
		} catch (error) {
			if (error instanceof RateLimited) {
				setHeaders({ 'retry-after': String(Math.ceil(error.retryAfterMs / 1000)) });
				return fail(429, { action: 'password', errors: { form: 'rate_limited' }, retryMinutes: error.retryAfterMinutes, values: {} });
			}
			if (error instanceof CommandError) return fail(400, { action: 'password', errors: { [error.field]: error.key }, values: {} });
			throw error;
		}
		redirect(303, '/account?saved=password');
	}
};
