const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * HTML for plain text typed in a form (paragraphs on blank lines, line breaks kept), escaped.
 * Co-edited fields get their HTML from the collaboration server instead.
 */
export function plainTextToHtml(text: string): string {
	const paragraphs = text
		.replace(/\r\n?/g, '\n')
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter(Boolean);
	return paragraphs.map((p) => `<p>${p.replace(/[&<>"']/g, (c) => escapes[c]!).replace(/\n/g, '<br>')}</p>`).join('');
}
