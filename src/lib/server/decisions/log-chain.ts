import { createHash } from 'node:crypto';
import type { DecisionLevel, DecisionResultKind } from '../../enums';

/** The hash a consortium's first entry chains to. */
export const GENESIS = '0'.repeat(64);

/** What of a decision the hash covers: everything recorded, nothing that may change later. */
export interface ChainedContent {
	consortiumId: string;
	number: string;
	year: number;
	sequence: number;
	title: string;
	text: string;
	level: DecisionLevel;
	decidedOn: string;
	result: DecisionResultKind;
	explanation: string;
	positions: unknown;
	reservations: unknown;
	links: unknown;
	registrationNumber: string;
	secret: boolean;
	meetingParagraph: string;
	supersedesId: string | null;
	recordedBy: string | null;
	recordedAt: Date;
	previousHash: string;
}

/** JSON with object keys sorted at every depth: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const chainedKeys = [
	'consortiumId',
	'number',
	'year',
	'sequence',
	'title',
	'text',
	'level',
	'decidedOn',
	'result',
	'explanation',
	'positions',
	'reservations',
	'links',
	'registrationNumber',
	'secret',
	'meetingParagraph',
	'supersedesId',
	'recordedBy',
	'recordedAt',
	'previousHash'
] as const satisfies readonly (keyof ChainedContent)[];

/** SHA-256 (hex) over the entry's canonical content, which includes the previous entry's hash; other fields of a row are not covered. */
export function entryHash(content: ChainedContent): string {
	const covered = Object.fromEntries(chainedKeys.map((key) => [key, content[key]]));
	return createHash('sha256').update(canonicalJson(covered), 'utf8').digest('hex');
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenNumber: string; reason: 'content' | 'link' };

/**
 * Recomputes the chain in recording order: each entry's hash over its content, and its link to the
 * entry before. Names the first entry that does not hold.
 */
export function verifyChain(entries: readonly (ChainedContent & { hash: string })[]): ChainVerdict {
	let previous = GENESIS;
	for (const entry of entries) {
		if (entry.previousHash !== previous) return { ok: false, entries: entries.length, brokenNumber: entry.number, reason: 'link' };
		if (entryHash(entry) !== entry.hash) return { ok: false, entries: entries.length, brokenNumber: entry.number, reason: 'content' };
		previous = entry.hash;
	}
	return { ok: true, entries: entries.length };
}

/** B-2026-001: the consortium's numbering per year, three digits at least. */
export function decisionNumber(year: number, sequence: number): string {
	return `B-${year}-${String(sequence).padStart(3, '0')}`;
}
