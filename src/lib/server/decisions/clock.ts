import { asSystem } from '../db/request';
import { log } from '../log';
import { closeDueItemsIn, remindDueItemsIn } from './commands';

const EVERY = 30_000;
let timer: ReturnType<typeof setInterval> | undefined;

/** Reminds before the deadline and closes at it: now, then every 30 seconds. The database holds the due times, not this timer. */
export function startDecisionClock(): void {
	if (timer) return;
	const run = () =>
		Promise.all([
			remindDueItems().catch((error) => log.warn({ err: error }, 'reminding of decision deadlines failed')),
			closeDueItems().catch((error) => log.warn({ err: error }, 'closing decision items at their deadline failed'))
		]);
	void run();
	timer = setInterval(run, EVERY);
	timer.unref?.();
}

/**
 * One sweep: every open item past its deadline is closed once, whichever process gets there first
 * (the others skip the rows it holds and then find them closed). Returns the items this run closed.
 */
export function closeDueItems(now = new Date()): Promise<string[]> {
	return asSystem((tx) => closeDueItemsIn(tx, now));
}

/** One sweep of reminders: each due item once, whichever process gets there first. */
export function remindDueItems(now = new Date()): Promise<string[]> {
	return asSystem((tx) => remindDueItemsIn(tx, now));
}
