import { actorsByConsortium } from '../consortia/actor';
import type { SessionUser } from '../auth/session';
import { subscribe, type Subscriber } from './hub';
import type { LiveEvent } from './event';

const HEARTBEAT_MS = 25_000;
const encoder = new TextEncoder();

/**
 * A Server-Sent Events stream of the live events this user may see. A comment line every 25 s
 * keeps proxies from closing it; the browser's EventSource reconnects by itself when it drops.
 */
export async function openEventStream(user: SessionUser, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
	let unsubscribe: (() => void) | undefined;
	let heartbeat: ReturnType<typeof setInterval> | undefined;
	const actors = await actorsByConsortium(user);

	const close = () => {
		unsubscribe?.();
		if (heartbeat) clearInterval(heartbeat);
	};

	return new ReadableStream<Uint8Array>({
		async start(controller) {
			const write = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					close(); // the client went away between two events
				}
			};
			const subscriber: Subscriber = {
				userId: user.id,
				actors,
				send: (event: LiveEvent) => write(`event: change\ndata: ${JSON.stringify(event)}\n\n`),
				refresh: async () => {
					subscriber.actors = await actorsByConsortium(user);
				}
			};
			unsubscribe = await subscribe(subscriber);
			heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS);
			write('retry: 3000\n: connected\n\n');
			signal.addEventListener('abort', () => {
				close();
				try {
					controller.close();
				} catch {
					// already closed
				}
			});
		},
		cancel: close
	});
}
