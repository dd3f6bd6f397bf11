/*
 * The requirement review (kravgranskning): Swedish quality rules for requirement text, pure and
 * synchronous, run by the editor on every keystroke and by the server on save. Rules, weights and word
 * lists: rules.ts and vocabulary.ts; the reasoning and the figures on the demo set: docs/decisions.md,
 * "Kravgranskning (quality rules)".
 *
 * `params` of a finding: `word` (what was matched, for the messages), `hint` (vague_word: the id of a
 * word-specific suggestion, which `ruleText` turns into a sentence; absent for a consortium's own
 * words), `obligation` (obligation_mismatch), `words`/`max` (long_sentence), `lix`/`max` (readability),
 * `verb` (passive). Findings carry no localised text, so the server and the browser agree on them.
 */
export { ruleIds, type RuleId, type QualityField, type QualityInput, type QualitySettings, type Finding } from './types';
export { defaultQualitySettings, checkRequirement, checkText, qualityScore, lix } from './engine';
export { ruleText } from './labels';
