/*
 * The requirement review (kravgranskning): pure, synchronous and without imports from the server or
 * the messages, so the editor runs it on every keystroke and the server runs the same code.
 */
import { rules, type CompiledVague, type FieldContext, type RuleDefinition } from './rules';
import { analyse, lixOf, literal, normaliseMatch, WORD_END, WORD_START, type Analysis } from './text';
import { ruleIds, qualityFields, type Finding, type QualityField, type QualityInput, type QualityObligation, type QualitySettings, type RuleId } from './types';
import { contractedEndings, extraWordEndings, vagueWords, type VagueHint } from './vocabulary';

export const defaultQualitySettings: QualitySettings = Object.freeze({ disabledRules: Object.freeze([]), extraVagueWords: Object.freeze([]) });

/** A consortium's own words: at most this many, each at most this long (longer ones are ignored). */
export const MAX_EXTRA_WORDS = 200;
export const MAX_EXTRA_WORD_LENGTH = 100;

interface Compiled {
	rules: readonly RuleDefinition[];
	vague: CompiledVague;
}

const ending = (endings: readonly string[]) => `(?:${endings.map(literal).join('|')})`;

/** The pattern for one of the consortium's own words: the word and its usual endings (see vocabulary.ts). */
function extraWordSource(word: string): string {
	const last = word.slice(-1);
	const source = literal(word) + (/\p{L}/u.test(last) ? `${ending(extraWordEndings)}?` : '');
	const contracted = /[^aeiouyåäö\s]e[lnr]$/u.test(word) ? `|${literal(word.slice(0, -2) + last)}${ending(contractedEndings)}` : '';
	return source + contracted;
}

function extraWords(words: readonly string[]): string[] {
	const seen = new Set<string>();
	for (const raw of words.slice(0, MAX_EXTRA_WORDS)) {
		if (typeof raw !== 'string' || raw.length > MAX_EXTRA_WORD_LENGTH) continue;
		const word = raw.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
		if (/[\p{L}\p{N}]/u.test(word)) seen.add(word);
	}
	return [...seen];
}

function compileVague(extra: readonly string[]): CompiledVague {
	const groups: string[] = [];
	const hints: (VagueHint | null)[] = [];
	for (const entry of vagueWords) {
		groups.push(
			[...entry.forms]
				.sort((a, b) => b.length - a.length)
				.map(literal)
				.join('|')
		);
		hints.push(entry.hint);
	}
	for (const word of extra) {
		groups.push(extraWordSource(word));
		hints.push(null);
	}
	return { regex: new RegExp(`${WORD_START}(?:${groups.map((g) => `(${g})`).join('|')})${WORD_END}`, 'giu'), hints };
}

const cache = new Map<string, Compiled>();
const CACHE_SIZE = 32;

/** Rules and patterns for a set of settings, built once and kept (a few settings are in use at a time). */
function compile(settings: QualitySettings): Compiled {
	const disabled = new Set(Array.isArray(settings.disabledRules) ? settings.disabledRules : []);
	const extra = extraWords(Array.isArray(settings.extraVagueWords) ? settings.extraVagueWords : []);
	const key = `${ruleIds.filter((id) => disabled.has(id)).join(',')}\u0000${extra.join('\u0000')}`;
	const hit = cache.get(key);
	if (hit) return hit;
	const compiled: Compiled = { rules: ruleIds.filter((id) => !disabled.has(id)).map((id) => rules[id]), vague: compileVague(extra) };
	if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
	cache.set(key, compiled);
	return compiled;
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
const asObligation = (value: unknown): QualityObligation => (value === 'criterion' ? 'criterion' : 'mandatory');

function findingsFor(compiled: Compiled, ctx: FieldContext, whole: boolean): Finding[] {
	const out: Finding[] = [];
	for (const rule of compiled.rules) {
		if (!rule.fields.includes(ctx.field) || (rule.needsRequirement && !whole)) continue;
		for (const raw of rule.check(ctx)) {
			const match = rule.wholeField ? '' : ctx.text.slice(raw.from, raw.to);
			out.push({
				rule: rule.id,
				field: ctx.field,
				from: rule.wholeField ? 0 : raw.from,
				to: rule.wholeField ? ctx.text.length : raw.to,
				match,
				key: `${rule.id}:${ctx.field}:${normaliseMatch(match)}`,
				params: raw.params
			});
		}
	}
	return out;
}

const fieldOrder = (field: QualityField) => qualityFields.indexOf(field);
const ruleOrder = (rule: RuleId) => ruleIds.indexOf(rule);

function sortFindings(findings: Finding[]): Finding[] {
	return findings.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field) || a.from - b.from || a.to - b.to || ruleOrder(a.rule) - ruleOrder(b.rule));
}

/** Reviews a whole requirement: title, body and acceptance criteria. Findings sorted by field, then offset. */
export function checkRequirement(input: QualityInput, settings: QualitySettings = defaultQualitySettings): Finding[] {
	const compiled = compile(settings ?? defaultQualitySettings);
	const obligation = asObligation(input?.obligation);
	const texts: Record<QualityField, string> = {
		title: asText(input?.title),
		body: asText(input?.body),
		acceptanceCriteria: asText(input?.acceptanceCriteria)
	};
	const analyses = {} as Record<QualityField, Analysis>;
	for (const field of qualityFields) analyses[field] = analyse(texts[field]);
	const requirement = { title: analyses.title, body: analyses.body, acceptanceCriteria: texts.acceptanceCriteria };
	const findings: Finding[] = [];
	for (const field of qualityFields) {
		findings.push(...findingsFor(compiled, { field, text: texts[field], analysis: analyses[field], obligation, requirement, vague: compiled.vague }, true));
	}
	return sortFindings(findings);
}

/**
 * Reviews one field on its own (the editor's body). Rules that need the other fields (`unverifiable`,
 * which accepts acceptance criteria as proof) run only in `checkRequirement`; `obligation_mismatch`
 * reads only this field.
 */
export function checkText(text: string, field: QualityField, obligation: QualityObligation, settings: QualitySettings = defaultQualitySettings): Finding[] {
	const compiled = compile(settings ?? defaultQualitySettings);
	const value = asText(text);
	const ctx: FieldContext = {
		field: qualityFields.includes(field) ? field : 'body',
		text: value,
		analysis: analyse(value),
		obligation: asObligation(obligation),
		requirement: null,
		vague: compiled.vague
	};
	return sortFindings(findingsFor(compiled, ctx, false));
}

/**
 * 100 when nothing is found. Each rule takes its weight (rules.ts: obligation_mismatch 15, compound 10,
 * solution 10, unverifiable 10, vague_word 8, long_sentence 5, readability 5, passive 3) for its first
 * finding and half the weight for each further one, at most twice its weight in all; the result is
 * rounded and never below 0.
 */
export function qualityScore(findings: readonly Finding[]): number {
	const counts = new Map<RuleId, number>();
	for (const f of findings ?? []) if (f && f.rule in rules) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
	let deduction = 0;
	for (const [rule, count] of counts) {
		const weight = rules[rule].weight;
		deduction += Math.min(2 * weight, weight * (1 + 0.5 * (count - 1)));
	}
	return Math.max(0, Math.min(100, Math.round(100 - deduction)));
}

/**
 * Läsbarhetsindex: words per sentence + 100 × words of more than six letters / words; 0 for a text
 * without words. Below 30 very easy, 30–40 easy, 40–50 medium, 50–60 difficult, above 60 very difficult.
 */
export function lix(text: string): number {
	return lixOf(analyse(asText(text)));
}
