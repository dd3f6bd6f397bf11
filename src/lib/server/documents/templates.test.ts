import { describe, expect, it } from 'vitest';
import { documentKinds } from '../../enums';
import { renderState } from '../collab/render';
import { builtInTemplates, templateUpdate } from './templates';

describe('built-in document templates', () => {
	it('has a Swedish and an English template for every kind, with the same sections in both', () => {
		for (const kind of documentKinds) {
			const { sv, en } = builtInTemplates[kind];
			const headings = (html: string) => html.match(/<h2>/g)?.length ?? 0;
			const [svHtml, enHtml] = [renderState(templateUpdate(sv)).html, renderState(templateUpdate(en)).html];
			expect(headings(svHtml), kind).toBeGreaterThan(0);
			expect(headings(svHtml), kind).toBe(headings(enHtml));
			expect(sv.title).not.toBe('');
			expect(en.title).not.toBe(sv.title);
		}
	});

	it('begins a project directive with the parts the procurement guide names', () => {
		const { html } = renderState(templateUpdate(builtInTemplates.project_directive.sv));
		for (const part of ['Bakgrund och förutsättningar', 'Avgränsning', 'Intressenter', 'Finansiering och budget']) expect(html).toContain(`<h2>${part}</h2>`);
		expect(html).toContain('<li><p>Kärnintressenter: de med beslutande och drivande roller</p></li>');
	});
});
