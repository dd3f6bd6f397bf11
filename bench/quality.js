// Benchmark of the requirement review, kravgranskning (not a test; not for CI).
//
//   npm run bench:quality -- [--samples 300] [--warmup 50] [--write]
//
// Times `checkRequirement` (src/lib/quality) on one requirement of 20,000 characters and on a typical
// one of about 400, both built from the demo requirements' texts, in this process: the median and
// p95 of `samples` runs after `warmup` runs. The peer is write-good (an English prose linter with
// weasel-word and passive-voice checks, the closest open-source tool) over the same text in the same
// run; its findings on Swedish mean nothing, only its time is compared. Target: p95 under 50 ms for
// 20,000 characters, since the editor checks the body on every keystroke. With --write the results
// replace the quality section of docs/performance.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { register } from 'tsx/esm/api';
import writeGood from 'write-good';

const args = {};
for (let i = 2; i < process.argv.length; i++) {
	if (!process.argv[i].startsWith('--')) continue;
	const key = process.argv[i].slice(2);
	const next = process.argv[i + 1];
	args[key] = next && !next.startsWith('--') ? (i++, next) : true;
}
const samples = Math.max(200, Number(args.samples ?? 300));
const warmup = Number(args.warmup ?? 50);
const TARGET_P95_MS = 50;

register();
const { checkRequirement, checkText } = await import('../src/lib/quality/engine.ts');
const { demoRequirements } = await import('../src/lib/server/demo/requirements-data.ts');
const { decorationsFor } = await import('../src/lib/components/editor/highlights.ts');
const { getSchema } = await import('@tiptap/core');
const { default: StarterKit } = await import('@tiptap/starter-kit');
const schema = getSchema([StarterKit]);

/** The body as the editor holds it: one paragraph per demo text. */
function editorDocument(body) {
	const paragraphs = body.split(/(?<=\.) /).map((line) => schema.nodes.paragraph.create(null, line ? [schema.text(line)] : []));
	return schema.nodes.doc.create(null, paragraphs);
}

/** The demo texts one after the other until `length`, cut at a word. */
function textOf(length) {
	let text = '';
	for (let i = 0; text.length < length; i++) {
		const r = demoRequirements[i % demoRequirements.length];
		text += `${r.body} ${r.acceptance ?? ''} `.replace(/\s+/g, ' ');
	}
	const cut = text.lastIndexOf(' ', length);
	return text.slice(0, cut > 0 ? cut : length).trim();
}

function time(fn) {
	for (let i = 0; i < warmup; i++) fn();
	const times = [];
	let result;
	for (let i = 0; i < samples; i++) {
		const start = performance.now();
		result = fn();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
	const round = (ms) => Math.round(ms * 100) / 100;
	return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(times.at(-1)), n: times.length, findings: result.length };
}

const loadBefore = os.loadavg()[0].toFixed(1);
const rows = [];
for (const length of [20_000, 400]) {
	const body = textOf(length);
	const input = { title: 'Tillsyn nattetid', body, acceptanceCriteria: '', obligation: 'mandatory' };
	const label = `${body.length.toLocaleString('en')} characters`;
	rows.push({ name: `checkRequirement, ${label}`, ...time(() => checkRequirement(input)) });
	rows.push({ name: `checkText (the editor's body), ${label}`, ...time(() => checkText(body, 'body', 'mandatory')) });
	// What the editor does after every keystroke: read the document's text, check the requirement, and
	// map the body's findings to decorations (as the requirement page's highlighter does).
	const doc = editorDocument(body);
	const highlighter = (text) =>
		checkRequirement({ ...input, body: text })
			.filter((f) => f.field === 'body' && f.match !== '')
			.map((f) => ({ from: f.from, to: f.to, className: 'quality-mark' }));
	rows.push({ name: `editor keystroke: text, check and marks, ${label}`, ...time(() => decorationsFor(doc, highlighter).find()) });
	if (length === 20_000) {
		// A consortium that has just changed its words: the patterns are built again on every run.
		let n = 0;
		rows.push({
			name: `checkRequirement, ${label}, settings new each run`,
			...time(() => checkRequirement(input, { disabledRules: [], extraVagueWords: [`ord${n++}`] }))
		});
	}
	rows.push({ name: `peer: write-good, ${label}`, ...time(() => writeGood(body)) });
}

const table = [
	'| what | p50 ms | p95 ms | max ms | runs | findings | p95 < 50 ms |',
	'| --- | ---: | ---: | ---: | ---: | ---: | :---: |',
	...rows.map(
		(r) =>
			`| ${r.name} | ${r.p50} | ${r.p95} | ${r.max} | ${r.n} | ${r.findings} | ${r.name.startsWith('peer') ? '' : r.p95 < TARGET_P95_MS ? 'yes' : '**no**'} |`
	)
].join('\n');

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const section = [
	'<!-- bench:quality:start -->',
	'## Quality rules (kravgranskning)',
	'',
	`Command: \`npm run bench:quality -- --samples ${samples} --warmup ${warmup}\``,
	`(bench/quality.js; run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${cpu}, Node ${process.version};`,
	`1-minute load average ${loadBefore} before and ${os.loadavg()[0].toFixed(1)} after${Number(loadBefore) > 1.5 ? ': other work shared the machine' : ''}).`,
	'',
	'What is timed: `checkRequirement` and `checkText` (src/lib/quality) in one Node process, on a body built',
	'from the demo requirements’ texts repeated, after a warm-up; the patterns for the settings are built',
	'once and cached, except in the row where the settings change on every run. The editor row is the',
	'whole work after a keystroke on the requirement page (ProseMirror document to text, the rules, and',
	'the decorations; src/lib/components/editor/highlights.ts), on the same text as paragraphs. The peer is write-good',
	'(an English prose linter: weasel words, passive voice, wordiness) over the same text in the same run;',
	'its findings on Swedish text mean nothing, only its time is compared. Target: p95 under 50 ms for',
	'20,000 characters (the editor checks the body on every keystroke).',
	'',
	table,
	'<!-- bench:quality:end -->'
].join('\n');

console.log(`\n${section}`);

if (args.write) {
	const path = 'docs/performance.md';
	const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n';
	const pattern = /<!-- bench:quality:start -->[\s\S]*?<!-- bench:quality:end -->/;
	const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`;
	writeFileSync(path, next);
	console.log(`\nwritten to ${path}`);
}
