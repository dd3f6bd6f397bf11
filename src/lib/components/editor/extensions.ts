import { Extension, type AnyExtension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { highlights, type Highlighter } from './highlights';

/** The Y.XmlFragment the server renders plain text and HTML from. */
export const FRAGMENT = 'default';

/** Keyboard shortcuts besides StarterKit's own, handled by the component. */
export interface EditorKeys {
	/** Mod-k: add or edit a link. */
	onLink: () => void;
	/** Alt-F10 or Escape: move to the toolbar. */
	onToolbar: () => void;
}

/** The component's shortcuts, and `aria-readonly` that follows `setEditable`. */
function behaviour(handlers: EditorKeys): AnyExtension {
	return Extension.create({
		name: 'samsynBehaviour',
		addProseMirrorPlugins() {
			const editor = this.editor;
			return [new Plugin({ props: { attributes: () => ({ 'aria-readonly': String(!editor.isEditable) }) } })];
		},
		addKeyboardShortcuts() {
			return {
				'Mod-k': () => {
					handlers.onLink();
					return true;
				},
				'Alt-F10': () => {
					handlers.onToolbar();
					return true;
				},
				Escape: () => {
					handlers.onToolbar();
					return true;
				}
			};
		}
	});
}

/**
 * Caret of another person: their colour and name. The name is drawn by CSS from `data-name`, so it
 * never becomes part of the text (copying, reading the text); screen readers get the presence list.
 */
function renderCaret(user: Record<string, unknown>): HTMLElement {
	const caret = document.createElement('span');
	caret.classList.add('collaboration-carets__caret');
	caret.setAttribute('aria-hidden', 'true');
	caret.style.borderColor = String(user.color);
	const label = document.createElement('span');
	label.classList.add('collaboration-carets__label');
	label.dataset.name = String(user.name ?? '');
	label.style.backgroundColor = String(user.color);
	caret.append(label);
	return caret;
}

/** The document's schema: the same in the live editor and in a read-only past version. */
function content(): AnyExtension[] {
	return [
		StarterKit.configure({
			// Collaboration brings its own undo history, per person.
			undoRedo: false,
			heading: { levels: [2, 3, 4] },
			link: {
				openOnClick: false,
				autolink: true,
				defaultProtocol: 'https',
				HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null }
			}
		}),
		TableKit.configure({ table: { resizable: false } })
	];
}

/** Extensions for a live, shared document. */
export function collaborativeExtensions(
	doc: Y.Doc,
	provider: WebsocketProvider,
	user: { name: string; colour: string },
	handlers: EditorKeys,
	highlighter: () => Highlighter | undefined = () => undefined
): AnyExtension[] {
	return [
		...content(),
		Collaboration.configure({ document: doc, field: FRAGMENT }),
		CollaborationCaret.configure({ provider, user: { name: user.name, color: user.colour }, render: renderCaret }),
		behaviour(handlers),
		highlights(highlighter)
	];
}

/** Extensions for showing a document's state without a connection (a past version). */
export function snapshotExtensions(doc: Y.Doc): AnyExtension[] {
	return [...content(), Collaboration.configure({ document: doc, field: FRAGMENT })];
}
