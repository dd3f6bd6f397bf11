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
const observers = new Set<(event: LiveEvent) => void>();
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
	for (const observer of observers) {
		try {
			observer(parsed);
		} catch (error) {
			log.warn({ err: error }, 'live event observer failed');
		}
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

/**
 * Lets server code see every live event this process hears, unfiltered (the co-editing server
 * re-decides its sockets' access on them); never for a browser. Resolves once listening; returns
 * the function that stops it.
 */
export async function observe(observer: (event: LiveEvent) => void): Promise<() => void> {
	await ensureListening();
	observers.add(observer);
	return () => observers.delete(observer);
}
