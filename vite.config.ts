import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin, ViteDevServer } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * SvelteKit has no WebSocket support of its own: in development this attaches the same upgrade
 * handler that `server/index.js` attaches in production, loaded through Vite so it shares the
 * app's modules (and so its single database client).
 */
function samsynWebSockets(): Plugin {
	return {
		name: 'samsyn-websockets',
		configureServer(server: ViteDevServer) {
			server.httpServer?.on('upgrade', async (req, socket, head) => {
				const path = req.url ?? '';
				if (!path.startsWith('/collab/')) return; // Vite's own HMR socket
				try {
					const collab = await server.ssrLoadModule('/src/lib/server/collab/server.ts');
					collab.registerCollab();
					const mod = await server.ssrLoadModule('/src/lib/server/realtime/upgrade.ts');
					mod.handleUpgrade(req, socket, head);
				} catch (error) {
					server.config.logger.error(`websocket upgrade failed: ${String(error)}`);
					socket.destroy();
				}
			});
		}
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale']
		}),
		sveltekit(),
		samsynWebSockets()
	],
	server: { port: 5173 },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.test.ts'],
					// `*.pg.test.ts` need a database server that several processes reach: they run when the
					// suite runs on PostgreSQL (TEST_DATABASE_URL; CI runs the suite on both databases).
					exclude: ['src/**/*.svelte.test.ts', ...(process.env.TEST_DATABASE_URL ? [] : ['src/**/*.pg.test.ts'])],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
