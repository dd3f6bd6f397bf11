// `npm run operator:create -- --email x --name "y"`: makes a platform operator (creating the
// account when the address has none) and prints a one-time set-password link; with a password on
// stdin (`echo "…" | npm run operator:create -- --email x --name y --password-stdin`) sets it instead.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { checkPassword } from '../src/lib/server/auth/password-rules';
import { closeDatabase, database } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { config } from '../src/lib/server/config';
import { SET_PASSWORD_HOURS, ensureOperator } from '../src/lib/server/consortia/operator-account';

const usage = 'Usage: npm run operator:create -- --email <address> --name "<name>" [--password-stdin]';

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
	const { values } = parseArgs({
		options: { email: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
		strict: true
	});
	const email = z.email().safeParse(values.email?.trim().toLowerCase());
	const name = values.name?.trim() ?? '';
	if (!email.success || name.length === 0 || name.length > 200) {
		console.error(usage);
		return 2;
	}
	let password: string | undefined;
	if (values['password-stdin']) {
		password = await readStdin();
		const problem = checkPassword(password, { email: email.data });
		if (problem) {
			console.error(`Password refused (${problem}): at least 12 characters, not a common password, not the address.`);
			return 1;
		}
	}
	const handle = await database();
	await migrateDatabase(handle);
	const result = await ensureOperator({ email: email.data, name, password });
	const who = `${email.data} is ${result.created ? 'now a new' : 'now a'} platform operator`;
	if (result.token) {
		const origin = (config().ORIGIN ?? `http://localhost:${config().PORT}`).replace(/\/$/, '');
		console.log(`${who}.\nSet the password within ${SET_PASSWORD_HOURS} hours, once, at:\n\n  ${origin}/reset-password/${result.token}\n`);
	} else {
		console.log(`${who}; the password was set.`);
	}
	return 0;
}

main()
	.then(async (code) => {
		await closeDatabase();
		process.exit(code);
	})
	.catch(async (error) => {
		console.error(error instanceof Error ? error.message : error);
		await closeDatabase().catch(() => {});
		process.exit(1);
	});
