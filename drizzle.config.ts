import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; migrations are applied by scripts/db.ts and on start.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	out: './supabase/migrations',
	migrations: { prefix: 'supabase' },
	casing: undefined,
	strict: true,
	verbose: true
});
