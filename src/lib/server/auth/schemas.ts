import { z } from 'zod';
import { locales } from '$lib/paraglide/runtime';
import { RequiredText } from '../validation';
import { newPasswordFor } from './password-rules';

const email = z.string({ error: 'required' }).trim().min(1, 'required').max(320, 'too_long').email('email');

export const SignInInput = z.object({
	email,
	password: z.string({ error: 'required' }).min(1, 'required').max(1024, 'too_long')
});
export type SignInInput = z.infer<typeof SignInInput>;

export const ResetRequestInput = z.object({ email });
export type ResetRequestInput = z.infer<typeof ResetRequestInput>;

/** The one-time token in a reset link: base32 of 20 random bytes. */
export const ResetToken = z.string().regex(/^[a-z2-7]{32}$/);

/** A new password typed twice; the rules know whose it is. */
export function newPasswordInput(accountEmail: string) {
	return z
		.object({
			password: newPasswordFor({ email: accountEmail }),
			confirmPassword: z.string({ error: 'required' }).max(1024, 'too_long')
		})
		.refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'password_mismatch' });
}

export function changePasswordInput(accountEmail: string) {
	return z
		.object({
			currentPassword: z.string({ error: 'required' }).min(1, 'required').max(1024, 'too_long'),
			password: newPasswordFor({ email: accountEmail }),
			confirmPassword: z.string({ error: 'required' }).max(1024, 'too_long')
		})
		.refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'password_mismatch' });
}
export type ChangePasswordInput = z.infer<ReturnType<typeof changePasswordInput>>;

export const Locale = z.enum(locales, { error: 'invalid' });

export const ProfileInput = z.object({
	name: RequiredText(200),
	locale: Locale,
	// A checkbox: present ("on") when ticked, absent otherwise.
	mailNotifications: z
		.enum(['on', 'true'], { error: 'invalid' })
		.optional()
		.transform((v) => v !== undefined)
});
export type ProfileInput = z.infer<typeof ProfileInput>;

/** A session id as stored: hex SHA-256. */
export const SessionIdInput = z.object({ sessionId: z.string({ error: 'required' }).regex(/^[0-9a-f]{64}$/, 'invalid') });
