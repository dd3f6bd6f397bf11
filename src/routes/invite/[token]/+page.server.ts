import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getLocale } from '$lib/paraglide/runtime';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { acceptInvitationAsExisting, acceptInvitationAsNew, findOpenInvitation } from '$lib/server/consortia/invitations';
import { AcceptAsNewInput } from '$lib/server/consortia/schemas';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const invitation = await findOpenInvitation(params.token);
	if (!invitation) return { state: 'invalid' as const, invitation: null };
	const signedInAs = locals.user?.email.toLowerCase() ?? null;
	const state = !invitation.hasAccount
		? locals.user
			? ('other_account' as const)
			: ('new' as const)
		: signedInAs === invitation.email
			? ('existing' as const)
			: locals.user
				? ('other_account' as const)
				: ('sign_in' as const);
	return {
		state,
		invitation: {
			email: invitation.email,
			name: invitation.name,
			role: invitation.role,
			consortiumName: invitation.consortium.name,
			organisationName: invitation.organisationName
		},
		signInHref: `/login?next=${encodeURIComponent(url.pathname)}`
	};
};

export const actions: Actions = {
	/** Someone new: creates the account and signs it in. */
	create: formAction(
		AcceptAsNewInput,
		async (input, { event }) => {
			const locale = getLocale() === 'en' ? 'en' : 'sv';
			const address = event.getClientAddress();
			const { userId, slug } = await acceptInvitationAsNew(event.params.token!, input, { locale, ipAddress: address });
			const token = generateSessionToken();
			const session = await createSession(token, userId, { userAgent: event.request.headers.get('user-agent'), ipAddress: address });
			setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
			redirect(303, `/c/${slug}`);
		},
		{ access: 'public' }
	),
	/** A signed-in person with the invited address joins. */
	accept: formAction(
		z.object({}),
		async (_input, { user, event }) => {
			const { slug } = await acceptInvitationAsExisting(event.params.token!, user, { ipAddress: event.getClientAddress() });
			redirect(303, `/c/${slug}`);
		},
		{ access: 'user' }
	)
};
