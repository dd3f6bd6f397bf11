// `npm run db:migrate` and `npm run db:seed [-- --force]` against DATABASE_URL or the embedded database.
import { closeDatabase, database } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { isDatabaseEmpty, printDemoSignIns, seedDemo } from '../src/lib/server/demo/seed';

const [command] = process.argv.slice(2);
const force = process.argv.includes('--force');

async function main(): Promise<number> {
	const handle = await database();
	const where = handle.kind === 'pglite' ? 'the embedded database' : 'DATABASE_URL';
	if (command === 'migrate') {
		await migrateDatabase(handle);
		console.log(`Migrations applied to ${where}.`);
		return 0;
	}
	if (command === 'seed') {
		await migrateDatabase(handle);
		if (!(await isDatabaseEmpty()) && !force) {
			console.error(`Refusing to seed: ${where} already holds data. Add --force to add the demo data anyway.`);
			return 1;
		}
		await seedDemo();
		printDemoSignIns();
		return 0;
	}
	console.error('Usage: tsx scripts/db.ts migrate | seed [--force]');
	return 2;
}

main()
	.then(async (code) => {
		await closeDatabase();
		process.exit(code);
	})
	.catch(async (error) => {
		console.error(error instanceof Error ? `${error.message}${error.cause ? `\n${String(error.cause)}` : ''}` : error);
		await closeDatabase().catch(() => {});
		process.exit(1);
	});
