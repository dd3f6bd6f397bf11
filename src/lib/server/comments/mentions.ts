export interface Mentionable {
	id: string;
	name: string;
	email: string;
}

/**
 * The people a comment mentions: `@` followed by someone's full name or email address
 * (case-insensitive, not inside a longer word). Longer names win, so "@Anna Berg" is not also "@Anna".
 */
export function findMentions(body: string, people: readonly Mentionable[]): Mentionable[] {
	const text = body.toLocaleLowerCase('sv');
	const found = new Map<string, Mentionable>();
	const candidates = people
		.flatMap((p) => [
			{ p, key: p.name.toLocaleLowerCase('sv') },
			{ p, key: p.email.toLocaleLowerCase('sv') }
		])
		.filter((c) => c.key.length > 0)
		.sort((a, b) => b.key.length - a.key.length);
	const taken: [number, number][] = [];
	for (const { p, key } of candidates) {
		let from = 0;
		for (;;) {
			const at = text.indexOf(`@${key}`, from);
			if (at < 0) break;
			const end = at + key.length + 1;
			const before = at === 0 ? ' ' : text[at - 1]!;
			const after = end >= text.length ? ' ' : text[end]!;
			const overlaps = taken.some(([s, e]) => at < e && end > s);
			if (!/[\p{L}\p{N}_]/u.test(before) && !/[\p{L}\p{N}_@-]/u.test(after) && !overlaps) {
				taken.push([at, end]);
				found.set(p.id, p);
			}
			from = at + 1;
		}
	}
	return [...found.values()];
}
