import { invalidate } from '$app/navigation';
import { navigating } from '$app/state';
import { changeKeys, type LiveChange } from './live-keys';

export type { LiveChange };

type LiveStatus = 'connecting' | 'live' | 'offline';

/**
 * The browser's one Server-Sent Events stream. Each change reloads only the page data that depends
 * on what it concerns (debounced, so a burst of writes causes one reload); listeners can react to
 * particular topics.
 */
class LiveUpdates {
	status = $state<LiveStatus>('connecting');
	#source: EventSource | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#listeners = new Set<(change: LiveChange) => void>();
	#stale = false;
	#stopListening: (() => void) | undefined;
	/** What changed since the last reload. */
	#keys = new Set<string>();

	connect(): () => void {
		if (this.#source) return () => this.disconnect();
		const source = new EventSource('/events');
		this.#source = source;
		source.onopen = () => (this.status = 'live');
		source.onerror = () => (this.status = source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
		source.addEventListener('change', (message) => {
			const change = JSON.parse((message as MessageEvent<string>).data) as LiveChange;
			for (const listener of this.#listeners) listener(change);
			for (const key of changeKeys(change)) this.#keys.add(key);
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => this.#refresh(), 150);
		});
		// A refresh without network would replace the page with an error page (and lose what is on it).
		const online = () => this.#stale && this.#refresh();
		window.addEventListener('online', online);
		this.#stopListening = () => window.removeEventListener('online', online);
		return () => this.disconnect();
	}

	#refresh(): void {
		// A navigation under way loads fresh data anyway. Invalidating during it races it, and the
		// invalidation can win and put the page being left back on screen (seen after a form action
		// that both announces a change and redirects).
		if (navigating.to) return;
		this.#stale = navigator.onLine === false;
		if (this.#stale) return;
		const keys = new Set(this.#keys);
		this.#keys.clear();
		void invalidate((url) => keys.has(url.href));
	}

	disconnect(): void {
		this.#stopListening?.();
		this.#stopListening = undefined;
		this.#source?.close();
		this.#source = undefined;
		this.status = 'offline';
	}

	/** Calls `listener` for every change; returns the function that stops it. */
	onChange(listener: (change: LiveChange) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
}

export const live = new LiveUpdates();
