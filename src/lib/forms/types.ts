/** What a form action answers, shared by the server's `formAction` and the browser's `Form`. */

/** One field's problem: a message key (`required`, `too_long`, `last_admin`, …) and its figures. */
export interface FieldError {
	key: string;
	params?: Record<string, string | number>;
}

export type FieldErrors = Record<string, FieldError>;

/** Everything typed, sent back so nothing is lost (never passwords or tokens). */
export type FormValues = Record<string, string | string[]>;

/** A refused submission: which form (and row), what is wrong with which field, and what was typed. */
export interface FormFailure {
	form: string;
	ok: false;
	/** The row a form repeated per row belongs to. */
	target?: string;
	errors: FieldErrors;
	values: FormValues;
	/** A conflict: the thing as someone else saved it meanwhile. */
	current?: Record<string, unknown>;
	/** A rate limit: whole minutes to wait. */
	retryMinutes?: number;
}

/** A submission that went through, with whatever the action tells the page. */
export type FormSuccess<T extends Record<string, unknown> = Record<string, unknown>> = T & { form: string; ok: true; target?: string };

export type FormResult = FormFailure | FormSuccess;

/** The page's `form` prop as one form on it sees it. */
export interface FormView {
	name: string;
	target?: string;
	errors: FieldErrors;
	values: FormValues;
	/** The success answer of this form (and row), if it was the last one submitted. */
	success: FormSuccess | null;
	/** The refusal, if this form (and row) was the last one submitted and was refused. */
	failure: FormFailure | null;
}

/** Picks one form's (and row's) part of the page's `form` prop. */
export function viewOf(result: unknown, name: string, target?: string): FormView {
	const r = (result ?? null) as FormResult | null;
	const mine = !!r && r.form === name && (target === undefined || r.target === target);
	const failure = mine && r.ok === false ? r : null;
	return {
		name,
		target,
		errors: failure?.errors ?? {},
		values: failure?.values ?? {},
		success: mine && r.ok === true ? r : null,
		failure
	};
}
