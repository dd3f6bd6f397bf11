import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../form-action';
import { checkPassword, isCommonPassword, NewPassword, newPasswordFor, passwordLength } from './password-rules';
import { hashPassword, verifyPasswordHash } from './password';

describe('password rules (NIST SP 800-63B)', () => {
	it('needs at least 12 characters, counted in code points, not UTF-16 units', () => {
		expect(checkPassword('kort lösen')).toBe('password_too_short'); // 10
		expect(checkPassword('elva tecken')).toBe('password_too_short'); // 11
		expect(checkPassword('tolv tecken!')).toBeNull(); // 12
		// 11 emoji are 22 UTF-16 units but 11 characters: too short
		expect(checkPassword('🦊'.repeat(5) + '🐻'.repeat(6))).toBe('password_too_short');
		expect(passwordLength('🦊🐻')).toBe(2);
		// "å" written as a + combining ring counts as one character after normalisation
		expect(passwordLength('a\u030a')).toBe(1);
	});

	it('allows a generous maximum of 256 characters and refuses more', () => {
		const words = 'skogen sjön himlen ';
		const long = words.repeat(20).slice(0, 256);
		expect(checkPassword(long)).toBeNull();
		expect(checkPassword(long + 'x')).toBe('password_too_long');
	});

	it('has no composition rules: lower-case words and spaces are fine', () => {
		expect(checkPassword('korrekt häst batteri häftklammer')).toBeNull();
		expect(checkPassword('jättelångtlösenordutansiffror')).toBeNull();
	});

	it('refuses common passwords from the shipped list, whatever the case', () => {
		expect(isCommonPassword('password')).toBe(true);
		expect(checkPassword('password1234')).toBe('password_common');
		expect(checkPassword('PassWord1234')).toBe('password_common');
		expect(checkPassword('QwertyUiop12345')).toBe('password_common');
		expect(checkPassword('1qaz2wsx3edc')).toBe('password_common');
	});

	it('refuses the person’s own email address or its local part', () => {
		const email = 'anna.lindqvist@linkoping.se';
		expect(checkPassword('Anna.Lindqvist@Linkoping.se', { email })).toBe('password_is_email');
		expect(checkPassword('anna.lindqvist', { email })).toBe('password_is_email');
		expect(checkPassword('anna.lindqvist', {})).toBeNull();
	});

	it('refuses one repeated character and plain runs', () => {
		expect(checkPassword('aaaaaaaaaaaa')).toBe('password_repetitive');
		expect(checkPassword('abcdefghijklmn')).toBe('password_repetitive');
		expect(checkPassword('zyxwvutsrqponm')).toBe('password_repetitive');
		expect(checkPassword('abcdefghijklmnx')).toBeNull();
	});

	it('gives zod issues with the message keys the pages translate', () => {
		const short = NewPassword.safeParse('kort');
		expect(short.success).toBe(false);
		expect(fieldErrors(short.error!)).toEqual({ form: { key: 'password_too_short' } });
		expect(fieldErrors(NewPassword.safeParse('').error!)).toEqual({ form: { key: 'required' } });
		expect(fieldErrors(NewPassword.safeParse(42).error!)).toEqual({ form: { key: 'required' } });
		expect(fieldErrors(NewPassword.safeParse('x'.repeat(5000)).error!)).toEqual({ form: { key: 'password_too_long' } });
		expect(NewPassword.safeParse('en lång och ovanlig fras').success).toBe(true);
		const mine = newPasswordFor({ email: 'kim@example.se' }).safeParse('kim@example.se');
		expect(fieldErrors(mine.error!)).toEqual({ form: { key: 'password_is_email' } });
	});

	it('hashes the normalised password, so either way of typing "å" signs in', async () => {
		const hash = await hashPassword('sjön och \u00e5n i maj');
		expect(await verifyPasswordHash(hash, 'sjön och a\u030an i maj')).toBe(true);
		expect(await verifyPasswordHash(hash, 'sjön och an i maj')).toBe(false);
	});
});
