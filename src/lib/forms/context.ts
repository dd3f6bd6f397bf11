import { getContext, setContext } from 'svelte';
import type { FormView } from './types';

/** What a `Form` gives the fields inside it. */
export interface FormContext {
	/** This form's part of the page's `form` prop (errors, values, success). */
	readonly view: FormView;
	/** A prefix that makes field ids unique on a page with several forms (and rows). */
	readonly idPrefix: string;
	/** Fields tell the form their label, so its error summary can name them. */
	register(name: string, id: string, label: string): void;
}

const key = Symbol('samsyn-form');

export function setFormContext(context: FormContext): void {
	setContext(key, context);
}

/** The enclosing `Form`'s context, if the field is inside one. */
export function getFormContext(): FormContext | undefined {
	return getContext<FormContext | undefined>(key);
}
