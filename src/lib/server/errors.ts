/**
 * An expected refusal from a command (a conflict, a broken rule), carrying a message key that the
 * page turns into a sentence in the user's language, and optionally the field it concerns.
 */
export class CommandError extends Error {
	constructor(
		readonly key: string,
		readonly field: string = 'form',
		readonly status: 400 | 404 | 409 | 413 | 422 = 400,
		/** Figures the message names (a limit, a count, a line). */
		readonly params?: Record<string, string | number>
	) {
		super(key);
		this.name = 'CommandError';
	}
}

/** The thing does not exist, or the actor may not know that it does. */
export class NotFound extends CommandError {
	constructor() {
		super('not_found', 'form', 404);
		this.name = 'NotFound';
	}
}

/**
 * Someone else saved the same thing since this person loaded it. Carries the values as they are
 * now, so the page can show what changed and keep what the person typed.
 */
export class StaleWrite extends CommandError {
	constructor(readonly current: Record<string, unknown>) {
		super('stale_write', 'form', 409);
		this.name = 'StaleWrite';
	}
}
