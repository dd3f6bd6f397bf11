import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { config } from '../config';

/*
 * Where a webhook may go. A registered URL is a request the server makes on an admin's behalf, so
 * it must not reach what only the server can reach (its own loopback, the cloud's metadata address,
 * the private network): every address the host resolves to must be public unicast, checked when
 * the webhook is registered and again before each delivery (a name can resolve elsewhere later),
 * and the delivery connects to the address that was checked, not to a second lookup's answer.
 */

/** Why a URL is refused, as the message key the admin is shown. */
export type WebhookUrlProblem = 'webhook_url_invalid' | 'webhook_url_https' | 'webhook_url_credentials' | 'webhook_url_unresolvable' | 'webhook_url_private';

export class WebhookUrlRefused extends Error {
	constructor(readonly key: WebhookUrlProblem) {
		super(key);
		this.name = 'WebhookUrlRefused';
	}
}

export interface ResolvedAddress {
	address: string;
	family: 4 | 6;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const DNS_TIMEOUT_MS = 5_000;

const systemResolver: Resolver = async (hostname) => {
	const found = await lookup(hostname, { all: true, verbatim: true });
	return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

let resolver: Resolver = systemResolver;
let allowance: boolean | null = null;

/** Resolves host names through `replacement` (tests: a name that changes its address); null goes back to the system's. */
export function setWebhookResolver(replacement: Resolver | null): void {
	resolver = replacement ?? systemResolver;
}

/** Overrides WEBHOOKS_ALLOW_PRIVATE (tests switch it on and off); null goes back to the configuration. */
export function setWebhookAllowPrivate(value: boolean | null): void {
	allowance = value;
}

/** Whether the operator lets webhooks reach non-public addresses and plain http (WEBHOOKS_ALLOW_PRIVATE=true). */
export function allowsPrivateAddresses(): boolean {
	return allowance ?? config().WEBHOOKS_ALLOW_PRIVATE === 'true';
}

/**
 * Whether an address is public unicast. IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4
 * address it carries; everything ipaddr.js classes as anything but `unicast` (private, loopback,
 * link-local, unique-local, carrier-grade NAT, multicast, unspecified, broadcast, reserved,
 * documentation, NAT64 and other translation prefixes) is not.
 */
export function isPublicAddress(address: string): boolean {
	if (!ipaddr.isValid(address)) return false;
	return ipaddr.process(address).range() === 'unicast';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('DNS lookup timed out')), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The URL as the server will call it, or the refusal: a well-formed https URL without credentials. */
export function parseWebhookUrl(raw: string, allowPrivate = allowsPrivateAddresses()): URL {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		throw new WebhookUrlRefused('webhook_url_invalid');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookUrlRefused('webhook_url_invalid');
	if (!url.hostname) throw new WebhookUrlRefused('webhook_url_invalid');
	if (url.protocol === 'http:' && !allowPrivate) throw new WebhookUrlRefused('webhook_url_https');
	if (url.username || url.password) throw new WebhookUrlRefused('webhook_url_credentials');
	url.hash = '';
	return url;
}

/**
 * Checks a webhook URL and resolves its host: the URL and the addresses to connect to, or a
 * `WebhookUrlRefused`. Every address must be public unless the operator allows private ones.
 */
export async function resolveWebhookUrl(raw: string, allowPrivate = allowsPrivateAddresses()): Promise<{ url: URL; addresses: ResolvedAddress[] }> {
	const url = parseWebhookUrl(raw, allowPrivate);
	// An IPv6 literal comes in brackets; the resolver takes it bare (and returns it as it is).
	const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
	let addresses: ResolvedAddress[];
	try {
		addresses = await withTimeout(resolver(host), DNS_TIMEOUT_MS);
	} catch {
		throw new WebhookUrlRefused('webhook_url_unresolvable');
	}
	if (addresses.length === 0) throw new WebhookUrlRefused('webhook_url_unresolvable');
	if (!allowPrivate && !addresses.every((a) => isPublicAddress(a.address))) throw new WebhookUrlRefused('webhook_url_private');
	return { url, addresses };
}
