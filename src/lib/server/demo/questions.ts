import { count, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { questions } from '../db/schema';
import { organisationNamed, userIdByEmail } from './factories';
import { OSTERGOTLAND } from './data';
import { addQuestionNoteIn, approveAnswerIn, askQuestionIn, saveDraftAnswerIn } from '../questions/commands';
import { addWorkingDays } from '../questions/working-days';
import { endOfDayInStockholm, stockholmDate } from '../../decisions/deadline';

const daysAgo = (days: number, hour = 9) => {
	const at = new Date(Date.now() - days * 86_400_000);
	at.setUTCHours(hour, 0, 0, 0);
	return at;
};

/**
 * The demo's questions from the supplier in Östergötland: one answered within the five working days
 * (asked three weeks ago, triaged in a note, drafted by Motala's participant and approved by the
 * admin two working days later), and one asked a month ago that nobody has answered: overdue, with a
 * note and a draft waiting for approval. Written through the commands' own steps. Idempotent.
 */
export async function ensureQuestionsDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ n: count() }).from(questions).where(eq(questions.consortiumId, consortiumId));
	if ((existing?.n ?? 0) > 0) return;
	const supplier = await userIdByEmail(tx, 'leverantor@samsyn.demo');
	const admin = await userIdByEmail(tx, 'admin@samsyn.demo');
	const writer = await userIdByEmail(tx, 'deltagare.motala@samsyn.demo');
	if (!supplier || !admin || !writer) return;
	const organisationId = (await organisationNamed(tx, consortiumId, OSTERGOTLAND.supplier)).id;

	const answered = await askQuestionIn(tx, {
		consortiumId,
		organisationId,
		askedBy: supplier,
		askedAt: daysAgo(21),
		title: 'Ska larmen gå till en gemensam larmcentral eller till varje kommun?',
		body: 'Inför konfigurationen behöver vi veta om trygghetslarmen från alla tretton kommuner ska tas emot av en gemensam larmcentral, eller om varje kommun tar emot sina egna larm. Det påverkar hur vi sätter upp larmflödena.'
	});
	await addQuestionNoteIn(
		tx,
		answered,
		writer,
		'Styrgruppen beslutade i våras om en gemensam larmcentral. Kolla att Finspång fortfarande vill ha egen nattpatrull som tar emot larmen efter 22.'
	);
	const draft = await saveDraftAnswerIn(tx, answered, null, writer, {
		body: 'Larmen tas emot av en gemensam larmcentral för alla tretton kommuner. Undantag: Finspång tar själva emot larm mellan 22.00 och 07.00 via sin nattpatrull. Konfigurera därför ett eget nattflöde för Finspång.',
		version: 0
	});
	// Approved on the second working day after it was asked: well within the five.
	const approvedOn = addWorkingDays(stockholmDate(answered.askedAt), 2);
	const answeredAt = new Date(endOfDayInStockholm(approvedOn).getTime() - 8 * 3_600_000);
	await approveAnswerIn(tx, answered, draft, admin, answeredAt);

	const overdue = await askQuestionIn(tx, {
		consortiumId,
		organisationId,
		askedBy: supplier,
		askedAt: daysAgo(30),
		title: 'Hur länge ska loggar över tillsyn med kamera sparas?',
		body: 'Vi behöver veta hur länge loggarna över nattillsyn med kamera ska sparas, och om kommunerna vill att vi gallrar dem automatiskt eller att de exporteras till kommunernas arkiv först.'
	});
	await addQuestionNoteIn(
		tx,
		overdue,
		writer,
		'Arkivarierna i Linköping och Norrköping har olika gallringsbeslut. Vi behöver ett gemensamt svar innan vi skickar något.'
	);
	await saveDraftAnswerIn(tx, overdue, null, writer, {
		body: 'Loggarna sparas i två år och exporteras sedan till respektive kommuns arkiv innan de gallras.',
		version: 0
	});
}
