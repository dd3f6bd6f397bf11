const TABBABLE = [
	'a[href]',
	'area[href]',
	'button:not([disabled])',
	'input:not([disabled]):not([type="hidden"])',
	'select:not([disabled])',
	'textarea:not([disabled])',
	'summary',
	'iframe',
	'[contenteditable]:not([contenteditable="false"])',
	'[tabindex]'
].join(', ');

/**
 * The first element after `container` (outside it) that Tab would reach: in the tab order, shown,
 * and not inert. Positive tabindex values are not used in this app, so document order is tab order.
 */
export function nextFocusable(container: Element): HTMLElement | null {
	for (const candidate of document.querySelectorAll<HTMLElement>(TABBABLE)) {
		if (container.contains(candidate)) continue;
		if (!(container.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
		if (candidate.tabIndex < 0 || candidate.closest('[inert]')) continue;
		if (!candidate.checkVisibility({ visibilityProperty: true })) continue;
		return candidate;
	}
	return null;
}
