import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes). @node-rs/argon2 runs on libuv's thread pool,
// so hashing never blocks the event loop that also carries WebSockets and SSE.
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

/**
 * An argon2id hash of the password, in PHC string form. Passwords are NFKC-normalised first
 * (NIST SP 800-63B 5.1.1.2), so "é" typed as one or two code points is the same password.
 */
export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFKC'), options);
}

/** Whether the password matches the stored hash. */
export async function verifyPasswordHash(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password.normalize('NFKC'));
	} catch {
		return false;
	}
}
