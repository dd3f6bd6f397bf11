import { fail } from '@sveltejs/kit';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { RateLimited } from '$lib/server/auth/rate-limit';
import { ResetRequestInput } from '$lib/server/auth/schemas';
import { parseForm } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, url, getClientAddress, setHeaders }) => {
		const input = await parseForm(request, ResetRequestInput);
		if (!input.ok) return input.failure;
		try {
			await requestPasswordReset({ email: input.data.email, ipAddress: getClientAddress(), origin: url.origin });
		} catch (error) {
			if (!(error instanceof RateLimited)) throw error;
			setHeaders({ 'retry-after': String(Math.ceil(error.retryAfterMs / 1000)) });
			return fail(429, { errors: { form: 'rate_limited' }, retryMinutes: error.retryAfterMinutes, values: input.values });
		}
		// The same answer whether or not the account exists.
		return { sent: input.data.email };
	}
};
