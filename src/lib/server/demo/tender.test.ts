import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, tenderPackages, users } from '../db/schema';
import { reproduceTenderPackage, tenderArchive } from '../tender/queries';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the tender package demo', () => {
	it('produces UD-1 in Östergötland from the baseline and the approved project directive, once; it can be made again byte for byte', async () => {
		await seedDemo();
		await seedDemo();
		const { ostergotland, rows, person } = await asSystem(async (tx) => {
			const [o] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const ids = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
			return {
				ostergotland: o!,
				rows: await tx.select().from(tenderPackages).where(eq(tenderPackages.consortiumId, o!.id)),
				person: (email: string) => ({ id: ids.get(email)!, isOperator: false })
			};
		});
		expect(rows).toHaveLength(1);
		const row = rows[0]!;
		expect(row.number).toBe(1);
		expect(row.manifest.decision).toBeNull();
		expect(row.manifest.documents.length).toBeGreaterThan(0);
		expect(row.manifest.documents.every((d) => d.status === 'approved')).toBe(true);
		expect(row.manifest.baseline.requirementCount).toBeGreaterThan(0);

		const { bytes } = await tenderArchive(person('observator@samsyn.demo'), ostergotland.id, 1);
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
		const zip = await JSZip.loadAsync(bytes);
		for (const file of row.manifest.files) {
			const content = await zip.file(file.path)!.async('uint8array');
			expect(createHash('sha256').update(content).digest('hex')).toBe(file.sha256);
		}
		expect(await reproduceTenderPackage(person('admin@samsyn.demo'), ostergotland.id, 1)).toEqual({ same: true, sha256: row.sha256 });
	});
});
