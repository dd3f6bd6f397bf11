import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { client, eventually, synced } from './testing';

// kill -9 and restart: the real collaboration endpoint in its own process (bench/collab-server.ts)
// on an embedded database directory. Nothing a client has received from the server may be lost.

const dataDir = mkdtempSync(join(tmpdir(), 'samsyn-collab-restart-'));
const children: ChildProcess[] = [];
afterAll(() => {
	for (const child of children) child.kill('SIGKILL');
	rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
	child: ChildProcess;
	port: number;
	token?: string;
	documents?: string[];
}

function startServer(env: Record<string, string>): Promise<Started> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'bench/collab-server.ts'], {
		env: {
			...process.env,
			PGLITE_DIR: dataDir,
			LOG_LEVEL: 'warn',
			VITEST: '',
			DATABASE_URL: '',
			...env
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	children.push(child);
	return new Promise((resolve, reject) => {
		const lines = createInterface({ input: child.stdout! });
		lines.on('line', (line) => {
			if (line.startsWith('{')) resolve({ child, ...JSON.parse(line) });
		});
		child.once('exit', (code) => reject(new Error(`collab server exited with ${code}`)));
	});
}

const content = (doc: Y.Doc) => doc.getXmlFragment('default').toString();

describe('collab server killed with SIGKILL', () => {
	it('loses no update any client received, and writers’ own edits merge after reconnect', { timeout: 90_000 }, async () => {
		const first = await startServer({
			COLLAB_FIXTURES: '1',
			COLLAB_PORT: '0'
		});
		const document = first.documents![0]!;
		const url = `ws://127.0.0.1:${first.port}/collab`;
		const headers = {
			cookie: `samsyn_session=${first.token}`,
			origin: `http://127.0.0.1:${first.port}`
		};

		const writers = [client(url, document, headers), client(url, document, headers), client(url, document, headers)];
		const reader = client(url, document, headers);
		await Promise.all([...writers, reader].map((c) => synced(c.provider)));

		let typing = true;
		const typed = writers.map(async (w, i) => {
			for (let n = 0; typing; n++) {
				const p = new Y.XmlElement('paragraph');
				p.insert(0, [new Y.XmlText(`w${i}-${n}`)]);
				w.doc.getXmlFragment('default').push([p]);
				await new Promise((r) => setTimeout(r, 3));
			}
		});
		await eventually(() => reader.doc.getXmlFragment('default').length > 150, 30_000);
		first.child.kill('SIGKILL');
		// What the reader holds now is exactly what the server had sent before it died.
		const received = Y.encodeStateAsUpdate(reader.doc);
		const receivedText = content(reader.doc);
		reader.provider.destroy();
		await new Promise((r) => setTimeout(r, 50));
		typing = false;
		await Promise.all(typed);

		await startServer({ COLLAB_PORT: String(first.port) });
		const fresh = client(url, document, headers);
		await synced(fresh.provider);
		// Applying what the reader received to what the server loaded changes nothing: nothing is missing.
		const check = new Y.Doc();
		Y.applyUpdate(check, Y.encodeStateAsUpdate(fresh.doc));
		const loadedText = content(check);
		Y.applyUpdate(check, received);
		expect(content(check)).toBe(loadedText);
		expect(loadedText.length).toBeGreaterThanOrEqual(receivedText.length);

		// The writers reconnect by themselves and resend what the dead server never saved.
		await eventually(() => writers.every((w) => w.provider.synced && w.provider.wsconnected), 30_000);
		await eventually(() => new Set([...writers, fresh].map((c) => content(c.doc))).size === 1, 30_000);
		expect(content(fresh.doc)).toBe(content(writers[0]!.doc));
		for (const c of [...writers, fresh]) c.provider.destroy();
	});
});
