import * as Y from 'yjs';
import type { DerivedContent } from './registry';

/** The fragment TipTap's Collaboration extension edits (y-prosemirror's default). */
export const FRAGMENT = 'default';

const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/** Only these link targets survive; anything else (javascript:, data:, relative) becomes plain text. */
export function safeHref(href: unknown): string | null {
	if (typeof href !== 'string') return null;
	const trimmed = href.trim();
	if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return null;
	try {
		const url = new URL(trimmed);
		return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
	} catch {
		return null;
	}
}

type Delta = { insert?: unknown; attributes?: Record<string, unknown> }[];

function inlineHtml(text: Y.XmlText): string {
	let html = '';
	for (const op of text.toDelta() as Delta) {
		if (typeof op.insert !== 'string') continue;
		let piece = escapeHtml(op.insert);
		const marks = op.attributes ?? {};
		if (marks.code) piece = `<code>${piece}</code>`;
		if (marks.bold) piece = `<strong>${piece}</strong>`;
		if (marks.italic) piece = `<em>${piece}</em>`;
		if (marks.underline) piece = `<u>${piece}</u>`;
		if (marks.strike) piece = `<s>${piece}</s>`;
		const link = marks.link as { href?: unknown } | undefined;
		const href = link ? safeHref(link.href) : null;
		if (href) piece = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${piece}</a>`;
		html += piece;
	}
	return html;
}

const blockTags: Record<string, string> = {
	paragraph: 'p',
	blockquote: 'blockquote',
	bulletList: 'ul',
	orderedList: 'ol',
	listItem: 'li',
	table: 'table',
	tableRow: 'tr',
	tableHeader: 'th',
	tableCell: 'td',
	codeBlock: 'pre'
};

function nodeHtml(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
	if (node instanceof Y.XmlText) return inlineHtml(node);
	if (!(node instanceof Y.XmlElement)) return '';
	const children = node.toArray() as (Y.XmlElement | Y.XmlText)[];
	const inner = children.map(nodeHtml).join('');
	const name = node.nodeName;
	if (name === 'heading') {
		const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 1));
		return `<h${level}>${inner}</h${level}>`;
	}
	if (name === 'hardBreak') return '<br>';
	if (name === 'horizontalRule') return '<hr>';
	if (name === 'table') return `<table><tbody>${inner}</tbody></table>`;
	const tag = blockTags[name];
	return tag ? `<${tag}>${inner}</${tag}>` : inner;
}

function nodeText(node: Y.XmlElement | Y.XmlText | Y.XmlHook, lines: string[], prefix = ''): void {
	if (node instanceof Y.XmlText) {
		lines.push(prefix + plain(node));
		return;
	}
	if (!(node instanceof Y.XmlElement)) return;
	const children = node.toArray() as (Y.XmlElement | Y.XmlText)[];
	switch (node.nodeName) {
		case 'bulletList':
		case 'orderedList':
			children.forEach((child, i) => {
				const marker = node.nodeName === 'bulletList' ? '- ' : `${i + 1}. `;
				const inner: string[] = [];
				nodeText(child, inner);
				inner.forEach((line, j) => lines.push(prefix + (j === 0 ? marker : '   ') + line));
			});
			return;
		case 'tableRow':
			lines.push(prefix + children.map((cell) => blockText(cell).replace(/\n/g, ' ')).join('\t'));
			return;
		case 'hardBreak':
			lines.push('');
			return;
		case 'paragraph':
		case 'heading':
		case 'codeBlock':
			lines.push(prefix + children.map((child) => (child instanceof Y.XmlText ? plain(child) : child.nodeName === 'hardBreak' ? '\n' : '')).join(''));
			return;
		default:
			for (const child of children) nodeText(child, lines, prefix);
	}
}

function plain(text: Y.XmlText): string {
	return (text.toDelta() as Delta).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

function blockText(node: Y.XmlElement | Y.XmlText): string {
	const lines: string[] = [];
	nodeText(node, lines);
	return lines.join('\n');
}

/** Renders a TipTap document to plain text (one line per block) and sanitised HTML. */
export function renderFragment(fragment: Y.XmlFragment): DerivedContent {
	const nodes = fragment.toArray() as (Y.XmlElement | Y.XmlText)[];
	const lines: string[] = [];
	for (const node of nodes) nodeText(node, lines);
	return { text: lines.join('\n').trim(), html: nodes.map(nodeHtml).join('') };
}

/** Renders a whole document (its `default` fragment). */
export function renderDocument(doc: Y.Doc): DerivedContent {
	return renderFragment(doc.getXmlFragment(FRAGMENT));
}

/** Renders a Yjs state (a full update) without keeping a document around. */
export function renderState(state: Uint8Array): DerivedContent {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
		return renderDocument(doc);
	} finally {
		doc.destroy();
	}
}

/**
 * A document update that writes plain text as paragraphs (one per line; blank lines dropped), the
 * way TipTap's schema holds them: the first edit of a field that had text before it was co-edited.
 */
export function textToUpdate(text: string): Uint8Array {
	const doc = new Y.Doc();
	try {
		const lines = text
			.replace(/\r\n?/g, '\n')
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean);
		const paragraphs = lines.map((line) => {
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText(line)]);
			return paragraph;
		});
		doc.getXmlFragment(FRAGMENT).insert(0, paragraphs);
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

/**
 * The blocks of a simple outline, the way TipTap's schema holds them: `## ` and `### ` lines are
 * headings (levels 2 and 3, the editor's), `- ` lines a bullet list, other lines paragraphs, blank
 * lines dropped. Not yet in a document.
 */
function outlineBlocks(outline: string): Y.XmlElement[] {
	const blocks: Y.XmlElement[] = [];
	let list: Y.XmlElement | null = null;
	let items = 0;
	const withText = (name: string, text: string) => {
		const element = new Y.XmlElement(name);
		element.insert(0, [new Y.XmlText(text)]);
		return element;
	};
	for (const raw of outline.replace(/\r\n?/g, '\n').split('\n')) {
		const line = raw.trim();
		if (!line) continue;
		const heading = /^(#{2,3}) (.+)$/.exec(line);
		if (line.startsWith('- ')) {
			if (!list) {
				blocks.push((list = new Y.XmlElement('bulletList')));
				items = 0;
			}
			const item = new Y.XmlElement('listItem');
			item.insert(0, [withText('paragraph', line.slice(2).trim())]);
			// Counted here: a list not yet in a document cannot be asked its length.
			list.insert(items++, [item]);
			continue;
		}
		list = null;
		if (heading) {
			const element = withText('heading', heading[2]!.trim());
			// A number, as TipTap writes it (the typings allow only strings).
			(element as unknown as Y.XmlElement<{ level: number }>).setAttribute('level', heading[1]!.length);
			blocks.push(element);
		} else blocks.push(withText('paragraph', line));
	}
	return blocks;
}

/**
 * A document update from a simple outline (see `outlineBlocks`). For text written by Samsyn itself
 * (a document's template, the demo), not for a user's.
 */
export function outlineToUpdate(outline: string): Uint8Array {
	const doc = new Y.Doc();
	try {
		doc.getXmlFragment(FRAGMENT).insert(0, outlineBlocks(outline));
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

/** The update that appends an outline's blocks at the end of a document's state (the demo's edits, tests' typing). */
export function appendOutlineUpdate(state: Uint8Array, outline: string): Uint8Array {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
		const before = Y.encodeStateVector(doc);
		const fragment = doc.getXmlFragment(FRAGMENT);
		fragment.insert(fragment.length, outlineBlocks(outline));
		return Y.encodeStateAsUpdate(doc, before);
	} finally {
		doc.destroy();
	}
}
