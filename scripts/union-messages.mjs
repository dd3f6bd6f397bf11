// Resolves a merge/rebase conflict in messages/*.json by keeping every key from both sides.
// Usage (during a conflicted merge or rebase): node scripts/union-messages.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

for (const file of ['messages/sv.json', 'messages/en.json']) {
	const stage = (n) => {
		try {
			return JSON.parse(execFileSync('git', ['show', `:${n}:${file}`], { encoding: 'utf8' }));
		} catch {
			return null;
		}
	};
	const ours = stage(2);
	const theirs = stage(3);
	if (!ours || !theirs) continue; // not conflicted
	const merged = { ...ours };
	for (const [key, value] of Object.entries(theirs)) if (!(key in merged)) merged[key] = value;
	writeFileSync(file, `${JSON.stringify(merged, null, '\t')}\n`);
	execFileSync('git', ['add', file]);
	console.log(`${file}: ${Object.keys(merged).length} keys`);
}
