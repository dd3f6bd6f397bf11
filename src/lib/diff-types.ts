// The shape of a field-by-field comparison that pages and components read (the server builds it with
// diffFields in src/lib/server/baselines/compare.ts); kept here so browser code never imports a server module.

/** One run of a word diff: kept, added or removed text. */
export interface DiffPart {
	value: string;
	added?: boolean;
	removed?: boolean;
}

/** A field that differs, with its old and new value. */
export interface FieldChange<F extends string = string> {
	field: F;
	before: string | number | null;
	after: string | number | null;
	/** Word-level diff, for free-text fields only. */
	parts?: DiffPart[];
}
