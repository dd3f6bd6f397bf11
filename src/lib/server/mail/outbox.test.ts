import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { mailOutbox } from '../db/schema';
import { buildUser } from '../demo/factories';
import { enqueueMail } from './outbox';

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

	it('lets a request add unsent mail but never read, mark or delete the outbox', async () => {
		const user = await asSystem((tx) => buildUser(tx));
		await asSystem((tx) => enqueueMail(tx, mail('someone@samsyn.test')));
		const seen = await withUser(user, (tx) => tx.select().from(mailOutbox));
		expect(seen).toEqual([]);
		await withUser(user, (tx) => tx.update(mailOutbox).set({ subject: 'x' }).where(eq(mailOutbox.toEmail, 'someone@samsyn.test')));
		const [row] = await asSystem((tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, 'someone@samsyn.test')));
		expect(row?.subject).toBe('Inbjudan');
		await expect(
			withUser(user, (tx) => tx.insert(mailOutbox).values({ toEmail: 'x@samsyn.test', subject: 's', bodyText: 'b', sentAt: new Date() }))
		).rejects.toThrow();
	});
});
