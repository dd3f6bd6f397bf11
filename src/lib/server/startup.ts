import { config } from './config';
import { closeDatabase, database } from './db/client';
import { migrateDatabase } from './db/migrate';
import { asSystem } from './db/request';
import { log } from './log';

let ready: Promise<void> | undefined;

/**
 * Prepares the database once per process: the embedded default is migrated and, when empty,
 * filled with demo data; a DATABASE_URL database is migrated only with MIGRATE_ON_START=true
 * (production deploys run `npm run db:migrate` as a step of their own).
 */
export function prepareDatabase(): Promise<void> {
	ready ??= (async () => {
		const settings = config();
		const handle = await database();
		const migrate = settings.MIGRATE_ON_START ? settings.MIGRATE_ON_START === 'true' : settings.embedded;
		if (migrate) {
			await migrateDatabase(handle);
			log.info({ database: handle.kind }, 'database migrated');
		}
		if (migrate) {
			// Requirements written before the quality rules (or under older rules) are checked once.
			const { refreshAllQuality } = await import('./quality/refresh');
			const checked = await asSystem(refreshAllQuality);
			if (checked > 0) log.info({ checked }, 'requirement quality checked');
		}
		const seed = settings.SEED_DEMO ? settings.SEED_DEMO === 'true' : settings.embedded;
		if (seed) {
			const { seedDemoIfEmpty } = await import('./demo/seed');
			await seedDemoIfEmpty();
		}
	})();
	return ready;
}

/**
 * Makes the server's shutdown close the database last: steps registered later (the co-editing
 * server saves what is pending) run first and still have it. Without it the connections outlive
 * the process's last query and a database dropped under them takes the process down mid-exit.
 */
export function closeDatabaseOnShutdown(): void {
	const holder = globalThis as { __samsynShutdown?: () => Promise<void>; __samsynDatabaseShutdown?: boolean };
	if (holder.__samsynDatabaseShutdown) return;
	holder.__samsynDatabaseShutdown = true;
	const previous = holder.__samsynShutdown;
	holder.__samsynShutdown = async () => {
		await previous?.();
		await closeDatabase();
	};
}
