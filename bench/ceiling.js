// What a list page could reach with no database work at all (not a test; not for CI).
//
//   npm run bench:ceiling -- [--database pglite|postgres|both] [--duration 15] [--rounds 1]
//
// Builds a throw-away worktree of HEAD with bench/ceiling.patch applied: the session check, the
// person's actor, the shell and the requirements list's rows are read once and then kept in memory
// for the life of the process (src/lib/server/bench-memo.ts in the patch), so after the warm-up the
// list page is served without a single statement to the database. Then it runs bench:pages on the
// sign-in page (the peer) and the requirements list, first for this checkout's build (run
// `npm run build` first), then for the patched one. The patched list page's ratio to the sign-in
// page is the ceiling of any cache of data across requests: what is left is SvelteKit rendering
// and serialising the page.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const here = resolve('.');
if (!existsSync(join(here, 'build/handler.js'))) {
	console.error('No production build here: run npm run build first.');
	process.exit(1);
}
const passed = process.argv.slice(2);
const worktree = join(mkdtempSync(join(tmpdir(), 'samsyn-ceiling-')), 'app');

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
}

try {
	run('git', ['worktree', 'add', '--detach', '--quiet', worktree, 'HEAD'], here);
	run('git', ['apply', join(here, 'bench/ceiling.patch')], worktree);
	symlinkSync(join(here, 'node_modules'), join(worktree, 'node_modules'), 'dir');
	console.log(`building the patched worktree in ${worktree} …`);
	run('npx', ['svelte-kit', 'sync'], worktree);
	spawnSync('npm', ['run', 'build'], { cwd: worktree, stdio: 'ignore' });
	if (!existsSync(join(worktree, 'build/handler.js'))) throw new Error('the patched worktree did not build');
	for (const [label, app] of [
		['this checkout', here],
		['no database work (bench/ceiling.patch)', worktree]
	]) {
		console.log(`\n=== ${label}`);
		run(process.execPath, ['bench/pages.js', '--app', app, '--pages', 'requirements list', ...passed], here);
	}
} finally {
	spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: here, stdio: 'ignore' });
	rmSync(join(worktree, '..'), { recursive: true, force: true });
}
