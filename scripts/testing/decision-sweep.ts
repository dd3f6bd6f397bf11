// One app process's deadline sweep, for the test that runs two at once against one PostgreSQL
// database (src/lib/server/decisions/processes.test.ts). Connects with DATABASE_URL, says "ready",
// waits for "go" on stdin so both processes start together, runs one sweep, prints what it closed.
import { createInterface } from 'node:readline';
import { closeDatabase, database } from '../../src/lib/server/db/client';
import { closeDueItems } from '../../src/lib/server/decisions/clock';

await database();
console.log('ready');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
	if (line.trim() !== 'go') continue;
	const closed = await closeDueItems();
	console.log(JSON.stringify({ closed }));
	break;
}
lines.close();
await closeDatabase();
