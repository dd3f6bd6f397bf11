import { fail, redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { findValidReset, resetPassword } from '$lib/server/auth/password-reset';
import { newPasswordInput, ResetToken } from '$lib/server/auth/schemas';
import { CommandError } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

async function validReset(token: string) {
	return ResetToken.safeParse(token).success ? findValidReset(token) : null;
}

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const reset = await validReset(params.token);
	return { email: reset?.email ?? null };
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url, getClientAddress }) => {
		const reset = await validReset(params.token);
		if (!reset) return fail(400, { errors: { form: 'reset_link_invalid' }, values: {} });
		const input = await parseForm(request, newPasswordInput(reset.email));
		if (!input.ok) return input.failure;
		try {
			await resetPassword(params.token, input.data.password, getClientAddress());
		} catch (error) {
			if (error instanceof CommandError) return fail(400, { errors: { form: error.key }, values: {} });
			throw error;
		}
		// Every session has ended, this browser's too.
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/login?notice=reset');
	}
};
