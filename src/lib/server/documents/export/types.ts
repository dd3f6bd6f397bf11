import type { SpecRequirement } from '../../exports/spec';

/** One block of a document's text, as the exports print it: plain text, marks dropped. */
export type Block =
	| { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string }
	| { type: 'paragraph'; text: string }
	| { type: 'list'; ordered: boolean; items: string[] }
	| { type: 'quote'; text: string }
	| { type: 'code'; text: string }
	| { type: 'table'; rows: string[][] };

/** One version in a document's revision log. */
export interface RevisionEntry {
	number: number;
	name: string;
	/** Already a label in the export's language. */
	status: string;
	createdAt: Date;
	createdBy: string | null;
	decidedAt: Date | null;
	/** For example "Godkänd: Linköping, Norrköping", or ''. */
	note: string;
}

/** Everything the Word and PDF exports of a document version need: no database, no request. */
export interface DocumentExport {
	consortiumName: string;
	/** For example "Kravspecifikation" (already translated). */
	kindLabel: string;
	title: string;
	version: { number: number; name: string; statusLabel: string; createdAt: Date; createdBy: string | null };
	body: Block[];
	baseline: { name: string; frozenAt: Date; requirements: SpecRequirement[] } | null;
	closing: Block[];
	/** Oldest first. */
	revisions: RevisionEntry[];
}
