import { m } from '$lib/paraglide/messages';
import type { RuleId } from './types';
import { vagueHints, type VagueHint } from './vocabulary';

type Locale = 'sv' | 'en';
type Params = Record<string, string>;
type Text = (p: Params, locale: { locale?: Locale }) => string;

const word = (p: Params) => ({ word: p.word ?? '' });

/** Every rule's name, explanation and suggestion: a rule missing here is a type error. */
const texts: Record<RuleId, { name: Text; explanation: Text; suggestion: Text }> = {
	vague_word: {
		name: (_, o) => m.quality_rule_vague_word_name({}, o),
		explanation: (p, o) => m.quality_rule_vague_word_explanation(word(p), o),
		suggestion: (p, o) => (isHint(p.hint) ? hints[p.hint](o) : m.quality_rule_vague_word_suggestion(word(p), o))
	},
	obligation_mismatch: {
		name: (_, o) => m.quality_rule_obligation_mismatch_name({}, o),
		explanation: (p, o) =>
			p.obligation === 'criterion'
				? m.quality_rule_obligation_mismatch_explanation_criterion(word(p), o)
				: m.quality_rule_obligation_mismatch_explanation_mandatory(word(p), o),
		suggestion: (p, o) =>
			p.obligation === 'criterion'
				? m.quality_rule_obligation_mismatch_suggestion_criterion({}, o)
				: m.quality_rule_obligation_mismatch_suggestion_mandatory({}, o)
	},
	compound: {
		name: (_, o) => m.quality_rule_compound_name({}, o),
		explanation: (p, o) => m.quality_rule_compound_explanation(word(p), o),
		suggestion: (p, o) => m.quality_rule_compound_suggestion(word(p), o)
	},
	unverifiable: {
		name: (_, o) => m.quality_rule_unverifiable_name({}, o),
		explanation: (_, o) => m.quality_rule_unverifiable_explanation({}, o),
		suggestion: (_, o) => m.quality_rule_unverifiable_suggestion({}, o)
	},
	solution: {
		name: (_, o) => m.quality_rule_solution_name({}, o),
		explanation: (p, o) => m.quality_rule_solution_explanation(word(p), o),
		suggestion: (p, o) => m.quality_rule_solution_suggestion(word(p), o)
	},
	long_sentence: {
		name: (_, o) => m.quality_rule_long_sentence_name({}, o),
		explanation: (p, o) => m.quality_rule_long_sentence_explanation({ words: p.words ?? '', max: p.max ?? '30' }, o),
		suggestion: (_, o) => m.quality_rule_long_sentence_suggestion({}, o)
	},
	readability: {
		name: (_, o) => m.quality_rule_readability_name({}, o),
		explanation: (p, o) => m.quality_rule_readability_explanation({ lix: p.lix ?? '', max: p.max ?? '55' }, o),
		suggestion: (_, o) => m.quality_rule_readability_suggestion({}, o)
	},
	passive: {
		name: (_, o) => m.quality_rule_passive_name({}, o),
		explanation: (p, o) => m.quality_rule_passive_explanation(word(p), o),
		suggestion: (_, o) => m.quality_rule_passive_suggestion({}, o)
	}
};

/** The word-specific suggestions a vague word's `params.hint` names. */
const hints: Record<VagueHint, (o: { locale?: Locale }) => string> = {
	speed: (o) => m.quality_suggest_speed({}, o),
	usability: (o) => m.quality_suggest_usability({}, o),
	flexibility: (o) => m.quality_suggest_flexibility({}, o),
	modern: (o) => m.quality_suggest_modern({}, o),
	efficiency: (o) => m.quality_suggest_efficiency({}, o),
	enumeration: (o) => m.quality_suggest_enumeration({}, o),
	and_or: (o) => m.quality_suggest_and_or({}, o),
	conditional: (o) => m.quality_suggest_conditional({}, o),
	level: (o) => m.quality_suggest_level({}, o),
	clarity: (o) => m.quality_suggest_clarity({}, o),
	robustness: (o) => m.quality_suggest_robustness({}, o)
};

const isHint = (value: string | undefined): value is VagueHint => (vagueHints as readonly (string | undefined)[]).includes(value);

/**
 * A finding's words in the current locale (or the one given): the rule's name, why it matters, and
 * what to write instead (word-specific for the vague words that have a `params.hint`).
 */
export function ruleText(rule: RuleId, params: Record<string, string> = {}, locale?: Locale): { name: string; explanation: string; suggestion: string } {
	const text = texts[rule];
	const p = params ?? {};
	const o = locale ? { locale } : {};
	return { name: text.name(p, o), explanation: text.explanation(p, o), suggestion: text.suggestion(p, o) };
}
