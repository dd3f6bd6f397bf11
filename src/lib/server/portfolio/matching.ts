/**
 * Matching a free-text name from a survey answer or an import ("läkemedelsautomater", "GPS larm",
 * "Digitala GPS-larm", "gps") to a technology of the catalogue by its name or an alias. Pure.
 *
 * A name becomes a key: lower case; å, ä, ö and other accents folded to their base letter (people
 * type "lakemedelsautomat" as often as not; no two welfare technologies differ only there);
 * hyphens, punctuation and spaces dropped, so "GPS larm", "GPS-larm" and "gpslarm" are one key.
 * The last word may also stand without a plural or definite ending (-er, -erna, -en, -et, …), and
 * two names match when any of their forms agree. Last, and only when nothing matched so far, a
 * leading "digital(a)" or "ny(a)" is ignored on both sides.
 */

export interface Matchable {
	id: string;
	name: string;
	aliases: readonly string[];
}

/** How a name matched: exactly (after folding), through an inflected form, or only once "digital(a)" was ignored. */
export type MatchLevel = 'exact' | 'inflected' | 'loose';

export type MatchResult<T extends Matchable> =
	| { kind: 'match'; technology: T; level: MatchLevel; /** The name or alias it matched. */ term: string }
	| { kind: 'ambiguous'; candidates: T[] }
	| { kind: 'none' };

const ENDINGS = ['erna', 'arna', 'orna', 'ena', 'en', 'et', 'er', 'ar', 'or', 'na', 'n', 'a'] as const;
const MIN_STEM = 3;
const FILLERS = new Set(['digital', 'digitala', 'digitalt', 'ny', 'nya', 'nytt']);

/** The words of a name: lower case, accents folded, split on anything but letters and digits. */
export function words(name: string): string[] {
	return name
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/** The exact key of a name: its folded words run together. */
export function nameKey(name: string): string {
	return words(name).join('');
}

function stems(word: string): string[] {
	const forms = new Set([word]);
	for (const ending of ENDINGS) if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) forms.add(word.slice(0, -ending.length));
	return [...forms];
}

function forms(ws: string[]): Set<string> {
	if (ws.length === 0) return new Set();
	const head = ws.slice(0, -1).join('');
	return new Set(stems(ws[ws.length - 1]!).map((s) => head + s));
}

const withoutFillers = (ws: string[]) => {
	let i = 0;
	while (i < ws.length - 1 && FILLERS.has(ws[i]!)) i++;
	return ws.slice(i);
};

const meets = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

/** The technology a free-text name means, at the strictest level any technology matches; ambiguous when two do there. */
export function matchTechnology<T extends Matchable>(input: string, catalogue: readonly T[]): MatchResult<T> {
	const given = words(input);
	if (given.length === 0) return { kind: 'none' };
	const levels: [MatchLevel, (term: string) => boolean][] = [
		['exact', (term) => nameKey(term) === given.join('')],
		['inflected', (term) => meets(forms(words(term)), forms(given))],
		['loose', (term) => meets(forms(withoutFillers(words(term))), forms(withoutFillers(given)))]
	];
	for (const [level, test] of levels) {
		const hits = new Map<string, { technology: T; term: string }>();
		for (const technology of catalogue)
			for (const term of [technology.name, ...technology.aliases]) if (!hits.has(technology.id) && test(term)) hits.set(technology.id, { technology, term });
		if (hits.size === 1) {
			const [hit] = hits.values();
			return { kind: 'match', technology: hit!.technology, level, term: hit!.term };
		}
		if (hits.size > 1) return { kind: 'ambiguous', candidates: [...hits.values()].map((h) => h.technology) };
	}
	return { kind: 'none' };
}

/** The names among `terms` that would collide with another technology's name or alias (same key), for keeping the catalogue unambiguous. */
export function collisions<T extends Matchable>(terms: readonly string[], catalogue: readonly T[], except?: string): { term: string; technology: T }[] {
	const found: { term: string; technology: T }[] = [];
	for (const term of terms) {
		const key = nameKey(term);
		const other = catalogue.find((t) => t.id !== except && [t.name, ...t.aliases].some((n) => nameKey(n) === key));
		if (other) found.push({ term, technology: other });
	}
	return found;
}

/** Aliases cleaned: trimmed, blank ones and those with the same key as the name or an earlier alias left out. */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
	const seen = new Set([nameKey(name)]);
	const kept: string[] = [];
	for (const raw of aliases) {
		const alias = raw.trim().replace(/\s+/g, ' ');
		const key = nameKey(alias);
		if (!key || seen.has(key)) continue;
		seen.add(key);
		kept.push(alias);
	}
	return kept;
}
