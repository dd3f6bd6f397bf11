import { redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { DEVICE_COOKIE, setDeviceCookie } from '$lib/server/auth/device-cookie';
import { asLocale, setLocaleCookie } from '$lib/server/auth/locale-cookie';
import { SignInInput } from '$lib/server/auth/schemas';
import { signIn } from '$lib/server/auth/sign-in';
import { CommandError } from '$lib/server/errors';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

const safeNext = (next: string | null) => (next && next.length < 2000 && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/');

const notices = ['reset', 'everywhere'] as const;

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	const notice = url.searchParams.get('notice');
	return { notice: notices.find((n) => n === notice) ?? null };
};

export const actions: Actions = {
	default: formAction(
		SignInInput,
		async (input, { event }) => {
			const result = await signIn({
				...input,
				ipAddress: event.getClientAddress(),
				userAgent: event.request.headers.get('user-agent'),
				deviceToken: event.cookies.get(DEVICE_COOKIE)
			});
			if (!result) throw new CommandError('login_failed', 'form', 400);
			const secure = event.url.protocol === 'https:';
			setSessionCookie(event.cookies, result.token, result.session.expiresAt, secure);
			setDeviceCookie(event.cookies, result.device.token, result.device.expiresAt, secure);
			setLocaleCookie(event.cookies, asLocale(result.locale), secure);
			redirect(303, safeNext(event.url.searchParams.get('next')));
		},
		{ access: 'public' }
	)
};
