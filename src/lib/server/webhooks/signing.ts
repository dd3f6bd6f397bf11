import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new webhook secret: 32 random bytes, as the receiver stores it. */
export function generateWebhookSecret(): string {
	return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The `X-Samsyn-Signature` value: `sha256=` and the hex HMAC-SHA256 of `<timestamp>.<body>` with the secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does with a delivery (and the tests do): recompute the signature and compare in constant time. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
	const expected = Buffer.from(signWebhook(secret, timestamp, body));
	const given = Buffer.from(signature);
	return expected.length === given.length && timingSafeEqual(expected, given);
}
