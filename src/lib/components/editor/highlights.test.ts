import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { decorationsFor, plainText, positionOf } from './highlights';

const schema = getSchema([StarterKit]);
const text = (t: string, bold = false) => schema.text(t, bold ? [schema.marks.bold!.create()] : []);
const paragraph = (...content: ReturnType<typeof text>[]) => schema.nodes.paragraph!.create(null, content);

/** "Systemet ska vara **snabbt** och enkelt." / (hard break) / "Andra stycket." */
const doc = schema.nodes.doc!.create(null, [
	paragraph(text('Systemet ska vara '), text('snabbt', true), text(' och enkelt.')),
	schema.nodes.paragraph!.create(null, [text('Rad ett'), schema.nodes.hardBreak!.create(), text('rad två')]),
	paragraph(text('Andra stycket.'))
]);

describe('marks drawn over the plain text of a document', () => {
	it('reads the text as the server renders it: one line per block, a hard break as a line break', () => {
		expect(plainText(doc).text).toBe('Systemet ska vara snabbt och enkelt.\nRad ett\nrad två\nAndra stycket.');
	});

	it('puts each range over exactly its words, across marks and blocks', () => {
		const plain = plainText(doc).text;
		const ranges = ['snabbt', 'vara snabbt och', 'enkelt', 'rad två', 'Andra'].map((words) => ({
			from: plain.indexOf(words),
			to: plain.indexOf(words) + words.length,
			className: 'x'
		}));
		const set = decorationsFor(doc, () => ranges);
		const drawn = set.find().map((d) => doc.textBetween(d.from, d.to));
		expect(drawn.sort()).toEqual(['Andra', 'enkelt', 'rad två', 'snabbt', 'vara snabbt och'].sort());
	});

	it('never draws outside the text, whatever the ranges say', () => {
		const plain = plainText(doc).text;
		const ranges = [
			{ from: -5, to: 3, className: 'x' },
			{ from: plain.length - 2, to: plain.length + 40, className: 'x' },
			{ from: 10, to: 10, className: 'x' },
			{ from: 12, to: 4, className: 'x' }
		];
		const set = decorationsFor(doc, () => ranges);
		for (const d of set.find()) {
			expect(d.from).toBeGreaterThanOrEqual(0);
			expect(d.to).toBeLessThanOrEqual(doc.content.size);
			expect(d.to).toBeGreaterThan(d.from);
		}
		expect(set.find().map((d) => doc.textBetween(d.from, d.to))).toEqual(['Sys', 't.']);
	});

	it('moves a start on a line break to the next line and keeps an end before it', () => {
		const { segments, text: plain } = plainText(doc);
		const lineBreak = plain.indexOf('\n');
		expect(positionOf(segments, lineBreak, false)).toBe(positionOf(segments, lineBreak + 1, false));
		expect(doc.textBetween(positionOf(segments, 0, false)!, positionOf(segments, lineBreak, true)!)).toBe('Systemet ska vara snabbt och enkelt.');
		expect(positionOf([], 0, false)).toBeNull();
	});
});
