import { Extension, type AnyExtension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/**
 * Marks in the text that are not part of it (decorations): ranges of the document's plain text that
 * something beside the editor explains, such as the quality rules' findings. The text the ranges are
 * offsets into is the document as the server renders it: one line per text block, joined by "\n".
 */
export interface Highlight {
	from: number;
	to: number;
	className: string;
	attributes?: Record<string, string>;
}
export type Highlighter = (text: string) => readonly Highlight[];

/** Where a run of the plain text starts, and the document position of its first character. */
interface Segment {
	start: number;
	length: number;
	pos: number;
}

/** The document's plain text and where each of its runs sits in the document. */
export function plainText(doc: ProseMirrorNode): { text: string; segments: Segment[] } {
	let text = '';
	const segments: Segment[] = [];
	let first = true;
	doc.descendants((node, pos) => {
		if (!node.isTextblock) return true;
		if (!first) text += '\n';
		first = false;
		node.forEach((child, offset) => {
			const at = pos + 1 + offset;
			if (child.isText && child.text) {
				segments.push({ start: text.length, length: child.text.length, pos: at });
				text += child.text;
			} else if (child.type.name === 'hardBreak') {
				text += '\n';
			}
		});
		return false;
	});
	return { text, segments };
}

/**
 * The document position of a plain-text offset. A range's start at a line break moves on to the next
 * run; its end where a run starts stays at the end of the run before (so marks never cross a break).
 */
export function positionOf(segments: readonly Segment[], offset: number, end: boolean): number | null {
	// the last run that starts at or before the offset
	let low = 0;
	let high = segments.length - 1;
	let found = -1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		if (segments[mid]!.start <= offset) {
			found = mid;
			low = mid + 1;
		} else high = mid - 1;
	}
	if (end) {
		if (found > 0 && segments[found]!.start === offset) found--;
		if (found < 0) return null;
		const s = segments[found]!;
		return s.pos + Math.min(offset - s.start, s.length);
	}
	if (found >= 0 && offset < segments[found]!.start + segments[found]!.length) return segments[found]!.pos + offset - segments[found]!.start;
	const next = segments[found + 1];
	return next ? next.pos : null;
}

/** The decorations of one state of the document. */
export function decorationsFor(doc: ProseMirrorNode, highlighter: Highlighter | undefined): DecorationSet {
	if (!highlighter) return DecorationSet.empty;
	const { text, segments } = plainText(doc);
	const decorations: Decoration[] = [];
	for (const h of highlighter(text)) {
		if (h.to <= h.from) continue;
		const from = positionOf(segments, h.from, false);
		const to = positionOf(segments, h.to, true);
		if (from === null || to === null || to <= from) continue;
		decorations.push(Decoration.inline(from, to, { class: h.className, ...h.attributes }));
	}
	return DecorationSet.create(doc, decorations);
}

const highlightKey = new PluginKey<DecorationSet>('samsynHighlights');

/** Asks the highlighter again although the text did not change (its own inputs did). */
export const refreshHighlights = (view: {
	state: { tr: import('@tiptap/pm/state').Transaction };
	dispatch: (tr: import('@tiptap/pm/state').Transaction) => void;
}) => view.dispatch(view.state.tr.setMeta(highlightKey, true).setMeta('addToHistory', false));

/** The editor extension: decorations from `current()` after every change of the text. */
export function highlights(current: () => Highlighter | undefined): AnyExtension {
	return Extension.create({
		name: 'samsynHighlights',
		addProseMirrorPlugins() {
			return [
				new Plugin<DecorationSet>({
					key: highlightKey,
					state: {
						init: (_config, state) => decorationsFor(state.doc, current()),
						apply: (tr, previous, _old, state) => (tr.docChanged || tr.getMeta(highlightKey) ? decorationsFor(state.doc, current()) : previous)
					},
					props: {
						decorations: (state) => highlightKey.getState(state)
					}
				})
			];
		}
	});
}
