import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, loggablePath } from './log';

function capture() {
	const lines: string[] = [];
	const stream = new Writable({
		write(chunk, _encoding, done) {
			lines.push(String(chunk));
			done();
		}
	});
	return { lines, logger: createLogger('info', stream) };
}

describe('logs', () => {
	it('never contain passwords, tokens or cookies, however they are nested', () => {
		const { lines, logger } = capture();
		logger.info(
			{ password: 'hunter2hunter2', form: { password: 'p', token: 't' }, req: { headers: { cookie: 'samsyn_session=abc', authorization: 'Bearer xyz' } } },
			'attempt'
		);
		const line = lines.join('');
		for (const secret of ['hunter2hunter2', 'samsyn_session=abc', 'Bearer xyz', '"p"', '"t"']) {
			expect(line).not.toContain(secret);
		}
		expect(JSON.parse(line)).toMatchObject({ password: '[redacted]', msg: 'attempt' });
	});

	it('replace one-time link tokens in request paths', () => {
		expect(loggablePath('/invite/abc123def/accept')).toBe('/invite/[redacted]/accept');
		expect(loggablePath('/reset-password/zzz')).toBe('/reset-password/[redacted]');
		expect(loggablePath('/c/ostergotland/members')).toBe('/c/ostergotland/members');
	});
});
