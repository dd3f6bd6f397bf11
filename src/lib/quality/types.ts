/** The rules of the requirement review (kravgranskning), in the order they are listed to a person. */
export const ruleIds = ['vague_word', 'obligation_mismatch', 'compound', 'unverifiable', 'solution', 'long_sentence', 'readability', 'passive'] as const;
export type RuleId = (typeof ruleIds)[number];

export type QualityField = 'title' | 'body' | 'acceptanceCriteria';
export const qualityFields: readonly QualityField[] = ['title', 'body', 'acceptanceCriteria'];

export type QualityObligation = 'mandatory' | 'criterion';

export interface QualityInput {
	title: string;
	body: string;
	acceptanceCriteria: string;
	obligation: QualityObligation;
}

export interface QualitySettings {
	disabledRules: readonly RuleId[];
	extraVagueWords: readonly string[];
}

export interface Finding {
	rule: RuleId;
	field: QualityField;
	/** UTF-16 offsets into that field's string (`to` exclusive); whole-field findings use 0..length. */
	from: number;
	to: number;
	/** The text matched (e.g. "användarvänligt"); '' for whole-field findings. */
	match: string;
	/** `${rule}:${field}:${normalised match}` (lower case, NFC, runs of white space as one space): never offsets. */
	key: string;
	/** Values for the messages (`ruleText`), e.g. { word: 'snabbt', hint: 'speed' } or { lix: '62' }. */
	params: Record<string, string>;
}
