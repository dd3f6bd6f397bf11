import { log } from '../log';
import { deleteExpiredDevices } from './device-cookie';
import { deleteStaleLimits } from './rate-limit';
import { deleteExpiredSessions } from './session';

const HOUR = 60 * 60 * 1000;
let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Removes expired sessions and device cookies and rate-limit windows that ended long ago, now and every hour. Safe with
 * several processes: each run is a plain DELETE of rows nobody can use any more.
 */
export function startAuthHousekeeping(): void {
	if (timer) return;
	const run = () =>
		Promise.all([deleteExpiredSessions(), deleteStaleLimits(), deleteExpiredDevices()]).catch((error) => log.warn({ err: error }, 'auth housekeeping failed'));
	void run();
	timer = setInterval(run, HOUR);
	timer.unref?.();
}
