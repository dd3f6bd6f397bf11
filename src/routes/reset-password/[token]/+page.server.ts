import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { findValidReset, resetPassword } from '$lib/server/auth/password-reset';
import { newPasswordInput, ResetToken } from '$lib/server/auth/schemas';
import { CommandError } from '$lib/server/errors';
import { formAction } from '$lib/server/form-action';
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
	default: formAction(
		async ({ event }) => {
			const reset = await validReset(event.params.token!);
			if (!reset) throw new CommandError('reset_link_invalid');
			return newPasswordInput(reset.email);
		},
		async (input, { event }) => {
			try {
				await resetPassword(event.params.token!, input.password, event.getClientAddress());
			} catch (e) {
				if (e instanceof CommandError) throw new CommandError(e.key, 'form', 400);
				throw e;
			}
			// Every session has ended, this browser's too.
			deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
			redirect(303, '/login?notice=reset');
		},
		{ access: 'public' }
	)
};
