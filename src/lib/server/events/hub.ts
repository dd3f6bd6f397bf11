import { database } from '../db/client';
import { log } from '../log';
import { canReceiveEvent, type Actor } from '../policy';
import { EVENTS_CHANNEL, LiveEvent } from './event';

/** One browser's stream: who it belongs to and how to reach it. */
export interface Subscriber {
	userId: string;
	/** The person's actor per consortium, refreshed when their memberships change. */
	actors: Map<string, Actor>;
	send(event: LiveEvent): void;
	/** Reloads `actors` after a membership change concerning this user. */
	refresh(): Promise<void>;
}

const subscribers = new Set<Subscriber>();
let listening: Promise<void> | undefined;

/** Starts this process's single LISTEN on the events channel. */
function ensureListening(): Promise<void> {
	listening ??= database()
		.then((handle) => handle.listen(EVENTS_CHANNEL, dispatch))
		.then(() => undefined)
		.catch((error) => {
			listening = undefined;
			throw error;
		});
	return listening;
}

function dispatch(payload: string): void {
	let parsed: LiveEvent;
	try {
		parsed = LiveEvent.parse(JSON.parse(payload));
	} catch (error) {
		log.warn({ err: error }, 'ignored malformed live event');
		return;
	}
	for (const subscriber of subscribers) {
		void deliver(subscriber, parsed);
	}
}

async function deliver(subscriber: Subscriber, event: LiveEvent): Promise<void> {
	try {
		if (event.topic === 'membership' && event.userId === subscriber.userId) await subscriber.refresh();
		if (canReceiveEvent(subscriber.userId, subscriber.actors, event)) subscriber.send(event);
	} catch (error) {
		log.warn({ err: error }, 'live event delivery failed');
	}
}

/** Registers a stream; returns the function that removes it. */
export async function subscribe(subscriber: Subscriber): Promise<() => void> {
	await ensureListening();
	subscribers.add(subscriber);
	return () => subscribers.delete(subscriber);
}
