import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { DEVICE_COOKIE, setDeviceCookie } from '$lib/server/auth/device-cookie';
import { asLocale, setLocaleCookie } from '$lib/server/auth/locale-cookie';
import { RateLimited } from '$lib/server/auth/rate-limit';
import { SignInInput } from '$lib/server/auth/schemas';
import { signIn } from '$lib/server/auth/sign-in';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const safeNext = (next: string | null) => (next && next.length < 2000 && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/');

const notices = ['reset', 'everywhere'] as const;

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	const notice = url.searchParams.get('notice');
	return { notice: notices.find((n) => n === notice) ?? null };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const input = await parseForm(request, SignInInput);
		if (!input.ok) return input.failure;
		try {
			const result = await signIn({
				...input.data,
				ipAddress: getClientAddress(),
				userAgent: request.headers.get('user-agent'),
				deviceToken: cookies.get(DEVICE_COOKIE)
			});
			if (!result) return fail(400, { errors: { form: 'login_failed' }, values: input.values });
			const secure = url.protocol === 'https:';
			setSessionCookie(cookies, result.token, result.session.expiresAt, secure);
			setDeviceCookie(cookies, result.device.token, result.device.expiresAt, secure);
			setLocaleCookie(cookies, asLocale(result.locale), secure);
		} catch (error) {
			if (!(error instanceof RateLimited)) throw error;
			setHeaders({ 'retry-after': String(Math.ceil(error.retryAfterMs / 1000)) });
			return fail(429, { errors: { form: 'rate_limited' }, retryMinutes: error.retryAfterMinutes, values: input.values });
		}
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
