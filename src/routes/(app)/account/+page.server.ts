import { redirect } from '@sveltejs/kit';
import { changePassword, updateProfile } from '$lib/server/auth/commands';
import { setLocaleCookie } from '$lib/server/auth/locale-cookie';
import { getMyProfile } from '$lib/server/auth/queries';
import { changePasswordInput, ProfileInput } from '$lib/server/auth/schemas';
import { formAction } from '$lib/server/form-action';
import { signedIn } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:user');
	const user = signedIn(event);
	return { profile: await getMyProfile(user) };
};

export const actions: Actions = {
	profile: formAction(
		ProfileInput,
		async (input, { user, event }) => {
			const after = await updateProfile(user, input, event.getClientAddress());
			setLocaleCookie(event.cookies, after.locale === 'en' ? 'en' : 'sv', event.url.protocol === 'https:');
			// A full reload, so every string on the page is rendered in the language just chosen.
			redirect(303, '/account?saved=profile');
		},
		{ access: 'user' }
	),
	password: formAction(
		({ user }) => changePasswordInput(user.email),
		async (input, { user, event }) => {
			await changePassword(user, input, event.locals.session?.id ?? null, event.getClientAddress());
			redirect(303, '/account?saved=password');
		},
		{ access: 'user' }
	)
};
