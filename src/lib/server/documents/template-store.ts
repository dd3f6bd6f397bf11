import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { documentKinds, type DocumentKind } from '../../enums';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { withUser } from '../db/request';
import { users } from '../db/schema';
import { documentTemplates } from '../db/schema/document-templates';
import { actorFor, readerFor, type Who } from '../consortia/actor';
import { Text, RequiredText } from '../validation';
import { builtInTemplates, type Template, type TemplateLocale } from './templates';

/*
 * The templates a consortium's documents begin from: its admins' own version of a kind in a language
 * where they saved one (a `document_templates` row), otherwise the built-in one. Resetting removes the
 * row, so a later change to the built-in templates reaches every consortium that kept them.
 */

export const templateLocales = ['sv', 'en'] as const satisfies readonly TemplateLocale[];

/** The largest outline a template may hold (characters), as the table's check says. */
export const OUTLINE_MAX = 50_000;

// A textarea sends CRLF line breaks; the outline is read line by line, so keep them as LF.
const toLf = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v);

/** Which template: a kind of document and a language. */
export const TemplateRef = z.object({
	kind: z.enum(documentKinds, { message: 'invalid_choice' }),
	locale: z.enum(templateLocales, { message: 'invalid_choice' })
});
export type TemplateRef = z.infer<typeof TemplateRef>;

/** A template as an admin saves it: a title and an outline (`## ` headings, `- ` items, paragraphs). */
export const TemplateInput = TemplateRef.extend({
	title: RequiredText(200),
	outline: z.preprocess(toLf, Text(OUTLINE_MAX))
});
export type TemplateInput = z.infer<typeof TemplateInput>;

export interface TemplateSummary {
	kind: DocumentKind;
	locale: TemplateLocale;
	title: string;
	/** Whether the consortium saved its own version (else the built-in one applies). */
	custom: boolean;
	updatedAt: Date | null;
	updatedBy: { id: string; name: string } | null;
}

export interface TemplateDetail extends TemplateSummary {
	outline: string;
	/** The built-in template, which a reset brings back. */
	builtIn: Template;
}

type Row = typeof documentTemplates.$inferSelect;

const builtIn = (kind: DocumentKind, locale: TemplateLocale): Template => ({ ...builtInTemplates[kind][locale] });

/** The template a new document of `kind` in `locale` begins from, in the caller's transaction: the consortium's own, or the built-in one. */
export async function templateFor(tx: Transaction, consortiumId: string, kind: DocumentKind, locale: TemplateLocale): Promise<Template & { custom: boolean }> {
	const [row] = await tx
		.select({ title: documentTemplates.title, outline: documentTemplates.outline })
		.from(documentTemplates)
		.where(and(eq(documentTemplates.consortiumId, consortiumId), eq(documentTemplates.kind, kind), eq(documentTemplates.locale, locale)));
	return row ? { ...row, custom: true } : { ...builtIn(kind, locale), custom: false };
}

/** The consortium's saved templates with who saved each, in the caller's transaction. */
async function savedTemplates(tx: Transaction, consortiumId: string, ref?: TemplateRef) {
	return tx
		.select({ row: documentTemplates, by: { id: users.id, name: users.name } })
		.from(documentTemplates)
		.leftJoin(users, eq(users.id, documentTemplates.updatedBy))
		.where(
			and(
				eq(documentTemplates.consortiumId, consortiumId),
				ref ? and(eq(documentTemplates.kind, ref.kind), eq(documentTemplates.locale, ref.locale)) : undefined
			)
		);
}

function summaryOf(kind: DocumentKind, locale: TemplateLocale, saved: { row: Row; by: { id: string; name: string } | null } | undefined): TemplateSummary {
	if (!saved) return { kind, locale, title: builtIn(kind, locale).title, custom: false, updatedAt: null, updatedBy: null };
	return { kind, locale, title: saved.row.title, custom: true, updatedAt: saved.row.updatedAt, updatedBy: saved.by };
}

/** Every kind's template in Swedish and English, customised or built-in, for the settings page (admins: `rules.manage`). */
export async function listTemplates(person: Who, consortiumId: string): Promise<TemplateSummary[]> {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId, 'rules.manage');
		const saved = await savedTemplates(tx, consortiumId);
		const find = (kind: DocumentKind, locale: TemplateLocale) => saved.find((s) => s.row.kind === kind && s.row.locale === locale);
		return documentKinds.flatMap((kind) => templateLocales.map((locale) => summaryOf(kind, locale, find(kind, locale))));
	});
}

/** One template with its outline and the built-in one beside it, for editing (admins: `rules.manage`). */
export async function getTemplate(person: Who, consortiumId: string, kind: DocumentKind, locale: TemplateLocale): Promise<TemplateDetail> {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId, 'rules.manage');
		const [saved] = await savedTemplates(tx, consortiumId, { kind, locale });
		const original = builtIn(kind, locale);
		return { ...summaryOf(kind, locale, saved), outline: saved?.row.outline ?? original.outline, builtIn: original };
	});
}

// Saves of one template queue, so each audit line's `before` is what the save replaced.
const lockTemplate = (tx: Transaction, consortiumId: string, ref: TemplateRef) =>
	advisoryLock(tx, `document_templates:${consortiumId}:${ref.kind}:${ref.locale}`);

async function currentRow(tx: Transaction, consortiumId: string, ref: TemplateRef): Promise<Row | undefined> {
	const [row] = await tx
		.select()
		.from(documentTemplates)
		.where(and(eq(documentTemplates.consortiumId, consortiumId), eq(documentTemplates.kind, ref.kind), eq(documentTemplates.locale, ref.locale)));
	return row;
}

const auditTemplate = (tx: Transaction, actorId: string, consortiumId: string, ref: TemplateRef, action: string, before: unknown, after: unknown) =>
	recordChange(tx, { actorId, consortiumId, action, entityType: 'document_template', entityId: `${ref.kind}:${ref.locale}`, before, after });

/** Saves the consortium's own template for a kind and language (admins: `rules.manage`), replacing the built-in one for new documents. */
export async function saveTemplate(person: Who, consortiumId: string, input: TemplateInput): Promise<Row> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'rules.manage', { consortiumId });
		await lockTemplate(tx, consortiumId, input);
		const before = await currentRow(tx, consortiumId, input);
		const values = { title: input.title, outline: input.outline, updatedBy: person.id, updatedAt: new Date() };
		const [after] = await tx
			.insert(documentTemplates)
			.values({ consortiumId, kind: input.kind, locale: input.locale, ...values })
			.onConflictDoUpdate({ target: [documentTemplates.consortiumId, documentTemplates.kind, documentTemplates.locale], set: values })
			.returning();
		await auditTemplate(tx, person.id, consortiumId, input, 'document_template.saved', before ?? null, after);
		return after!;
	});
}

/** Brings back the built-in template for a kind and language (admins: `rules.manage`); true if the consortium had its own. */
export async function resetTemplate(person: Who, consortiumId: string, ref: TemplateRef): Promise<boolean> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'rules.manage', { consortiumId });
		await lockTemplate(tx, consortiumId, ref);
		const [before] = await tx
			.delete(documentTemplates)
			.where(and(eq(documentTemplates.consortiumId, consortiumId), eq(documentTemplates.kind, ref.kind), eq(documentTemplates.locale, ref.locale)))
			.returning();
		if (!before) return false;
		await auditTemplate(tx, person.id, consortiumId, ref, 'document_template.reset', before, null);
		return true;
	});
}
