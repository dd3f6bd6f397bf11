/** A change announced by the server: what was touched, never its content. */
export interface LiveChange {
	consortiumId: string | null;
	topic: string;
	action: string;
	entityId: string | null;
	/** Other things whose pages show the change (the needs a story links, the revision a new one replaces). */
	related?: string[];
	actorId?: string | null;
}

/**
 * What a change concerns, as the dependency keys loads declare with `depends`: `samsyn:<topic>` for
 * pages that list or count things of that kind, `samsyn:item:<id>` for the pages of the thing itself
 * and of the things related to it, and `samsyn:any` for pages that show every change (the audit log).
 */
export function changeKeys(change: LiveChange): string[] {
	const ids = [change.entityId, ...(change.related ?? [])].filter((id): id is string => Boolean(id));
	return [`samsyn:${change.topic}`, ...ids.map((id) => `samsyn:item:${id}`), 'samsyn:any'];
}
