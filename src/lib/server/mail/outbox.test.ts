import { afterEach, describe, expect, it } from 'vitest';
import { eq, like, sql } from 'drizzle-orm';
import { firstRow } from '../db/rows';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { mailOutbox } from '../db/schema';
import { buildUser } from '../demo/factories';
import { deliverMailBatch, deliverPendingMail, enqueueMail, setMailTransport, type MailTransport } from './outbox';

useFreshDatabase();

const mail = (to: string) => ({ to, subject: 'Inbjudan', text: 'Länk', locale: 'sv' as const });

describe('mail outbox', () => {
	it('queues mail in a request transaction only when that transaction commits', async () => {
		const user = await asSystem((tx) => buildUser(tx));
		await expect(
			withUser(user, async (tx) => {
				await enqueueMail(tx, mail('rolled-back@samsyn.test'));
				throw new Error('abort');
			})
		).rejects.toThrow('abort');
		await withUser(user, (tx) => enqueueMail(tx, mail('committed@samsyn.test')));
		const rows = await asSystem((tx) => tx.select().from(mailOutbox));
		expect(rows.map((r) => r.toEmail)).toContain('committed@samsyn.test');
		expect(rows.map((r) => r.toEmail)).not.toContain('rolled-back@samsyn.test');
	});

	it('refuses a request (role authenticated, as Supabase’s Data API runs) that reads, adds, marks or deletes outbox rows itself', async () => {
		const user = await asSystem((tx) => buildUser(tx));
		await asSystem((tx) => enqueueMail(tx, mail('someone@samsyn.test')));
		await expect(withUser(user, (tx) => tx.select().from(mailOutbox))).rejects.toThrow();
		await expect(withUser(user, (tx) => tx.update(mailOutbox).set({ subject: 'x' }).where(eq(mailOutbox.toEmail, 'someone@samsyn.test')))).rejects.toThrow();
		await expect(withUser(user, (tx) => tx.delete(mailOutbox).where(eq(mailOutbox.toEmail, 'someone@samsyn.test')))).rejects.toThrow();
		const [row] = await asSystem((tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, 'someone@samsyn.test')));
		expect(row?.subject).toBe('Inbjudan');
		await expect(
			withUser(user, (tx) => tx.insert(mailOutbox).values({ toEmail: 'forged@samsyn.test', subject: 'Ditt konto', bodyText: 'Klicka här' }))
		).rejects.toThrow();
		await expect(
			withUser(user, (tx) => tx.execute(sql`insert into mail_outbox (to_email, subject, body_text) values ('forged@samsyn.test', 's', 'b')`))
		).rejects.toThrow();
		expect(await asSystem((tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, 'forged@samsyn.test')))).toEqual([]);
	});

	it('queues through enqueueMail from a request transaction, which stays the user’s afterwards', async () => {
		const user = await asSystem((tx) => buildUser(tx));
		const role = await withUser(user, async (tx) => {
			await enqueueMail(tx, mail('queued-as-request@samsyn.test'));
			return firstRow<{ role: string }>(await tx.execute(sql`select current_user as role`))?.role;
		});
		expect(role).toBe('authenticated');
		const rows = await asSystem((tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, 'queued-as-request@samsyn.test')));
		expect(rows).toHaveLength(1);
	});
});

/** A transport that takes its time over each mail, as SMTP can, and records every mail it sends. */
function slowTransport(ms: number) {
	const sent: string[] = [];
	const transport: MailTransport = {
		async sendMail(message) {
			await new Promise((resolve) => setTimeout(resolve, ms));
			sent.push(message.to);
		}
	};
	return { transport, sent };
}

describe('mail delivery', () => {
	afterEach(() => setMailTransport(null));

	async function queue(prefix: string, count: number): Promise<string[]> {
		const addresses = Array.from({ length: count }, (_, i) => `${prefix}-${i}@samsyn.test`);
		await asSystem(async (tx) => {
			for (const to of addresses) await enqueueMail(tx, mail(to));
		});
		return addresses;
	}

	it('sends each mail once when a sweep starts during a slow batch', async () => {
		const { transport, sent } = slowTransport(40);
		setMailTransport(transport);
		const addresses = await queue('sweep', 5);
		// the scheduled delivery (50 ms after queueing) and two sweeps overlap the first slow batch
		await Promise.all([deliverPendingMail(), deliverPendingMail()]);
		await deliverPendingMail();
		expect(sent.filter((to) => to.startsWith('sweep-')).sort()).toEqual(addresses);
		expect(new Set(sent).size).toBe(sent.length);
	});

	it('sends each mail once when several processes deliver at the same time', async () => {
		const { transport, sent } = slowTransport(40);
		setMailTransport(transport);
		const addresses = await queue('process', 6);
		// each call is what one process runs; on PostgreSQL they use separate connections
		await Promise.all([deliverMailBatch(), deliverMailBatch(), deliverMailBatch()]);
		await deliverPendingMail();
		expect(sent.filter((to) => to.startsWith('process-')).sort()).toEqual(addresses);
		expect(new Set(sent).size).toBe(sent.length);
		const rows = await asSystem((tx) => tx.select().from(mailOutbox).where(like(mailOutbox.toEmail, 'process-%')));
		expect(rows.every((r) => r.sentAt !== null && r.attempts === 1)).toBe(true);
	});
});

describe('claims of a process that died', () => {
	afterEach(() => setMailTransport(null));

	it('sends a mail whose claim is older than the lease, and leaves a freshly claimed one to its process', async () => {
		const sent: string[] = [];
		setMailTransport({ sendMail: async (message) => sent.push(message.to) });
		await asSystem(async (tx) => {
			await enqueueMail(tx, mail('abandoned@samsyn.test'));
			await enqueueMail(tx, mail('in-flight@samsyn.test'));
			await tx
				.update(mailOutbox)
				.set({ claimedAt: new Date(Date.now() - 20 * 60_000) })
				.where(eq(mailOutbox.toEmail, 'abandoned@samsyn.test'));
			await tx
				.update(mailOutbox)
				.set({ claimedAt: new Date(Date.now() - 60_000) })
				.where(eq(mailOutbox.toEmail, 'in-flight@samsyn.test'));
		});
		await deliverPendingMail();
		expect(sent).toContain('abandoned@samsyn.test');
		expect(sent).not.toContain('in-flight@samsyn.test');
		const [row] = await asSystem((tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, 'abandoned@samsyn.test')));
		expect(row).toMatchObject({ attempts: 1, claimedAt: null });
		expect(row!.sentAt).not.toBeNull();
	});

	it('releases the claim of a failed send, so the next round tries again', async () => {
		let fail = true;
		const sent: string[] = [];
		setMailTransport({
			sendMail: async (message) => {
				if (fail && message.to === 'flaky@samsyn.test') throw new Error('421 try again later');
				sent.push(message.to);
			}
		});
		await asSystem((tx) => enqueueMail(tx, mail('flaky@samsyn.test')));
		await deliverPendingMail();
		const [failed] = await asSystem((tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, 'flaky@samsyn.test')));
		expect(failed).toMatchObject({ attempts: 1, claimedAt: null, sentAt: null, lastError: 'Error: 421 try again later' });
		fail = false;
		await deliverPendingMail();
		expect(sent).toContain('flaky@samsyn.test');
	});
});
