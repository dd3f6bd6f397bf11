/** The first row of a raw `execute` result, whichever driver produced it. */
export function firstRow<T>(result: unknown): T | undefined {
	return rowsOf<T>(result)[0];
}

/** The rows of a raw `execute` result: PGlite returns `{ rows }`, postgres.js an array. */
export function rowsOf<T>(result: unknown): T[] {
	if (Array.isArray(result)) return result as T[];
	return ((result as { rows?: T[] }).rows ?? []) as T[];
}
