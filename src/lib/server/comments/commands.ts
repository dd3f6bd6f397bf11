import { and, asc, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { comments, consortia, decisionItems, documents, needs, requirements, userStories, users } from '../db/schema';
import { recordChange } from '../audit/record-change';
import { enqueueMail } from '../mail/outbox';
import { notify } from '../notifications/notify';
import { NotFound } from '../errors';
import { authorize, itemAbilities } from '../policy';
import { m } from '$lib/paraglide/messages';
import { actorFor, readerFor, type Who } from '../consortia/actor';
import { mentionablePeople, storySentence } from '../requirements/queries';
import { findMentions } from './mentions';
import type { CommentInput, TargetKind } from './schemas';

/** The title of what a comment is about, or NotFound when it is not in this consortium. */
async function targetTitle(tx: Transaction, consortiumId: string, kind: TargetKind, id: string): Promise<string> {
	if (kind === 'need') {
		const [row] = await tx
			.select({ title: needs.title })
			.from(needs)
			.where(and(eq(needs.id, id), eq(needs.consortiumId, consortiumId)));
		if (row) return row.title;
	} else if (kind === 'story') {
		const [row] = await tx
			.select()
			.from(userStories)
			.where(and(eq(userStories.id, id), eq(userStories.consortiumId, consortiumId)));
		if (row) return storySentence(row);
	} else if (kind === 'document') {
		const [row] = await tx
			.select({ title: documents.title })
			.from(documents)
			.where(and(eq(documents.id, id), eq(documents.consortiumId, consortiumId)));
		if (row) return row.title;
	} else if (kind === 'decision_item') {
		const [row] = await tx
			.select({ title: decisionItems.title })
			.from(decisionItems)
			.where(and(eq(decisionItems.id, id), eq(decisionItems.consortiumId, consortiumId)));
		if (row) return row.title;
	} else {
		const [row] = await tx
			.select({
				identifier: requirements.identifier,
				title: requirements.title
			})
			.from(requirements)
			.where(and(eq(requirements.id, id), eq(requirements.consortiumId, consortiumId)));
		if (row) return `${row.identifier} ${row.title}`;
	}
	throw new NotFound();
}

/** The path of a need, story, requirement or decision item page. */
export function targetPath(slug: string, kind: TargetKind, id: string): string {
	const area =
		kind === 'need'
			? 'needs'
			: kind === 'story'
				? 'stories'
				: kind === 'decision_item'
					? 'decisions'
					: kind === 'document'
						? 'documents'
						: kind === 'priority_round'
							? 'prioritisation'
							: 'requirements';
	return `/c/${slug}/${area}/${id}`;
}

/**
 * Adds a comment. Everyone it @mentions (by name or email, among the consortium's internal
 * members) gets a notification, live in the header, and a mail if they keep mail on.
 */
export async function addComment(person: Who, consortiumId: string, input: CommentInput, origin = '') {
	// Mention mail is queued in the comment's own transaction: never for a comment that rolled back.
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const title = await targetTitle(tx, consortiumId, input.targetKind, input.targetId);
		const [comment] = await tx
			.insert(comments)
			.values({
				consortiumId,
				targetKind: input.targetKind,
				targetId: input.targetId,
				authorId: person.id,
				body: input.body
			})
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'comment.created',
			entityType: input.targetKind,
			entityId: input.targetId,
			after: comment
		});

		const people = await mentionablePeople(tx, consortiumId);
		const mentioned = findMentions(input.body, people).filter((p) => p.id !== person.id);
		if (mentioned.length === 0) return { comment: comment!, mentioned: [] };
		const [consortium] = await tx.select({ slug: consortia.slug, name: consortia.name }).from(consortia).where(eq(consortia.id, consortiumId));
		const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, person.id));
		const link = `${origin}${targetPath(consortium!.slug, input.targetKind, input.targetId)}`;
		for (const p of mentioned) {
			const full = people.find((x) => x.id === p.id)!;
			await notify(tx, {
				userId: p.id,
				consortiumId,
				kind: 'mention',
				targetKind: input.targetKind,
				targetId: input.targetId,
				commentId: comment!.id,
				actorId: person.id,
				summary: title.slice(0, 300)
			});
			if (full.mailNotifications) {
				const locale = full.locale === 'en' ? 'en' : 'sv';
				await enqueueMail(tx, {
					to: full.email,
					locale,
					subject: m.mail_mention_subject({ name: author?.name ?? '', title: title.slice(0, 120) }, { locale }),
					text: m.mail_mention_body(
						{
							name: author?.name ?? '',
							consortium: consortium!.name,
							title,
							body: input.body,
							link
						},
						{ locale }
					)
				});
			}
		}
		return { comment: comment!, mentioned: mentioned.map((p) => p.id) };
	});
}

/** Removes a comment: its author, or an admin. */
export async function deleteComment(person: Who, consortiumId: string, id: string): Promise<void> {
	await withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'content.write');
		const [comment] = await tx
			.select()
			.from(comments)
			.where(and(eq(comments.id, id), eq(comments.consortiumId, consortiumId)));
		if (!comment) throw new NotFound();
		authorize(actor, 'comment.delete', comment);
		await tx.delete(comments).where(eq(comments.id, id));
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'comment.deleted',
			entityType: comment.targetKind,
			entityId: comment.targetId,
			before: comment
		});
	});
}

/** The thread on a need, story or requirement, oldest first. */
export async function listComments(person: Who, consortiumId: string, targetKind: TargetKind, targetId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const rows = await tx
			.select({
				id: comments.id,
				body: comments.body,
				createdAt: comments.createdAt,
				authorId: comments.authorId,
				authorName: users.name
			})
			.from(comments)
			.leftJoin(users, eq(users.id, comments.authorId))
			.where(and(eq(comments.consortiumId, consortiumId), eq(comments.targetKind, targetKind), eq(comments.targetId, targetId)))
			.orderBy(asc(comments.createdAt));
		// What the reader may do with each comment, decided by the policy (never by the page).
		return rows.map((row) => ({ ...row, can: itemAbilities(actor, 'comment', { consortiumId, authorId: row.authorId }) }));
	});
}
