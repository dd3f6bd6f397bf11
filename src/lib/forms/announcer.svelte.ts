import { tick } from 'svelte';

/**
 * The app's one polite live region: what changed, said once. Forms say what they did; live
 * updates say what someone else did. A message for after a redirect waits for the new page.
 */
class Announcer {
	/** The text in the live region; emptied first so the same sentence twice is said twice. */
	text = $state('');
	#afterNavigation: string | null = null;

	/** Says `message` politely (screen readers finish what they are reading first). */
	async say(message: string): Promise<void> {
		this.text = '';
		await tick();
		// A frame's pause lets assistive technology notice the region emptied before it fills again.
		await new Promise((resolve) => setTimeout(resolve, 50));
		this.text = message;
	}

	/** Keeps a message for the page a redirect leads to (a form that saved and moved on). */
	sayAfterNavigation(message: string): void {
		this.#afterNavigation = message;
	}

	/** The message kept for this navigation, once. */
	takeAfterNavigation(): string | null {
		const message = this.#afterNavigation;
		this.#afterNavigation = null;
		return message;
	}
}

export const announcer = new Announcer();
