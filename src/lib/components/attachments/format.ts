import { getLocale } from '$lib/paraglide/runtime';

const names: Record<string, string> = {
	'application/pdf': 'PDF',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
	'image/png': 'PNG',
	'image/jpeg': 'JPEG',
	'image/gif': 'GIF',
	'image/webp': 'WebP'
};

/** The short name of an attachment's type ("PDF", "Word"). */
export function typeName(contentType: string): string {
	return names[contentType] ?? contentType;
}

/** A file's size as people read it: "840 kB", "1,2 MB" (decimal units, in the page's language). */
export function fileSize(bytes: number): string {
	const locale = getLocale() === 'en' ? 'en-GB' : 'sv-SE';
	const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'MB'] : bytes >= 1000 ? [bytes / 1000, 'kB'] : [bytes, 'B'];
	return `${new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 && unit !== 'B' ? 1 : 0 }).format(value)} ${unit}`;
}
