import { and, count, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import {
	baselines,
	collabUpdates,
	documents,
	initiatives,
	lifecycleActivities,
	lifecycleActivityDecisions,
	lifecycles,
	memberships,
	organisations
} from '../db/schema';
import { updateActivityIn } from '../lifecycle/commands';
import { ActivityUpdate } from '../lifecycle/schemas';
import { addAttachmentIn } from '../attachments/commands';
import { samplePdf, streamOf } from '../attachments/samples';
import { postgresStore } from '../attachments/store';
import { appendOutlineUpdate } from '../collab/render';
import { loadState } from '../collab/store';
import { actorIn } from '../consortia/actor';
import { addFeedbackIn, createDocumentIn, nameVersionIn, publishToReviewersIn, publishVersionIn, recordDocumentVerdictIn } from '../documents/commands';
import { DocumentInput, PublishInput, ReviewRoundInput, VerdictInput, VersionInput } from '../documents/schemas';
import { fieldName, publishingRight, todayInSweden } from '../documents/state';
import { can } from '../policy';
import { DEMO_BASELINE } from './baselines';
import { userIdByEmail } from './factories';
import { representativeEmail } from './data';

/** What the demo writes into a document's draft, as a person would (appended to the template's text). */
async function write(tx: Transaction, consortiumId: string, documentId: string, userId: string, outline: string, field: 'body' | 'closing' = 'body') {
	const name = fieldName(documentId, field);
	await tx.insert(collabUpdates).values({ document: name, consortiumId, update: appendOutlineUpdate(await loadState(tx, name), outline), userId });
}

/**
 * The demo's procurement documents in Östergötland, through the commands' own steps:
 * - the night supervision's project directive, approved by every member municipality and published
 *   to the supplier (open for comments) and, in a consultation round open for comments for four weeks,
 *   to the pensioners' organisation's external reviewer, who has commented;
 * - the kravspecifikation built on the demo baseline, with two named versions, the second in
 *   approval with Linköping's approval given (so the other representatives find it on their home page);
 * - an evaluation model in draft;
 * - a PDF on the directive (the supplier may download it) and one on the kravspecifikation (internal).
 * Idempotent: nothing when the consortium has documents. Runs after the baseline, roadmap and lifecycle demos.
 */
export async function ensureDocumentsDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ n: count() }).from(documents).where(eq(documents.consortiumId, consortiumId));
	if ((existing?.n ?? 0) > 0) return;
	const adminId = await userIdByEmail(tx, 'admin@samsyn.demo');
	const linkopingId = await userIdByEmail(tx, representativeEmail('Linköping'));
	if (!adminId || !linkopingId) return;
	const admin = await actorIn(tx, { id: adminId, isOperator: false }, consortiumId);
	const linkoping = await actorIn(tx, { id: linkopingId, isOperator: false }, consortiumId);
	const [night] = await tx
		.select({ id: initiatives.id })
		.from(initiatives)
		.where(and(eq(initiatives.consortiumId, consortiumId), eq(initiatives.title, 'Nattlig tillsyn via kamera')));
	const [baseline] = await tx
		.select({ id: baselines.id })
		.from(baselines)
		.where(and(eq(baselines.consortiumId, consortiumId), eq(baselines.name, DEMO_BASELINE.name)));

	// The representatives of the member municipalities, who approve on their organisations' behalf.
	const representatives = await tx
		.select({ userId: memberships.userId })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(and(eq(memberships.consortiumId, consortiumId), eq(memberships.role, 'representative'), inArray(organisations.kind, ['municipality', 'region'])));

	// 1. The project directive: approved by all, published to the supplier.
	const directive = await createDocumentIn(
		tx,
		admin,
		consortiumId,
		DocumentInput.parse({ kind: 'project_directive', language: 'sv', title: 'Projektdirektiv: digital nattillsyn', initiativeId: night?.id ?? '' })
	);
	await write(
		tx,
		consortiumId,
		directive.id,
		adminId,
		`## Beslut om projektet
Styrgruppen gav projektgruppen i uppdrag att upphandla digital nattillsyn gemensamt för konsortiets kommuner, med Linköping som upphandlande part.
- Avgränsning: ordinärt boende, brukare med beviljad nattillsyn
- Budget: 1,2 miljoner kronor för förberedelse och upphandling, fördelat efter invånarantal
- Tidsram: annonsering under våren 2027, avtalsstart hösten 2027`
	);
	const approved = await nameVersionIn(tx, admin, consortiumId, directive.id, VersionInput.parse({ name: 'Beslutat av styrgruppen', sendForApproval: 'on' }));
	for (const r of representatives) {
		const who = await actorIn(tx, { id: r.userId, isOperator: false }, consortiumId);
		if (!can(who, 'organisation.approve', { consortiumId })) continue; // no mandate in force
		const state = await recordDocumentVerdictIn(tx, who, consortiumId, directive.id, VerdictInput.parse({ versionId: approved.id, verdict: 'approve' }));
		if (state.status !== 'in_approval') break;
	}
	const publishing = await publishingRight(tx, consortiumId);
	const publisher = can(admin, 'supplier.publish', { consortiumId, publishing }) ? admin : linkoping;
	await publishVersionIn(
		tx,
		publisher,
		consortiumId,
		directive.id,
		PublishInput.parse({
			versionId: approved.id,
			allowComments: 'on',
			note: 'Projektdirektivet som styrgruppen har beslutat. Kommentera gärna avgränsningen och tidplanen före marknadsdialogen.'
		})
	);

	// The same version on remiss to the pensioners' organisation, which has already commented.
	const reviewerId = await userIdByEmail(tx, 'remiss@samsyn.demo');
	if (reviewerId) {
		const round = await publishToReviewersIn(
			tx,
			publisher,
			consortiumId,
			directive.id,
			ReviewRoundInput.parse({
				versionId: approved.id,
				reviewerIds: [reviewerId],
				allowComments: 'on',
				note: 'Vi vill gärna höra hur äldre och deras anhöriga ser på nattillsyn med kamera innan upphandlingen annonseras.',
				replyBy: todayInSweden(new Date(Date.now() + 28 * 86_400_000))
			})
		);
		await addFeedbackIn(tx, await actorIn(tx, { id: reviewerId, isOperator: false }, consortiumId), consortiumId, directive.id, {
			publicationId: round.id,
			body: 'Brukaren och anhöriga behöver kunna se när tillsynen sker, och samtycket bör kunna återkallas enkelt, till exempel via hemtjänsten.'
		});
	}

	// 2. The kravspecifikation on the demo baseline: two named versions, the second in approval.
	const specification = await createDocumentIn(
		tx,
		linkoping,
		consortiumId,
		DocumentInput.parse({
			kind: 'requirement_specification',
			language: 'sv',
			title: 'Kravspecifikation: digital nattillsyn',
			initiativeId: night?.id ?? '',
			baselineId: baseline?.id ?? ''
		})
	);
	await write(
		tx,
		consortiumId,
		specification.id,
		linkopingId,
		'Upphandlingen gäller digital nattillsyn med kamera i ordinärt boende för Linköping, Norrköping, Finspång, Kinda och Åtvidaberg.'
	);
	await nameVersionIn(tx, linkoping, consortiumId, specification.id, VersionInput.parse({ name: 'Utkast för intern granskning' }));
	await write(
		tx,
		consortiumId,
		specification.id,
		linkopingId,
		`## Säkerhet och integritet
Tillsynen får bara ske vid överenskomna tider, och bilden får inte sparas. Varje tillsyn loggas med tid och utförare.`,
		'closing'
	);
	const remiss = await nameVersionIn(
		tx,
		linkoping,
		consortiumId,
		specification.id,
		VersionInput.parse({ name: 'Remissversion till kommunerna', sendForApproval: 'on' })
	);
	await recordDocumentVerdictIn(tx, linkoping, consortiumId, specification.id, VerdictInput.parse({ versionId: remiss.id, verdict: 'approve' }));

	// 3. The evaluation model, in draft.
	const evaluation = await createDocumentIn(
		tx,
		admin,
		consortiumId,
		DocumentInput.parse({ kind: 'evaluation_model', language: 'sv', title: 'Utvärderingsmodell: digital nattillsyn', initiativeId: night?.id ?? '' })
	);

	// The lifecycle's activities that produce them link to them.
	const [lifecycle] = night ? await tx.select().from(lifecycles).where(eq(lifecycles.initiativeId, night.id)) : [];
	if (lifecycle) {
		const produces: Record<string, string> = { requirements_criteria: specification.id, evaluation_model: evaluation.id };
		const activities = await tx
			.select()
			.from(lifecycleActivities)
			.where(and(eq(lifecycleActivities.lifecycleId, lifecycle.id), inArray(lifecycleActivities.templateKey, Object.keys(produces))));
		for (const a of activities) {
			const decisionItemIds = (
				await tx
					.select({ id: lifecycleActivityDecisions.decisionItemId })
					.from(lifecycleActivityDecisions)
					.where(eq(lifecycleActivityDecisions.activityId, a.id))
			).map((d) => d.id);
			await updateActivityIn(
				tx,
				a.ownerId,
				lifecycle,
				ActivityUpdate.parse({
					activityId: a.id,
					version: a.version,
					title: a.title,
					ownerId: a.ownerId ?? '',
					due: a.due ?? '',
					status: a.status,
					decisionItemIds,
					documentId: produces[a.templateKey!],
					note: a.note
				})
			);
		}
	}

	// 4. Attachments.
	const store = { store: (own: Transaction) => postgresStore(own) };
	await addAttachmentIn(
		tx,
		adminId,
		consortiumId,
		{ kind: 'document', id: directive.id },
		{
			name: 'Budgetunderlag nattillsyn.pdf',
			stream: streamOf(
				await samplePdf('Budgetunderlag: digital nattillsyn', [
					'Förberedelse och upphandling: 1,2 miljoner kronor.',
					'Fördelning efter invånarantal den 1 november 2026.',
					'Intern expertis: IT, inköp, juridik och kommunikation.'
				])
			)
		},
		store
	);
	await addAttachmentIn(
		tx,
		linkopingId,
		consortiumId,
		{ kind: 'document', id: specification.id },
		{
			name: 'Bilaga 1 Systemmiljö.pdf',
			stream: streamOf(
				await samplePdf('Bilaga 1: systemmiljö', [
					'Verksamhetssystem: Lifecare i Linköping och Norrköping, Treserva i Finspång och Kinda.',
					'Trygghetslarm: digitala larm via IP, larmcentral i Norrköping.',
					'Uppkoppling: 4G i hemmen, WiFi på enheterna.'
				])
			)
		},
		store
	);
}
