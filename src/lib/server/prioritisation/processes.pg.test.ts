import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { auditLog, priorityRounds } from '../db/schema';
import { buildConsortium } from '../demo/factories';

const db = useFreshDatabase();

/** Starts a separate app process's sweep; resolves with a function that starts it and its answer. */
function sweeper(url: string): Promise<{ go: () => Promise<string[]> }> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/testing/priority-sweep.ts'], {
		env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
		stdio: ['pipe', 'pipe', 'inherit']
	});
	const lines = createInterface({ input: child.stdout });
	const next = () =>
		new Promise<string>((resolve, reject) => {
			lines.once('line', resolve);
			child.once('exit', (code) => reject(new Error(`sweep process exited with ${code}`)));
		});
	return next().then((ready) => {
		expect(ready).toBe('ready');
		return {
			go: async () => {
				const answer = next();
				child.stdin.write('go\n');
				return (JSON.parse(await answer) as { closed: string[] }).closed;
			}
		};
	});
}

// Two app processes need a database server both can reach: vite.config.ts runs `*.pg.test.ts` only on PostgreSQL.
describe('the automatic close of priority rounds with two app processes', () => {
	it('closes each round past its deadline exactly once when two processes sweep at the same moment', async () => {
		const ids = await asSystem(async (tx) => {
			const consortium = await buildConsortium(tx);
			const rows = await tx
				.insert(priorityRounds)
				.values(
					Array.from({ length: 30 }, (_, i) => ({
						consortiumId: consortium.id,
						title: `Omgång ${i + 1}`,
						status: 'open' as const,
						deadline: new Date(Date.now() - 60_000)
					}))
				)
				.returning({ id: priorityRounds.id });
			return rows.map((r) => r.id);
		});
		const [one, two] = await Promise.all([sweeper(db.url()!), sweeper(db.url()!)]);
		const [a, b] = await Promise.all([one.go(), two.go()]);
		const closed = [...a, ...b].filter((id) => ids.includes(id));
		expect(new Set(closed).size).toBe(ids.length);
		expect(closed).toHaveLength(ids.length); // none closed twice
		const rows = await asSystem((tx) => tx.select().from(priorityRounds).where(inArray(priorityRounds.id, ids)));
		expect(rows.every((r) => r.status === 'closed' && r.closedBy === null)).toBe(true);
		const audits = await asSystem((tx) =>
			tx
				.select({ entityId: auditLog.entityId })
				.from(auditLog)
				.where(sql`${auditLog.action} = 'priority_round.closed_at_deadline' and ${inArray(auditLog.entityId, ids)}`)
		);
		expect(audits).toHaveLength(ids.length);
	}, 120_000);
});
