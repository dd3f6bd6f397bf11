// One app process's priority-round deadline sweep, for the test that runs two at once against one
// PostgreSQL database (src/lib/server/prioritisation/processes.pg.test.ts). Connects with
// DATABASE_URL, says "ready", waits for "go" on stdin so both start together, sweeps once, prints what it closed.
import { createInterface } from 'node:readline';
import { closeDatabase, database } from '../../src/lib/server/db/client';
import { closeDueRounds } from '../../src/lib/server/prioritisation/clock';

await database();
console.log('ready');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
	if (line.trim() !== 'go') continue;
	const closed = await closeDueRounds();
	console.log(JSON.stringify({ closed }));
	break;
}
lines.close();
await closeDatabase();
