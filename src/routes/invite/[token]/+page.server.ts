import { redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { runAction } from '$lib/server/consortia/actions';
import { acceptInvitationAsExisting, acceptInvitationAsNew, findOpenInvitation } from '$lib/server/consortia/invitations';
import { AcceptAsNewInput } from '$lib/server/consortia/schemas';
import { z } from 'zod';
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
	create: async ({ request, params, cookies, url, getClientAddress }) => {
		const outcome = await runAction(request, 'create', AcceptAsNewInput, async (input) => {
			const locale = getLocale() === 'en' ? 'en' : 'sv';
			const { userId, slug } = await acceptInvitationAsNew(params.token, input, { locale, ipAddress: getClientAddress() });
			const token = generateSessionToken();
			const session = await createSession(token, userId, { userAgent: request.headers.get('user-agent'), ipAddress: getClientAddress() });
			setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
			return { slug };
		});
		if ('slug' in outcome) redirect(303, `/c/${outcome.slug}`);
		return outcome;
	},
	/** A signed-in person with the invited address joins. */
	accept: async ({ request, params, locals, getClientAddress }) => {
		if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(`/invite/${params.token}`)}`);
		const user = locals.user;
		const outcome = await runAction(request, 'accept', z.object({}), () => acceptInvitationAsExisting(params.token, user, { ipAddress: getClientAddress() }));
		if ('slug' in outcome) redirect(303, `/c/${outcome.slug}`);
		return outcome;
	}
};
