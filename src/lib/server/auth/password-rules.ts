import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../password-limits';
import commonPasswordList from './common-passwords.json';

/**
 * Rules for a password someone chooses, in the spirit of NIST SP 800-63B (5.1.1.2): long enough,
 * no composition rules (no "one digit, one capital"), any Unicode character allowed, and refused
 * when it is a known common password or the person's own email address. Lengths are counted in
 * Unicode code points, so "åäö" is three characters.
 *
 * The list of common passwords ships with the app (`common-passwords.json`, built by
 * `scripts/common-passwords.mjs` from two MIT-licensed lists on npm) and is compared case-insensitively.
 */

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/** Message keys for a refused password; each has a sentence in messages/{sv,en}.json. */
export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_common' | 'password_is_email' | 'password_repetitive';

export interface PasswordContext {
	/** The person's email address: the password may not be it (or its part before the @). */
	email?: string | null;
}

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(commonPasswordList as string[]));

/** The number of characters as a person counts them (code points, after NFKC normalisation). */
export function passwordLength(password: string): number {
	return [...password.normalize('NFKC')].length;
}

/** Whether the password is in the shipped list of common passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
	return commonPasswords().has(password.normalize('NFKC').trim().toLowerCase());
}

/** One character repeated, or a run such as "abcdefghijkl" or "987654321098"-like steps of ±1. */
function isRepetitive(password: string): boolean {
	const points = [...password].map((c) => c.codePointAt(0)!);
	if (points.length < 2) return false;
	const step = points[1]! - points[0]!;
	if (Math.abs(step) > 1) return false;
	return points.every((p, i) => i === 0 || p - points[i - 1]! === step);
}

/**
 * The first rule the password breaks, as a message key, or null when it may be used.
 * The password is taken exactly as typed (no trimming): spaces are characters like any other.
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordProblem | null {
	const length = passwordLength(password);
	if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
	if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
	const normalized = password.normalize('NFKC').trim().toLowerCase();
	const email = context.email?.trim().toLowerCase();
	if (email && (normalized === email || normalized === email.split('@')[0])) return 'password_is_email';
	if (isRepetitive(normalized)) return 'password_repetitive';
	if (isCommonPassword(normalized)) return 'password_common';
	return null;
}

/**
 * A zod schema for a newly chosen password; issues carry the `PasswordProblem` key as message.
 * Pass the person's email when it is known (reset, profile, invitation acceptance).
 */
export function newPasswordFor(context: PasswordContext = {}) {
	return z
		.string({ error: 'required' })
		.max(PASSWORD_MAX_LENGTH * 4, 'password_too_long') // a cheap bound before counting code points
		.superRefine((password, ctx) => {
			if (password.length === 0) {
				ctx.addIssue({ code: 'custom', message: 'required' });
				return;
			}
			const problem = checkPassword(password, context);
			if (problem) ctx.addIssue({ code: 'custom', message: problem });
		});
}

/** A newly chosen password, without knowing whose it is (the email rule is then not checked). */
export const NewPassword = newPasswordFor();
