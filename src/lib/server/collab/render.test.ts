import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { outlineToUpdate, renderDocument, renderState, safeHref, textToUpdate } from './render';

function build(fill: (fragment: Y.XmlFragment) => void): Y.Doc {
	const doc = new Y.Doc();
	fill(doc.getXmlFragment('default'));
	return doc;
}

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attributes: Record<string, string> = {}): Y.XmlElement {
	const node = new Y.XmlElement(name);
	for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
	node.insert(0, children);
	return node;
}

describe('renderDocument', () => {
	it('renders headings, marks, links, lists and tables to text and HTML', () => {
		const doc = build((f) => {
			const marked = new Y.XmlText();
			f.insert(0, [
				element('heading', [new Y.XmlText('Title <script>')], { level: '2' }),
				element('paragraph', [marked]),
				element('bulletList', [
					element('listItem', [element('paragraph', [new Y.XmlText('one')])]),
					element('listItem', [element('paragraph', [new Y.XmlText('two')])])
				]),
				element('orderedList', [element('listItem', [element('paragraph', [new Y.XmlText('first')])])]),
				element('table', [
					element('tableRow', [
						element('tableHeader', [element('paragraph', [new Y.XmlText('A')])]),
						element('tableHeader', [element('paragraph', [new Y.XmlText('B')])])
					]),
					element('tableRow', [
						element('tableCell', [element('paragraph', [new Y.XmlText('1')])]),
						element('tableCell', [element('paragraph', [new Y.XmlText('2')])])
					])
				])
			]);
			marked.insert(0, 'bold', { bold: {} });
			marked.insert(4, ' and ', { bold: null });
			marked.insert(9, 'link', {
				link: { href: 'https://example.se/a?b=1&c="2"' }
			});
			marked.insert(13, ' and ', { link: null });
			marked.insert(18, 'bad', {
				link: { href: 'javascript:alert(1)' },
				italic: {}
			});
		});
		const { text, html } = renderDocument(doc);
		expect(text).toBe('Title <script>\nbold and link and bad\n- one\n- two\n1. first\nA\tB\n1\t2');
		expect(html).toBe(
			'<h2>Title &lt;script&gt;</h2>' +
				'<p><strong>bold</strong> and <a href="https://example.se/a?b=1&amp;c=%222%22" rel="noopener noreferrer nofollow">link</a> and <em>bad</em></p>' +
				'<ul><li><p>one</p></li><li><p>two</p></li></ul>' +
				'<ol><li><p>first</p></li></ol>' +
				'<table><tbody><tr><th><p>A</p></th><th><p>B</p></th></tr><tr><td><p>1</p></td><td><p>2</p></td></tr></tbody></table>'
		);
	});

	it('drops unknown elements’ tags but keeps their text, and attributes never reach the HTML', () => {
		const doc = build((f) =>
			f.insert(0, [
				element('iframe', [new Y.XmlText('inside')], {
					src: 'https://evil.example',
					onload: 'x()'
				})
			])
		);
		expect(renderDocument(doc)).toEqual({ text: 'inside', html: 'inside' });
	});

	it('allows only http, https and mailto links', () => {
		expect(safeHref('mailto:a@b.se')).toBe('mailto:a@b.se');
		expect(safeHref('HTTP://x.se')).toBe('http://x.se/');
		for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/relative', 'vbscript:x', ' java\nscript:x', 42]) expect(safeHref(bad)).toBeNull();
	});
});

describe('textToUpdate', () => {
	it('turns earlier plain text into one paragraph per line, escaped when rendered', () => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, textToUpdate('Rad 1\r\n\r\n  Rad <2>  \nRad 3\n'));
		expect(renderDocument(doc)).toEqual({ text: 'Rad 1\nRad <2>\nRad 3', html: '<p>Rad 1</p><p>Rad &lt;2&gt;</p><p>Rad 3</p>' });
		const empty = new Y.Doc();
		Y.applyUpdate(empty, textToUpdate('  \n '));
		expect(renderDocument(empty).text).toBe('');
	});
});

describe('outlineToUpdate', () => {
	it('writes headings, bullet lists and paragraphs as the editor holds them', () => {
		const rendered = renderState(
			outlineToUpdate('## Bakgrund\nVarför projektet behövs.\n\n### Avgränsning\n- Särskilt boende\n- Ordinärt boende\nEfter listan.')
		);
		expect(rendered.html).toBe(
			'<h2>Bakgrund</h2><p>Varför projektet behövs.</p><h3>Avgränsning</h3><ul><li><p>Särskilt boende</p></li><li><p>Ordinärt boende</p></li></ul><p>Efter listan.</p>'
		);
		expect(rendered.text).toBe('Bakgrund\nVarför projektet behövs.\nAvgränsning\n- Särskilt boende\n- Ordinärt boende\nEfter listan.');
	});
});
