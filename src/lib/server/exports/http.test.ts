import { describe, expect, it } from 'vitest';
import { contentDisposition, exportResponse } from './http';
import { sampleSpec } from './fixtures';

describe('downloads', () => {
	it('name the file in ASCII for old clients and exactly, in UTF-8, for the rest (RFC 5987)', () => {
		expect(contentDisposition('Kravspecifikation 1.0 – Östergötland.docx')).toBe(
			`attachment; filename="Kravspecifikation 1.0 _ Ostergotland.docx"; filename*=UTF-8''Kravspecifikation%201.0%20%E2%80%93%20%C3%96sterg%C3%B6tland.docx`
		);
		expect(contentDisposition(`a"b\\c'(d).csv`)).toBe(`attachment; filename="a_b_c'(d).csv"; filename*=UTF-8''a%22b%5Cc%27%28d%29.csv`);
	});

	it('answer each format with its content type and a private, uncached body', async () => {
		const spec = sampleSpec({ name: 'Kravspecifikation 1.0' });
		const expected = {
			docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			csv: 'text/csv; charset=utf-8',
			reqif: 'application/xml; charset=utf-8'
		} as const;
		for (const [format, type] of Object.entries(expected) as [keyof typeof expected, string][]) {
			const response = await exportResponse(spec, format, 'sv', 'c0ffee00-0000-4000-8000-000000000000');
			expect(response.headers.get('content-type')).toBe(type);
			expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''Kravspecifikation%201.0.${format}`);
			expect(response.headers.get('cache-control')).toBe('private, no-store');
			expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
		}
	});
});
