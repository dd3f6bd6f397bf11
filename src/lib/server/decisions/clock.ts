import { asSystem } from '../db/request';
import { log } from '../log';
import { closeDueItemsIn } from './commands';

const EVERY = 30_000;
let timer: ReturnType<typeof setInterval> | undefined;

/** Closes the items whose deadline has passed: now, then every 30 seconds. The database holds the due times, not this timer. */
export function startDecisionClock(): void {
	if (timer) return;
	const run = () =>
		closeDueItems().catch((error) => {
			log.warn({ err: error }, 'closing decision items at their deadline failed');
		});
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
