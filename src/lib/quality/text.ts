/*
 * Words and sentences of Swedish requirement text, with offsets into the original string. Everything
 * here is a single left-to-right pass (no pattern can backtrack over more than one word), so a body of
 * 20,000 characters costs about as much as 50 bodies of 400.
 */

/** Letters, combining marks and digits: "å" written as a + ring is still one word, unlike with `\b`. */
export const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
export const WORD_START = `(?<!${WORD_CHAR})`;
export const WORD_END = `(?!${WORD_CHAR})`;
/** White space inside one line: a phrase never runs from one paragraph (line) into the next. */
export const LINE_SPACE = '[^\\S\\r\\n\\u2028\\u2029]+';

export interface Token {
	from: number;
	to: number;
	/** Lower case and NFC, to compare with the word lists (`from`/`to` are offsets into the text as given). */
	lower: string;
	sentence: number;
}

export interface Sentence {
	from: number;
	to: number;
	words: number;
}

export interface Analysis {
	text: string;
	tokens: Token[];
	sentences: Sentence[];
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;
const HAS_WORD = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const SPACE = /\s/u;
/** The end of a sentence: final punctuation followed by white space or the end, or a line break (a block). */
const BOUNDARY = /[.!?…]+["”’»)\]]*(?=\s|$)|[\r\n\u2028\u2029]+/gu;
const LINE_BREAK = /^[\r\n\u2028\u2029]/u;

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
	't.ex.',
	'bl.a.',
	'a.',
	'ca.',
	'dvs.',
	'd.v.s.',
	'resp.',
	'inkl.',
	'exkl.',
	'enl.',
	'jfr.',
	'kap.',
	'nr.',
	'kl.',
	's.k.',
	'p.g.a.',
	'pga.',
	'f.d.',
	'fr.o.m.',
	't.o.m.',
	'o.d.',
	'e.d.',
	'obs.',
	'tel.',
	'avd.',
	'st.',
	'osv.',
	'o.s.v.',
	'etc.',
	'm.m.',
	'm.fl.'
]);
/** These end a list and often the sentence: they end it when the next word starts with a capital. */
const LIST_ENDINGS = new Set(['osv.', 'o.s.v.', 'etc.', 'm.m.', 'm.fl.']);
const UPPER = /\p{Lu}/u;

function isAbbreviation(text: string, dot: number): boolean {
	let start = dot;
	while (start > 0 && dot - start < 12 && !SPACE.test(text.charAt(start - 1))) start--;
	const word = text.slice(start, dot + 1).toLowerCase();
	// "1. Lösningen ska …" at the start of a line is a list number, not a sentence of its own.
	if (/^\d{1,3}\.$/.test(word) && (start === 0 || LINE_BREAK.test(text.charAt(start - 1)))) return true;
	if (!ABBREVIATIONS.has(word)) return false;
	if (!LIST_ENDINGS.has(word)) return true;
	let next = dot + 1;
	while (next < text.length && SPACE.test(text.charAt(next))) next++;
	return !UPPER.test(text.charAt(next));
}

function pushSentence(sentences: Sentence[], text: string, from: number, to: number) {
	while (from < to && SPACE.test(text.charAt(from))) from++;
	while (to > from && SPACE.test(text.charAt(to - 1))) to--;
	if (from < to && HAS_WORD.test(text.slice(from, to))) sentences.push({ from, to, words: 0 });
}

/** The sentences of a text: trimmed, each with at least one word, in order and not overlapping. */
export function splitSentences(text: string): Sentence[] {
	const sentences: Sentence[] = [];
	let start = 0;
	BOUNDARY.lastIndex = 0;
	for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
		const lineBreak = LINE_BREAK.test(m[0]);
		if (!lineBreak && m[0].startsWith('.') && !m[0].startsWith('..') && isAbbreviation(text, m.index)) continue;
		const end = m.index + m[0].length;
		pushSentence(sentences, text, start, lineBreak ? m.index : end);
		start = end;
	}
	pushSentence(sentences, text, start, text.length);
	return sentences;
}

/** Splits a text into words and sentences once; every rule reads the same analysis. */
export function analyse(text: string): Analysis {
	const sentences = splitSentences(text);
	const tokens: Token[] = [];
	let s = 0;
	WORD.lastIndex = 0;
	for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
		const from = m.index;
		while (s < sentences.length - 1 && from >= sentences[s]!.to) s++;
		const word = MARK.test(m[0]) ? m[0].normalize('NFC') : m[0];
		tokens.push({ from, to: from + m[0].length, lower: word.toLowerCase(), sentence: s });
		const sentence = sentences[s];
		if (sentence) sentence.words++;
	}
	return { text, tokens, sentences };
}

function letterCount(word: string): number {
	let n = 0;
	for (const ch of word) if (LETTER.test(ch)) n++;
	return n;
}

/** LIX from an analysis: words per sentence + 100 × words of more than six letters per word. */
export function lixOf({ tokens, sentences }: Analysis): number {
	if (tokens.length === 0) return 0;
	const withWords = Math.max(1, sentences.filter((s) => s.words > 0).length);
	let long = 0;
	for (const t of tokens) if (t.to - t.from > 6 && letterCount(t.lower) > 6) long++;
	return tokens.length / withWords + (100 * long) / tokens.length;
}

/** The key part of a match: NFC, lower case, runs of white space as one space. */
export function normaliseMatch(match: string): string {
	return match.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ');
}

const SYNTAX = /[\\^$.*+?()[\]{}|/]/u;

/**
 * A regular-expression source matching a word or phrase literally (case is left to the `i` flag):
 * metacharacters escaped, spaces as white space within a line, and each precomposed letter also in its
 * decomposed form (ä or a + U+0308), so text pasted from a Mac matches without moving any offset.
 */
export function literal(phrase: string): string {
	const words = phrase.normalize('NFC').trim().split(/\s+/u);
	return words.map(literalWord).join(LINE_SPACE);
}

function literalWord(word: string): string {
	let out = '';
	for (const ch of word) {
		const decomposed = ch.normalize('NFD');
		out += decomposed === ch ? escapeChar(ch) : `(?:${escapeChar(ch)}|${[...decomposed].map(escapeChar).join('')})`;
	}
	return out;
}

function escapeChar(ch: string): string {
	const code = ch.codePointAt(0) ?? 0;
	if (SYNTAX.test(ch)) return `\\${ch}`;
	// Control characters and lone surrogates are written as escapes, never raw, in a pattern.
	if (code < 0x20 || (code >= 0xd800 && code <= 0xdfff) || code === 0x7f) return `\\u{${code.toString(16)}}`;
	return ch;
}
