import { untrack } from 'svelte';
import type { ActionResult } from '@sveltejs/kit';

/** What a detail page's form action answers: errors, what was typed, and on a conflict what is stored now. */
export interface EditAnswer {
	errors?: Record<string, string>;
	values?: Record<string, unknown>;
	current?: Record<string, unknown>;
	saved?: boolean;
}

interface Source {
	/** The page's `form` prop. */
	form: () => unknown;
	/** The item shown: moving to another one takes a new snapshot. */
	id: () => string;
	/** The stored values of the item's form fields, with `version`. */
	stored: () => Record<string, unknown>;
	/** A field every submitted form of this kind has (tells the form's own answer from a comment's). */
	marker: string;
	/** Whether a field error belongs to this form (opens it). */
	ownsError: (field: string) => boolean;
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
	#saves = $state(0);
	#taken: { form: unknown; saves: number; id: string };
	readonly source: Source;

	constructor(source: Source) {
		this.source = source;
		this.values = untrack(() => this.#snapshot());
		this.#taken = { form: untrack(source.form), saves: 0, id: untrack(source.id) };
		$effect.pre(() => {
			const now = { form: source.form(), saves: this.#saves, id: source.id() };
			if (now.form === this.#taken.form && now.saves === this.#taken.saves && now.id === this.#taken.id) return;
			this.#taken = now;
			this.values = untrack(() => this.#snapshot());
		});
		$effect(() => {
			const answer = this.answer;
			if (answer.current || Object.keys(answer.errors ?? {}).some(source.ownsError)) this.open = true;
		});
	}

	get answer(): EditAnswer {
		return (this.source.form() ?? {}) as EditAnswer;
	}

	#snapshot(): Record<string, unknown> {
		const { values, current } = this.answer;
		return values && this.source.marker in values ? { ...values, version: current?.version ?? values.version } : this.source.stored();
	}

	/** For `use:enhance`: a redirect (to a new revision) is a full load, so no live refresh can race it. */
	readonly afterSave = async ({ result, update }: { result: ActionResult; update: (options?: { reset?: boolean }) => Promise<void> }) => {
		if (result.type === 'redirect') {
			window.location.assign(result.location);
			return;
		}
		await update({ reset: false });
		this.#saves++;
	};
}
