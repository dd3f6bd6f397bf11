import { describe, expect, it } from 'vitest';
import {
	checkRequirement,
	checkText,
	defaultQualitySettings,
	lix,
	qualityScore,
	ruleIds,
	ruleText,
	type Finding,
	type QualityInput,
	type RuleId
} from './index';
import { rules, type RuleExample } from './rules';

const asInput = (example: RuleExample): QualityInput =>
	typeof example === 'string'
		? { title: '', body: example, acceptanceCriteria: '', obligation: 'mandatory' }
		: {
				title: example.title ?? '',
				body: example.body ?? '',
				acceptanceCriteria: example.acceptanceCriteria ?? '',
				obligation: example.obligation ?? 'mandatory'
			};
const describeExample = (example: RuleExample) => (typeof example === 'string' ? example : JSON.stringify(example));
const of = (findings: Finding[], rule: RuleId) => findings.filter((f) => f.rule === rule);

describe('every rule is defined with examples', () => {
	it.each(ruleIds)('%s has a definition, a weight and at least two examples each way', (id) => {
		const rule = rules[id];
		expect(rule?.id).toBe(id);
		expect(rule.weight).toBeGreaterThan(0);
		expect(rule.examples.trigger.length).toBeGreaterThanOrEqual(2);
		expect(rule.examples.pass.length).toBeGreaterThanOrEqual(2);
	});

	it('defines no rule that is not in ruleIds', () => {
		expect(Object.keys(rules).sort()).toEqual([...ruleIds].sort());
	});

	it.each(ruleIds)('%s has a name, an explanation and a suggestion in Swedish and English', (id) => {
		const sv = ruleText(id, { word: 'snabbt', words: '41', max: '30', lix: '62' }, 'sv');
		const en = ruleText(id, { word: 'snabbt', words: '41', max: '30', lix: '62' }, 'en');
		for (const text of [sv, en]) {
			expect(text.name).not.toBe('');
			expect(text.explanation).not.toBe('');
			expect(text.suggestion).not.toBe('');
			expect(`${text.explanation} ${text.suggestion}`).not.toMatch(/[{}]|undefined/);
		}
		expect(sv.name).not.toBe(en.name);
	});
});

for (const id of ruleIds) {
	const rule = rules[id];
	describe(`${id}: examples`, () => {
		it.each(rule.examples.trigger.map((e) => [describeExample(e), e] as const))('flags %s', (_, example) => {
			const found = of(checkRequirement(asInput(example)), id);
			expect(found.length).toBeGreaterThan(0);
			if (typeof example !== 'string' && example.match) expect(found.map((f) => f.match)).toContain(example.match);
			// …and not when the rule is switched off
			expect(of(checkRequirement(asInput(example), { ...defaultQualitySettings, disabledRules: [id] }), id)).toEqual([]);
		});
		it.each(rule.examples.pass.map((e) => [describeExample(e), e] as const))('leaves alone %s', (_, example) => {
			expect(of(checkRequirement(asInput(example)), id)).toEqual([]);
		});
	});
}

describe('the issue: "Systemet ska vara användarvänligt och snabbt"', () => {
	const body = 'Systemet ska vara användarvänligt och snabbt';

	it('finds two vague words, with their offsets, keys and word-specific suggestions', () => {
		const found = of(checkText(body, 'body', 'mandatory'), 'vague_word');
		expect(found).toEqual([
			{
				rule: 'vague_word',
				field: 'body',
				from: 18,
				to: 33,
				match: 'användarvänligt',
				key: 'vague_word:body:användarvänligt',
				params: { word: 'användarvänligt', hint: 'usability' }
			},
			{ rule: 'vague_word', field: 'body', from: 38, to: 44, match: 'snabbt', key: 'vague_word:body:snabbt', params: { word: 'snabbt', hint: 'speed' } }
		]);
		expect(body.slice(18, 33)).toBe('användarvänligt');
		expect(ruleText('vague_word', found[1]!.params, 'sv').suggestion).toContain('inom 2 sekunder');
		expect(ruleText('vague_word', found[1]!.params, 'en').suggestion).toContain('within 2 seconds');
	});

	it('finds no vague word once the requirement states a response time, and the score goes up', () => {
		const before = checkRequirement({ title: '', body, acceptanceCriteria: '', obligation: 'mandatory' });
		const after = checkRequirement({ title: '', body: 'Systemet ska visa sökresultat inom 2 sekunder', acceptanceCriteria: '', obligation: 'mandatory' });
		expect(of(after, 'vague_word')).toEqual([]);
		expect(after).toEqual([]);
		expect(qualityScore(after)).toBe(100);
		expect(qualityScore(before)).toBeLessThan(100);
	});
});

describe('findings', () => {
	it('are sorted by field, then offset', () => {
		const found = checkRequirement({
			title: 'Snabb och enkel tillsyn',
			body: 'Lösningen ska vara smidig. Loggar ska sparas vid behov.',
			acceptanceCriteria: 'Testet visar att det går snabbt.',
			obligation: 'mandatory'
		});
		expect(found.map((f) => `${f.field}:${f.match}`)).toEqual([
			'title:Snabb',
			'title:enkel',
			'body:smidig',
			'body:ska',
			'body:ska sparas',
			'body:vid behov',
			'acceptanceCriteria:snabbt'
		]);
	});

	it('have keys that do not depend on where the word is or how it is written', () => {
		const a = checkText('Det ska gå snabbt.', 'body', 'mandatory');
		const b = checkText('Tillsynen ska starta SNABBT, även nattetid.', 'body', 'mandatory');
		const c = checkText('Tillsynen ska starta snabbt,\u00a0även nattetid.', 'body', 'mandatory');
		expect(a.map((f) => f.key)).toEqual(['vague_word:body:snabbt']);
		expect(b.map((f) => f.key)).toEqual(['vague_word:body:snabbt']);
		expect(c.map((f) => f.key)).toEqual(['vague_word:body:snabbt']);
		expect(checkText('Loggar ska  sparas vid\tbehov.', 'body', 'mandatory').map((f) => f.key)).toContain('vague_word:body:vid behov');
		expect(checkText('Det ska vara anva\u0308ndarva\u0308nligt.', 'body', 'mandatory').map((f) => f.key)).toEqual(['vague_word:body:användarvänligt']);
	});

	it('are one per occurrence', () => {
		expect(of(checkText('Snabbt, snabbt och snabbare.', 'body', 'mandatory'), 'vague_word').map((f) => [f.from, f.match])).toEqual([
			[0, 'Snabbt'],
			[8, 'snabbt'],
			[19, 'snabbare']
		]);
	});

	it('of whole fields span the field and match nothing', () => {
		const body = 'Leverantören ska erbjuda en bra utbildning.';
		const [finding] = of(checkRequirement({ title: '', body, acceptanceCriteria: '', obligation: 'mandatory' }), 'unverifiable');
		expect(finding).toEqual({ rule: 'unverifiable', field: 'body', from: 0, to: body.length, match: '', key: 'unverifiable:body:', params: {} });
	});

	it('do not include unverifiable when one field is checked alone (the acceptance criteria are unknown)', () => {
		expect(checkText('Leverantören ska erbjuda en bra utbildning.', 'body', 'mandatory')).toEqual([]);
	});

	it('report the length of a long sentence and the LIX of a hard text', () => {
		const [long] = of(checkText(rules.long_sentence.examples.trigger[1] as string, 'body', 'mandatory'), 'long_sentence');
		expect(long?.params).toEqual({ words: '38', max: '30' });
		const [hard] = of(checkText(rules.readability.examples.trigger[1] as string, 'body', 'mandatory'), 'readability');
		expect(Number(hard?.params.lix)).toBeGreaterThan(55);
	});
});

describe('a consortium’s own vague words', () => {
	const settings = (...extraVagueWords: string[]) => ({ disabledRules: [], extraVagueWords });
	const words = (text: string, ...extra: string[]) => of(checkText(text, 'body', 'mandatory', settings(...extra)), 'vague_word').map((f) => f.match);

	it('match with their endings, whole words only and case-insensitively', () => {
		expect(words('Lösningen ska vara smart. Smarta lås och smartare larm.', 'smart')).toEqual(['smart', 'Smarta', 'smartare']);
		expect(words('Smartphone och smartkort.', 'smart')).toEqual([]);
		expect(words('Uppkopplingen ska vara stabil och larmen stabila.', 'Stabil ')).toEqual(['stabil', 'stabila']);
		expect(words('Lösningen ska vara säker och lagra data i säkra rum.', 'säker')).toEqual(['säker', 'säkra']);
		expect(words('Det ska ske inom rimlig tid och på ett bra sätt.', 'på ett bra sätt')).toEqual(['rimlig', 'på ett bra sätt']);
	});

	it('are taken literally, whatever characters they contain', () => {
		expect(words('Skrivet i C++ eller (a|b)* eller [x].', 'c++', '(a|b)*', '[x]', '\\', '', '   ')).toEqual(['C++', '(a|b)*', '[x]']);
		expect(() => checkText('x', 'body', 'mandatory', settings('\u0000', '\ud800', '.*', '(?<', 'a'.repeat(10_000)))).not.toThrow();
	});

	it('have no suggestion of their own', () => {
		const [finding] = of(checkText('Ett smart lås.', 'body', 'mandatory', settings('smart')), 'vague_word');
		expect(finding?.params).toEqual({ word: 'smart' });
		expect(ruleText('vague_word', finding!.params, 'sv').suggestion).toContain('”smart”');
	});
});

describe('lix', () => {
	it('is 0 for a text without words', () => {
		expect(lix('')).toBe(0);
		expect(lix(' .,; \n ')).toBe(0);
	});

	it('is words per sentence plus the percentage of words longer than six letters', () => {
		// 14 words, 2 sentences, 2 long words ("meningen" twice): 7 + 100 × 2/14
		expect(lix('Det här är en mening. Den andra meningen är längre än den första meningen.')).toBeCloseTo(7 + 200 / 14, 6);
		// "t.ex." does not end the sentence (it is two words, t and ex); a line break does: 7 words, 2 sentences
		expect(lix('Larm, t.ex. brand, ska ges.\nBra')).toBeCloseTo(7 / 2, 6);
	});
});

describe('qualityScore', () => {
	const finding = (rule: RuleId): Finding => ({ rule, field: 'body', from: 0, to: 0, match: '', key: `${rule}:body:`, params: {} });

	it('is 100 without findings and takes each rule’s weight, then half of it per repeat, at most twice', () => {
		expect(qualityScore([])).toBe(100);
		expect(qualityScore([finding('vague_word')])).toBe(92);
		expect(qualityScore([finding('vague_word'), finding('vague_word')])).toBe(88);
		expect(qualityScore(Array.from({ length: 9 }, () => finding('vague_word')))).toBe(84);
		expect(qualityScore([finding('obligation_mismatch'), finding('passive')])).toBe(82);
	});

	it('never goes below 0', () => {
		expect(qualityScore(ruleIds.flatMap((id) => Array.from({ length: 5 }, () => finding(id))))).toBe(0);
	});
});
