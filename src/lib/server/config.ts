import { z } from 'zod';

const Environment = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
		.optional(),
	/** A session-mode connection for LISTEN when DATABASE_URL goes through a transaction pooler. */
	DATABASE_LISTEN_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//)
		.optional(),
	PGLITE_DIR: z.string().min(1).default('.data/pglite'),
	MIGRATE_ON_START: z.enum(['true', 'false']).optional(),
	SEED_DEMO: z.enum(['true', 'false']).optional(),
	/** Browser tests only: also seed the small fixture consortia their journeys need. */
	SEED_E2E_FIXTURES: z.enum(['true', 'false']).optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	SMTP_URL: z.string().optional(),
	MAIL_FROM: z.string().default('Samsyn <no-reply@samsyn.local>'),
	/** Shows /dev/mail in a production build without SMTP_URL (the browser tests use it). */
	SHOW_DEV_MAIL: z.enum(['true', 'false']).optional(),
	/**
	 * Lets webhooks reach private, loopback, link-local and other non-public addresses, and plain
	 * http: for a receiver inside a closed network, and for tests. Off by default.
	 */
	WEBHOOKS_ALLOW_PRIVATE: z.enum(['true', 'false']).optional(),
	/** Largest attachment accepted, in bytes (25 MB by default). */
	ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().default(25_000_000),
	/** With a service role key, attachments are stored in Supabase Storage instead of PostgreSQL. */
	SUPABASE_URL: z.url().optional(),
	SUPABASE_SERVICE_ROLE_KEY: z.string().min(1).optional(),
	/** The private bucket attachments go to in Supabase Storage. */
	SUPABASE_STORAGE_BUCKET: z
		.string()
		.regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'must be a bucket name')
		.default('attachments'),
	ORIGIN: z.string().optional(),
	PORT: z.coerce.number().int().positive().default(3000)
});

export type Config = z.infer<typeof Environment> & { embedded: boolean; production: boolean };

let cached: Config | undefined;

/** The validated environment; a bad value stops the process with a message naming the variable. */
export function config(): Config {
	if (cached) return cached;
	const parsed = Environment.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== '')));
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid environment: ${problems}`);
	}
	cached = {
		...parsed.data,
		embedded: !parsed.data.DATABASE_URL,
		production: parsed.data.NODE_ENV === 'production'
	};
	return cached;
}
