import { eq } from 'drizzle-orm';
import { refreshQuality } from '../../quality/refresh';
import { recordChange } from '../../audit/record-change';
import { needs, requirementApprovals, requirements, userStories } from '../../db/schema';
import { registerDocumentKind } from '../registry';

/*
 * The co-edited long texts of needs, stories and requirements. Row-level security decides who
 * resolves them (internal members only; never the supplier). The text typed into the creation form
 * (or imported, or seeded) becomes the document's first edit; from then on the document is the one
 * source of the text, and the derived text and HTML are kept on the row for lists, search and
 * exports. The edit forms do not carry these fields, so a co-edit does not bump the row's version
 * (which guards the form's own fields) and never makes someone's form save conflict. Storing the
 * derived text is not a change anyone makes, to audit or announce one by one: everyone with the text
 * open sees it live, and who edited it, and when, is audited as co-editing sessions (edit-sessions.ts).
 */

registerDocumentKind('need', {
	fields: ['description'],
	async initialText(tx, id) {
		const [row] = await tx.select({ text: needs.descriptionText }).from(needs).where(eq(needs.id, id));
		return row?.text ?? null;
	},
	async resolve(tx, id) {
		const [row] = await tx.select({ consortiumId: needs.consortiumId }).from(needs).where(eq(needs.id, id));
		return row ? { consortiumId: row.consortiumId } : null;
	},
	async onDerived(tx, id, _field, content) {
		const [before] = await tx.select().from(needs).where(eq(needs.id, id));
		if (!before || (before.descriptionText === content.text && before.descriptionHtml === content.html)) return;
		await tx.update(needs).set({ descriptionText: content.text, descriptionHtml: content.html, updatedAt: new Date() }).where(eq(needs.id, id));
	}
});

registerDocumentKind('story', {
	fields: ['details'],
	async initialText(tx, id) {
		const [row] = await tx.select({ text: userStories.detailsText }).from(userStories).where(eq(userStories.id, id));
		return row?.text ?? null;
	},
	async resolve(tx, id) {
		const [row] = await tx.select({ consortiumId: userStories.consortiumId }).from(userStories).where(eq(userStories.id, id));
		return row ? { consortiumId: row.consortiumId } : null;
	},
	async onDerived(tx, id, _field, content) {
		const [before] = await tx.select().from(userStories).where(eq(userStories.id, id));
		if (!before || (before.detailsText === content.text && before.detailsHtml === content.html)) return;
		await tx.update(userStories).set({ detailsText: content.text, detailsHtml: content.html, updatedAt: new Date() }).where(eq(userStories.id, id));
	}
});

/**
 * `requirement/<id>/body`: editable while the revision is a draft or in review and the newest one.
 * An approved revision is read-only here: its text changes through a new revision (the page's save).
 * The log itself refuses a person's update once the revision has settled, after waiting for the
 * status change that holds the row (migration `*_co_edited_text_settles.sql`, docs/collab.md).
 * A changed text in review clears the verdicts, which were given on other words.
 */
registerDocumentKind('requirement', {
	fields: ['body'],
	accessChangedBy: ['requirement.submitted', 'requirement.returned', 'requirement.withdrawn', 'requirement.approved', 'requirement.deleted'],
	async initialText(tx, id) {
		const [row] = await tx.select({ text: requirements.bodyText }).from(requirements).where(eq(requirements.id, id));
		return row?.text ?? null;
	},
	async resolve(tx, id) {
		const [row] = await tx
			.select({ consortiumId: requirements.consortiumId, status: requirements.status, isLatest: requirements.isLatest, revision: requirements.revision })
			.from(requirements)
			.where(eq(requirements.id, id));
		if (!row) return null;
		// The policy decides whether this revision's text is still being written (a draft or in review, the newest).
		return { consortiumId: row.consortiumId, edit: { action: 'requirement.edit_text', resource: row } };
	},
	async onDerived(tx, id, _field, content) {
		const [before] = await tx.select().from(requirements).where(eq(requirements.id, id));
		if (!before || (before.bodyText === content.text && before.bodyHtml === content.html)) return;
		if (before.status !== 'draft' && before.status !== 'in_review') return;
		await tx.update(requirements).set({ bodyText: content.text, bodyHtml: content.html, updatedAt: new Date() }).where(eq(requirements.id, id));
		await refreshQuality(tx, before.consortiumId, [id]);
		if (before.status === 'in_review' && before.bodyText.trim() !== content.text.trim()) {
			const cleared = await tx.delete(requirementApprovals).where(eq(requirementApprovals.requirementId, id)).returning();
			// Verdicts given on other words no longer count: that is a change the approval panel shows.
			if (cleared.length > 0) {
				await recordChange(tx, {
					actorId: null,
					consortiumId: before.consortiumId,
					action: 'requirement.verdicts_cleared',
					entityType: 'requirement',
					entityId: id,
					before: { verdicts: cleared.map((v) => ({ organisationId: v.organisationId, verdict: v.verdict })) }
				});
			}
		}
	}
});
