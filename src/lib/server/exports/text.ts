import type { SpecDocument } from './spec';

/**
 * The one text-cleaning rule of every export (Word, CSV, Excel, ReqIF). XML 1.0 cannot carry most
 * control characters, non-characters (U+FFFE, U+FFFF) or unpaired surrogates, and Word refuses a
 * document that holds one; text typed or pasted into a requirement can. A vertical tab or form feed
 * (what Word's manual line and page breaks become when pasted as text) turns into a line break;
 * the other characters are dropped; everything else is kept as it is.
 */
export function exportText(value: string): string {
	return value.replace(/[\v\f]/g, '\n').replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** The specification with `exportText` applied to every text it carries. */
export function cleanSpec(spec: SpecDocument): SpecDocument {
	return {
		...spec,
		consortiumName: exportText(spec.consortiumName),
		name: exportText(spec.name),
		description: exportText(spec.description),
		frozenBy: spec.frozenBy === null ? null : exportText(spec.frozenBy),
		requirements: spec.requirements.map((r) => ({
			...r,
			id: exportText(r.id),
			identifier: exportText(r.identifier),
			title: exportText(r.title),
			text: exportText(r.text),
			rationale: exportText(r.rationale),
			acceptanceCriteria: exportText(r.acceptanceCriteria),
			localOrganisations: r.localOrganisations.map(exportText)
		}))
	};
}
