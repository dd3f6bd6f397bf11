import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { mailOutbox, users } from '../db/schema';
import { buildConsortium, buildMembership, buildNeed, buildOrganisation, buildUser } from '../demo/factories';
import { Forbidden } from '../policy';
import { NotFound } from '../errors';
import { addComment, deleteComment, listComments } from './commands';
import { CommentInput } from './schemas';
import { countUnread, listNotifications, markRead } from '../notifications/notifications';

useFreshDatabase();

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const org = await buildOrganisation(tx, consortium.id);
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const mk = async (role: 'member' | 'observer' | 'supplier' | 'representative', over: Partial<typeof users.$inferInsert> = {}) => {
			const u = await buildUser(tx, over);
			await buildMembership(tx, { consortiumId: consortium.id, userId: u.id, organisationId: role === 'supplier' ? supplierOrg.id : org.id, role });
			return { ...u, isOperator: false };
		};
		const writer = await mk('member', { name: 'Skribent Kinda' });
		const anna = await mk('representative', { name: 'Anna Ombud', mailNotifications: true, locale: 'en' });
		const quiet = await mk('member', { name: 'Tyst Person', mailNotifications: false });
		const observer = await mk('observer');
		const supplier = await mk('supplier', { name: 'Leverantör Person' });
		const need = await buildNeed(tx, consortium.id, { title: 'Nattillsyn' });
		const outsider = { ...(await buildUser(tx)), isOperator: false };
		return { consortium, writer, anna, quiet, observer, supplier, outsider, need };
	});
}

describe('comments and mentions', () => {
	it('refuses outsiders, the supplier and the observer; 404 for a target outside the consortium', async () => {
		const w = await world();
		const input = CommentInput.parse({ targetKind: 'need', targetId: w.need.id, body: 'Hej' });
		await expect(addComment(w.outsider, w.consortium.id, input)).rejects.toBeInstanceOf(NotFound);
		for (const who of [w.supplier, w.observer]) await expect(addComment(who, w.consortium.id, input)).rejects.toBeInstanceOf(Forbidden);
		const other = await world();
		await expect(addComment(w.writer, w.consortium.id, { ...input, targetId: other.need.id })).rejects.toBeInstanceOf(NotFound);
		await expect(listComments(w.supplier, w.consortium.id, 'need', w.need.id)).rejects.toBeInstanceOf(NotFound);
		expect(CommentInput.safeParse({ targetKind: 'need', targetId: w.need.id, body: '  ' }).success).toBe(false);
	});

	it('notifies the people mentioned (not the supplier, not the author), mails those who keep mail on', async () => {
		const w = await world();
		const result = await addComment(
			w.writer,
			w.consortium.id,
			CommentInput.parse({ targetKind: 'need', targetId: w.need.id, body: 'Vad tycker @Anna Ombud och @tyst person? @Leverantör Person @Skribent Kinda' }),
			'http://samsyn.test'
		);
		expect(result.mentioned.sort()).toEqual([w.anna.id, w.quiet.id].sort());
		expect(await countUnread(w.anna)).toBe(1);
		expect(await countUnread(w.supplier)).toBe(0);
		const [n] = await listNotifications(w.anna);
		expect(n).toMatchObject({ summary: 'Nattillsyn', actorName: 'Skribent Kinda', href: `/c/${w.consortium.slug}/needs/${w.need.id}` });
		const mails = await asSystem((tx) => tx.select().from(mailOutbox));
		const toAnna = mails.filter((mail) => mail.toEmail === w.anna.email);
		expect(toAnna).toHaveLength(1);
		expect(toAnna[0]!.subject).toBe('Skribent Kinda mentioned you: Nattillsyn');
		expect(toAnna[0]!.bodyText).toContain(`http://samsyn.test/c/${w.consortium.slug}/needs/${w.need.id}`);
		expect(mails.some((mail) => mail.toEmail === w.quiet.email)).toBe(false);
		expect((await listComments(w.observer, w.consortium.id, 'need', w.need.id)).map((c) => c.authorName)).toEqual(['Skribent Kinda']);
	});

	it('marks notifications read, only one’s own', async () => {
		const w = await world();
		await addComment(w.writer, w.consortium.id, CommentInput.parse({ targetKind: 'need', targetId: w.need.id, body: '@Anna Ombud titta' }));
		const [n] = await listNotifications(w.anna);
		await expect(markRead(w.quiet, n!.id)).rejects.toBeInstanceOf(NotFound);
		expect(await markRead(w.anna, n!.id)).toBe(1);
		expect(await countUnread(w.anna)).toBe(0);
	});

	it('lets the author delete a comment, not someone else', async () => {
		const w = await world();
		const { comment } = await addComment(w.writer, w.consortium.id, CommentInput.parse({ targetKind: 'need', targetId: w.need.id, body: 'Radera mig' }));
		await expect(deleteComment(w.quiet, w.consortium.id, comment.id)).rejects.toMatchObject({ key: 'comment_not_yours' });
		await deleteComment(w.writer, w.consortium.id, comment.id);
		expect(await listComments(w.writer, w.consortium.id, 'need', w.need.id)).toEqual([]);
		const ok = await asSystem((tx) => tx.select().from(users).where(eq(users.id, w.writer.id)));
		expect(ok).toHaveLength(1);
	});
});
