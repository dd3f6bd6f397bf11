import { asSystem } from '../db/request';
import { log } from '../log';
import { closeDueRoundsIn, remindDueRoundsIn } from './commands';

const EVERY = 30_000;
let timer: ReturnType<typeof setInterval> | undefined;

/** Reminds before a round's deadline and closes it at the deadline: now, then every 30 seconds. The database holds the due times. */
export function startPriorityClock(): void {
	if (timer) return;
	const run = () =>
		Promise.all([
			remindDueRounds().catch((error) => log.warn({ err: error }, 'reminding of priority round deadlines failed')),
			closeDueRounds().catch((error) => log.warn({ err: error }, 'closing priority rounds at their deadline failed'))
		]);
	void run();
	timer = setInterval(run, EVERY);
	timer.unref?.();
}

/** One sweep: every open round past its deadline is closed once, whichever process gets there first. Returns the rounds this run closed. */
export function closeDueRounds(now = new Date()): Promise<string[]> {
	return asSystem((tx) => closeDueRoundsIn(tx, now));
}

/** One sweep of reminders: each due round once, whichever process gets there first. */
export function remindDueRounds(now = new Date()): Promise<string[]> {
	return asSystem((tx) => remindDueRoundsIn(tx, now));
}
