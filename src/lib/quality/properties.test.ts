import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRequirement, checkText, lix, qualityScore, ruleIds, type Finding, type QualityField, type QualitySettings, type RuleId } from './index';

const vocabulary = [
	// modals, actors and ordinary words
	'ska',
	'skall',
	'bör',
	'kan',
	'måste',
	'kunna',
	'inte',
	'endast',
	'av',
	'och',
	'samt',
	'som',
	'att',
	'om',
	'när',
	'Systemet',
	'Lösningen',
	'Leverantören',
	'brukaren',
	'personal',
	'tillsyn',
	'larm',
	'automaten',
	'läkemedelsautomaten',
	'visa',
	'logga',
	'loggas',
	'sparas',
	'visas',
	'finnas',
	'synas',
	'godkännas',
	'blir',
	'informerade',
	'inom',
	'2',
	'sekunder',
	'99,5',
	'%',
	'WCAG',
	'timme',
	'med',
	'i',
	'form',
	'en',
	'app',
	'via',
	'knapp',
	'byggas',
	'Java',
	'använda',
	'Oracle-databas',
	'Excel-fil',
	// vague words and their neighbours
	'användarvänligt',
	'Användarvänlig',
	'snabbt',
	'snabbare',
	'enkla',
	'flexibelt',
	'modern',
	'smidig',
	'intuitiv',
	'effektiv',
	'lätt',
	'etc.',
	'osv',
	'och/eller',
	'bl.a.',
	'vid',
	'behov',
	'möjligt',
	'tillräcklig',
	'lämplig',
	'normalt',
	'tydlig',
	'snabbkommando',
	'enkelrum',
	't.ex.',
	'anva\u0308ndarva\u0308nligt'
];
const separators = [' ', ' ', ' ', ' ', ', ', '. ', '.\n', '\n', '; ', '/', '-', '', '  ', '\t', ' (', ') ', '? '];

const swedish = fc
	.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)), { maxLength: 60 })
	.map((parts) => parts.map(([w, s]) => w + s).join(''));
const anyText = fc.oneof(swedish, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string({ maxLength: 50 }));
const settings: fc.Arbitrary<QualitySettings> = fc.record({
	disabledRules: fc.subarray([...ruleIds]),
	extraVagueWords: fc.array(
		fc.oneof(fc.constantFrom('smart', 'stabil', 'säker', 'c++', '(a|b)*', '[', '\\', '.*', 'på ett bra sätt'), fc.string({ unit: 'binary', maxLength: 12 })),
		{
			maxLength: 4
		}
	)
});
const obligation = fc.constantFrom('mandatory' as const, 'criterion' as const);
const field = fc.constantFrom<QualityField>('title', 'body', 'acceptanceCriteria');

const normalised = (match: string) => match.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ');

function expectWellFormed(findings: Finding[], texts: Record<QualityField, string>, disabled: readonly RuleId[] = []) {
	let previous: Finding | undefined;
	for (const f of findings) {
		const text = texts[f.field];
		expect(ruleIds).toContain(f.rule);
		expect(disabled).not.toContain(f.rule);
		expect(Number.isInteger(f.from) && Number.isInteger(f.to)).toBe(true);
		expect(0 <= f.from && f.from <= f.to && f.to <= text.length).toBe(true);
		if (f.match === '') {
			expect([f.from, f.to]).toEqual([0, text.length]);
		} else {
			expect(text.slice(f.from, f.to)).toBe(f.match);
		}
		expect(f.key).toBe(`${f.rule}:${f.field}:${normalised(f.match)}`);
		if (previous?.field === f.field) expect(previous.from).toBeLessThanOrEqual(f.from);
		previous = f;
	}
	const score = qualityScore(findings);
	expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
	expect(score === 100).toBe(findings.length === 0);
}

describe('the rules on any text', () => {
	it('never throw, keep offsets in bounds, match what they point at and score 0–100', () => {
		fc.assert(
			fc.property(anyText, anyText, anyText, obligation, settings, (title, body, acceptanceCriteria, ob, s) => {
				const findings = checkRequirement({ title, body, acceptanceCriteria, obligation: ob }, s);
				expectWellFormed(findings, { title, body, acceptanceCriteria }, s.disabledRules);
			}),
			{ numRuns: 400 }
		);
	});

	it('do the same for one field, and agree with the whole requirement on the rules that read one field', () => {
		const oneField: RuleId[] = ['vague_word', 'compound', 'solution', 'long_sentence', 'readability', 'passive'];
		fc.assert(
			fc.property(anyText, field, obligation, (text, f, ob) => {
				const alone = checkText(text, f, ob);
				expectWellFormed(alone, { title: '', body: '', acceptanceCriteria: '', [f]: text });
				const whole = checkRequirement({ title: '', body: '', acceptanceCriteria: '', [f]: text, obligation: ob }).filter(
					(x) => x.field === f && oneField.includes(x.rule)
				);
				expect(alone.filter((x) => oneField.includes(x.rule))).toEqual(whole);
			}),
			{ numRuns: 300 }
		);
	});

	it('find the same things, with the same keys, when other lines come before', () => {
		// Everything but the rules that judge the text as a whole works line by line.
		const lineLocal: RuleId[] = ['vague_word', 'solution', 'passive', 'long_sentence'];
		// Lines that end with the start of a phrase, and text that starts with its end.
		const before = fc.tuple(swedish, fc.constantFrom('', ' vid', ' om', ' i', ' lätt', ' bland', ' ska', ' ska byggas i', ' bl.')).map(([a, b]) => a + b);
		const text = fc.tuple(fc.constantFrom('', 'behov ', 'möjligt ', 'att ', 'annat ', 'Java ', 'möjligaste mån ', 'a. '), anyText).map(([a, b]) => a + b);
		fc.assert(
			fc.property(text, before, (text, before) => {
				const prefix = `${before}\n`;
				const plain = checkText(text, 'body', 'mandatory').filter((f) => lineLocal.includes(f.rule));
				const joined = checkText(prefix + text, 'body', 'mandatory').filter((f) => lineLocal.includes(f.rule));
				// nothing runs across the line break
				expect(joined.filter((f) => f.from < prefix.length && f.to > prefix.length - 1)).toEqual([]);
				const shifted = joined.filter((f) => f.from >= prefix.length).map((f) => ({ ...f, from: f.from - prefix.length, to: f.to - prefix.length }));
				expect(shifted).toEqual(plain);
			}),
			{ numRuns: 300 }
		);
	});

	it('find a vague word wherever it stands, at its offsets', () => {
		const words = fc.constantFrom('snabbt', 'Användarvänligt', 'enkla', 'FLEXIBELT', 'tydlig', 'tillräcklig', 'normalt', 'smidig', 'och/eller', 'etc.');
		fc.assert(
			fc.property(anyText, words, anyText, (before, word, after) => {
				const text = `${before} ${word} ${after}`;
				const found = checkText(text, 'body', 'mandatory').filter((f) => f.rule === 'vague_word');
				expect(found).toContainEqual(
					expect.objectContaining({ from: before.length + 1, to: before.length + 1 + word.length, match: word, key: `vague_word:body:${word.toLowerCase()}` })
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('compute a finite, non-negative LIX', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const value = lix(text);
				expect(Number.isFinite(value) && value >= 0).toBe(true);
			})
		);
	});
});
