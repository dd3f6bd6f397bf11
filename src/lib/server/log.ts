import pino, { type DestinationStream, type Logger } from 'pino';
import { config } from './config';

const redactedKeys = [
	'password',
	'*.password',
	'token',
	'*.token',
	'cookie',
	'*.cookie',
	'headers.cookie',
	'headers.authorization',
	'*.headers.cookie',
	'*.headers.authorization'
];

/** A JSON logger that redacts secrets by key wherever they might slip into an object. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
	const options = { level, base: undefined, redact: { paths: redactedKeys, censor: '[redacted]' } };
	return destination ? pino(options, destination) : pino(options);
}

export const log = createLogger(process.env.VITEST ? 'silent' : config().LOG_LEVEL);

/** A request path safe to log: one-time link tokens in the path are replaced. */
export function loggablePath(pathname: string): string {
	return pathname.replace(/\/(invite|reset-password|verify)\/[^/]+/g, '/$1/[redacted]');
}
