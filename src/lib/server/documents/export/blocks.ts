import * as Y from 'yjs';
import { FRAGMENT } from '../../collab/render';
import type { Block } from './types';

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;
type Delta = { insert?: unknown }[];

const childrenOf = (node: Y.XmlElement | Y.XmlFragment) => node.toArray() as Node[];

/** The plain text of inline content: text without its marks, a hard break as a line break. */
function inlineText(node: Node): string {
	if (node instanceof Y.XmlText) return (node.toDelta() as Delta).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
	if (!(node instanceof Y.XmlElement)) return '';
	if (node.nodeName === 'hardBreak') return '\n';
	return childrenOf(node).map(inlineText).join('');
}

/** The text of a block's content, its paragraphs (a list item's, a cell's, a quote's) joined by line breaks. */
function blockText(node: Node): string {
	if (!(node instanceof Y.XmlElement)) return inlineText(node);
	const children = childrenOf(node);
	if (children.some((c) => c instanceof Y.XmlElement && c.nodeName !== 'hardBreak')) {
		return children
			.map(blockText)
			.filter((t) => t.trim())
			.join('\n');
	}
	return inlineText(node);
}

/** A list's items, nested lists flattened into items after their parent's. */
function listItems(list: Y.XmlElement): string[] {
	const items: string[] = [];
	for (const item of childrenOf(list)) {
		if (!(item instanceof Y.XmlElement)) continue;
		const own: string[] = [];
		const nested: string[] = [];
		for (const child of childrenOf(item)) {
			if (child instanceof Y.XmlElement && (child.nodeName === 'bulletList' || child.nodeName === 'orderedList')) nested.push(...listItems(child));
			else own.push(blockText(child));
		}
		const text = own.filter((t) => t.trim()).join('\n');
		if (text.trim()) items.push(text);
		items.push(...nested);
	}
	return items;
}

function blocksOfNode(node: Node, blocks: Block[]): void {
	if (node instanceof Y.XmlText) {
		const text = inlineText(node);
		if (text.trim()) blocks.push({ type: 'paragraph', text });
		return;
	}
	if (!(node instanceof Y.XmlElement)) return;
	switch (node.nodeName) {
		case 'heading': {
			const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 1)) as 1 | 2 | 3 | 4 | 5 | 6;
			const text = inlineText(node);
			if (text.trim()) blocks.push({ type: 'heading', level, text });
			return;
		}
		case 'paragraph': {
			const text = inlineText(node);
			if (text.trim()) blocks.push({ type: 'paragraph', text });
			return;
		}
		case 'bulletList':
		case 'orderedList': {
			const items = listItems(node);
			if (items.length > 0) blocks.push({ type: 'list', ordered: node.nodeName === 'orderedList', items });
			return;
		}
		case 'blockquote': {
			const text = blockText(node);
			if (text.trim()) blocks.push({ type: 'quote', text });
			return;
		}
		case 'codeBlock': {
			const text = inlineText(node);
			if (text.trim()) blocks.push({ type: 'code', text });
			return;
		}
		case 'table': {
			const rows = childrenOf(node)
				.filter((row): row is Y.XmlElement => row instanceof Y.XmlElement)
				.map((row) => childrenOf(row).map(blockText));
			if (rows.some((row) => row.some((cell) => cell.trim()))) blocks.push({ type: 'table', rows });
			return;
		}
		case 'horizontalRule':
		case 'hardBreak':
			return;
		default:
			// A node the exports do not know: its content, block by block.
			for (const child of childrenOf(node)) blocksOfNode(child, blocks);
	}
}

/** The blocks of a document's Yjs state (a full update): its TipTap fragment as plain text, empty blocks left out. */
export function blocksOfState(state: Uint8Array): Block[] {
	const doc = new Y.Doc();
	try {
		if (state.length > 0) Y.applyUpdate(doc, state);
		const blocks: Block[] = [];
		for (const node of childrenOf(doc.getXmlFragment(FRAGMENT))) blocksOfNode(node, blocks);
		return blocks;
	} finally {
		doc.destroy();
	}
}
