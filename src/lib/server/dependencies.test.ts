import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Every bare import resolves to a package that package.json declares: not to one that merely happens
 * to be installed because something else depends on it. App code (what runs in the server or the
 * browser) imports `dependencies`; tests, test helpers, benchmarks, scripts and build configuration
 * may also import `devDependencies`.
 */

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

// The framework itself: Vite compiles it into build/ (adapter-node leaves only `dependencies` external),
// and SvelteKit's own template declares it under devDependencies.
const compiledIntoTheBuild = new Set(['@sveltejs/kit', 'svelte']);

const roots = ['src', 'server', 'scripts', 'bench', 'tests'];
const generated = ['src/lib/paraglide'];

function sourceFiles(): string[] {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'node_modules' && !generated.includes(path)) walk(path);
			} else if (/\.(ts|js|mjs|cjs|svelte)$/.test(entry.name)) {
				files.push(path);
			}
		}
	};
	roots.forEach(walk);
	for (const entry of readdirSync('.')) if (/\.config\.(ts|js|mjs|cjs)$/.test(entry)) files.push(entry);
	return files;
}

/** Test code, tooling and build configuration, which may use devDependencies. */
const isTooling = (file: string) =>
	/\.test\.ts$/.test(file) ||
	/^(tests|bench|scripts)\//.test(file) ||
	/\.config\.(ts|js|mjs|cjs)$/.test(file) ||
	file.startsWith('src/lib/server/testing/') ||
	file.endsWith('/testing.ts');

const IMPORT =
	/(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The packages a file imports by bare name (not relative paths, `$lib`-style aliases or Node's own modules). */
function packagesImportedBy(text: string): string[] {
	const names = new Set<string>();
	for (const match of text.matchAll(IMPORT)) {
		const specifier = match[1] ?? match[2] ?? match[3]!;
		if (/^(\.|\/|\$|node:|virtual:)/.test(specifier)) continue;
		const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
		if (!builtinModules.includes(name)) names.add(name);
	}
	return [...names];
}

describe('declared dependencies', () => {
	it('reads bare imports, and only those', () => {
		const text = `import { z } from 'zod';\nimport type { Page } from '@playwright/test';\nexport { x } from './local';\nimport '$lib/x';
			const a = await import('drizzle-orm/pg-core'); import { readFileSync } from 'node:fs'; import http from 'http';
			import {\n\ta,\n\tb\n} from 'yjs';\nconst y = require('lib0/encoding');\n// importing from 'nothing' is prose`;
		expect(packagesImportedBy(text).sort()).toEqual(['@playwright/test', 'drizzle-orm', 'lib0', 'yjs', 'zod']);
	});

	it('declares every package the code imports, and app code imports no devDependency', () => {
		const undeclared: string[] = [];
		const devOnlyInApp: string[] = [];
		for (const file of sourceFiles()) {
			for (const name of packagesImportedBy(readFileSync(file, 'utf8'))) {
				if (manifest.dependencies[name]) continue;
				if (!manifest.devDependencies[name]) undeclared.push(`${file}: ${name}`);
				else if (!isTooling(file) && !compiledIntoTheBuild.has(name)) devOnlyInApp.push(`${file}: ${name}`);
			}
		}
		expect(undeclared).toEqual([]);
		expect(devOnlyInApp).toEqual([]);
	});
});
