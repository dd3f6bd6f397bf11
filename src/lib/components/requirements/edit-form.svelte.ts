import { untrack } from 'svelte';
import { viewOf, type FormView } from '$lib/forms/types';

interface Source {
	/** The page's `form` prop. */
	result: () => unknown;
	/** The item shown: moving to another one takes a new snapshot. */
	id: () => string;
	/** The stored values of the item's form fields, with `version`. */
	stored: () => Record<string, unknown>;
	/** The form's name (its action). */
	name?: string;
}

/**
 * The edit form of a need, story or requirement page. It shows a snapshot, taken on load, after this
 * person's own save or refusal, and on moving to another item; not on live updates, which would wipe
 * what is being typed and quietly move the form onto the newer version (its save must get the 409
 * comparison instead). After a conflict the form keeps what the person typed but saves against the
 * version stored now.
 */
export class EditForm {
	values = $state<Record<string, unknown>>({});
	open = $state(false);
	#taken: { result: unknown; id: string };
	readonly source: Source;

	constructor(source: Source) {
		this.source = source;
		this.values = untrack(() => this.#snapshot());
		this.#taken = { result: untrack(source.result), id: untrack(source.id) };
		$effect.pre(() => {
			const now = { result: source.result(), id: source.id() };
			if (now.result === this.#taken.result && now.id === this.#taken.id) return;
			this.#taken = now;
			this.values = untrack(() => this.#snapshot());
		});
		$effect(() => {
			if (this.view.failure) this.open = true;
		});
	}

	/** This form's part of the last answer. */
	get view(): FormView {
		return viewOf(this.source.result(), this.source.name ?? 'save');
	}

	#snapshot(): Record<string, unknown> {
		const failure = this.view.failure;
		return failure ? { ...failure.values, version: failure.current?.version ?? failure.values.version } : this.source.stored();
	}
}
