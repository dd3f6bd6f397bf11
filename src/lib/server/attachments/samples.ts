import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { Resvg } from '@resvg/resvg-js';

/*
 * Small real files of each kind, for the demo and the tests: a PDF with a title and lines of text,
 * and a PNG picture. Real files, so a demo download opens in a viewer.
 */

const nodeRequire = createRequire(import.meta.url);

/** A one-page PDF with a title and some lines (DejaVu Sans embedded, so å, ä and ö print). */
export async function samplePdf(title: string, lines: string[]): Promise<Uint8Array> {
	const font = nodeRequire.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
	const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Creator: 'Samsyn' }, font });
	const parts: Buffer[] = [];
	pdf.on('data', (part: Buffer) => parts.push(part));
	const done = new Promise<void>((resolve) => pdf.on('end', resolve));
	pdf.fontSize(18).text(title);
	pdf.moveDown();
	pdf.fontSize(11);
	for (const line of lines) pdf.text(line).moveDown(0.5);
	pdf.end();
	await done;
	return Buffer.concat(parts);
}

/** A PNG picture: coloured boxes with an arrow between them (no text, so no font is needed). */
export function samplePng(width = 480, height = 240): Uint8Array {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 480 240">
		<rect width="480" height="240" fill="#f4f6f8"/>
		<rect x="32" y="80" width="160" height="80" rx="8" fill="#1f5f8b"/>
		<rect x="288" y="80" width="160" height="80" rx="8" fill="#2e7d4f"/>
		<path d="M200 120 H272 M256 108 L272 120 L256 132" stroke="#333" stroke-width="6" fill="none"/>
	</svg>`;
	return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}

/** A stream of the bytes, in pieces as a browser's upload arrives. */
export function streamOf(bytes: Uint8Array, pieceBytes = 64 * 1024): ReadableStream<Uint8Array> {
	return new ReadableStream<Uint8Array>({
		start(controller) {
			for (let i = 0; i < bytes.byteLength; i += pieceBytes) controller.enqueue(bytes.subarray(i, i + pieceBytes));
			controller.close();
		}
	});
}
