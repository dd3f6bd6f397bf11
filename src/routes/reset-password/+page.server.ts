import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { ResetRequestInput } from '$lib/server/auth/schemas';
import { formAction } from '$lib/server/form-action';
import type { Actions } from './$types';

export const actions: Actions = {
	default: formAction(
		ResetRequestInput,
		async (input, { event }) => {
			await requestPasswordReset({ email: input.email, ipAddress: event.getClientAddress(), origin: event.url.origin });
			// The same answer whether or not the account exists.
			return { sent: input.email };
		},
		{ access: 'public' }
	)
};
