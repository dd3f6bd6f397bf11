/**
 * The element `find` names, as soon as it is in the page: at once if it is there, else when the page
 * next changes so that it is, giving up after `ms`. A form's answer may land while a live update's
 * reload of the same page is still on its way (SvelteKit keeps the newer of two loads), so the thing
 * the answer made (a new comment, the status line) can appear a moment after the form's own update.
 */
export function appearing(find: () => HTMLElement | null | undefined, ms = 3000): Promise<HTMLElement | null> {
	const now = find();
	if (now?.isConnected) return Promise.resolve(now);
	return new Promise((resolve) => {
		const observer = new MutationObserver(() => {
			const found = find();
			if (found?.isConnected) done(found);
		});
		const timer = setTimeout(() => done(null), ms);
		function done(element: HTMLElement | null) {
			observer.disconnect();
			clearTimeout(timer);
			resolve(element);
		}
		observer.observe(document.body, { childList: true, subtree: true });
	});
}
