import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { attachments, consortia, users } from '../db/schema';
import { NotFound } from '../errors';
import { downloadAttachment } from '../attachments/queries';
import { seedDemo } from './seed';
import { decisionLog } from '../decisions/queries';

useFreshDatabase();

describe('the Östergötland demo attachments', () => {
	it('holds a PDF on the open item, one on the communicated decision and a picture on a meeting; the supplier gets only the last two; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { consortium, rows, person } = await asSystem(async (tx) => {
			const [c] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const ids = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
			return {
				consortium: c!,
				rows: await tx.select().from(attachments).where(eq(attachments.consortiumId, c!.id)),
				person: (email: string) => ({ id: ids.get(email)!, isOperator: false })
			};
		});
		const byName = new Map(rows.map((r) => [r.name, r]));
		expect([...byName.keys()].sort()).toEqual([
			'Bilaga 1 Systemmiljö.pdf',
			'Budgetunderlag nattillsyn.pdf',
			'Skiss tidplan.png',
			'Testrapport delleverans 1.pdf',
			'Tidplan avtalsstart 2027.pdf'
		]);
		// The documents' own (demo/documents.ts): the published directive's reaches the supplier, the draft specification's does not.
		expect(byName.get('Budgetunderlag nattillsyn.pdf')).toMatchObject({ targetKind: 'document', contentType: 'application/pdf' });
		expect(byName.get('Skiss tidplan.png')).toMatchObject({ targetKind: 'meeting', contentType: 'image/png', backend: 'postgres' });
		const supplier = person('leverantor@samsyn.demo');
		for (const name of ['Testrapport delleverans 1.pdf', 'Bilaga 1 Systemmiljö.pdf'])
			await expect(downloadAttachment(supplier, consortium.id, byName.get(name)!.id)).rejects.toBeInstanceOf(NotFound);
		// The supplier's decision log links the communicated decision's attachment, and no other.
		const log = await decisionLog(supplier, consortium.id);
		expect(log.entries.flatMap((e) => e.files.map((f) => f.name))).toEqual(['Tidplan avtalsstart 2027.pdf']);
		for (const name of ['Tidplan avtalsstart 2027.pdf', 'Skiss tidplan.png', 'Budgetunderlag nattillsyn.pdf']) {
			const download = await downloadAttachment(supplier, consortium.id, byName.get(name)!.id);
			expect(download.size).toBeGreaterThan(100);
			await download.body.cancel();
		}
	});
});
