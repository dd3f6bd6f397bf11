import { describe, expect, it } from 'vitest';
import { documentKinds } from '../../enums';
import { renderState } from '../collab/render';
import { BASELINE_MARKER, builtInTemplates, splitOutline, templateUpdates } from './templates';

describe('built-in document templates', () => {
	it('has a Swedish and an English template for every kind, with the same sections in both', () => {
		for (const kind of documentKinds) {
			const { sv, en } = builtInTemplates[kind];
			const headings = (html: string) => html.match(/<h2>/g)?.length ?? 0;
			const html = (t: typeof sv) =>
				renderState(templateUpdates(t).body).html + (templateUpdates(t).closing ? renderState(templateUpdates(t).closing!).html : '');
			const [svHtml, enHtml] = [html(sv), html(en)];
			expect(headings(svHtml), kind).toBeGreaterThan(0);
			expect(headings(svHtml), kind).toBe(headings(enHtml));
			expect(sv.title).not.toBe('');
			expect(en.title).not.toBe(sv.title);
		}
	});

	it('begins a project directive with the parts the procurement guide names', () => {
		const { html } = renderState(templateUpdates(builtInTemplates.project_directive.sv).body);
		for (const part of ['Bakgrund och förutsättningar', 'Avgränsning', 'Intressenter', 'Finansiering och budget']) expect(html).toContain(`<h2>${part}</h2>`);
		expect(html).toContain('<li><p>Kärnintressenter: de med beslutande och drivande roller</p></li>');
	});

	it('splits a kravspecifikation at its baseline marker: the requirements go between its Krav section and the rest', () => {
		for (const locale of ['sv', 'en'] as const) {
			const template = builtInTemplates.requirement_specification[locale];
			expect(template.outline).toContain(BASELINE_MARKER);
			const { body, closing } = templateUpdates(template);
			const [before, after] = [renderState(body).text, renderState(closing!).text];
			expect(before).toContain(locale === 'sv' ? 'Krav' : 'Requirements');
			expect(before).not.toContain(BASELINE_MARKER);
			expect(after).toContain(locale === 'sv' ? 'Data och integrationer' : 'Data and integrations');
			expect(after).not.toContain(BASELINE_MARKER);
		}
		expect(splitOutline('## A\ntext')).toEqual({ body: '## A\ntext', closing: '' });
		expect(templateUpdates(builtInTemplates.project_directive.sv).closing).toBeNull();
	});
});
