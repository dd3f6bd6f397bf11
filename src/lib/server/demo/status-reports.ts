import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { budgetLines, initiatives, statusReportRows, statusReports } from '../db/schema';
import { stockholmDate } from '../../decisions/deadline';
import { setBudgetAmountsIn } from '../budget/commands';
import { createStatusReportIn, saveStatusReportIn, submitStatusReportIn } from '../status-reports/commands';
import { userIdByEmail } from './factories';

type Light = 'green' | 'yellow' | 'red';
type Row = { light: Light; deviation?: string; action?: string; done?: boolean };

/** Three months of the night supervision's reports, oldest first: Budget, Tid, Personal. */
const months: { summary: string; rows: [Row, Row, Row]; acknowledged: boolean }[] = [
	{
		summary: 'Behovsanalysen är klar och fokusgrupperna genomförda i fyra kommuner. Arbetet går enligt plan.',
		rows: [{ light: 'green' }, { light: 'green' }, { light: 'green' }],
		acknowledged: true
	},
	{
		summary: 'Marknadsanalysen är klar. Förankringen i Kindas nämnd dröjer, vilket kan påverka tidplanen.',
		rows: [
			{ light: 'green' },
			{ light: 'yellow', deviation: 'Förankringen i Kinda är försenad en månad.', action: 'Projektledaren presenterar för nämnden i nästa månad.' },
			{ light: 'green' }
		],
		acknowledged: true
	},
	{
		summary: 'Kravarbetet pågår. Juridiskt stöd inför avtalsvillkoren har kostat mer än budgeterat.',
		rows: [
			{
				light: 'red',
				deviation: 'Kostnaden för juridiskt stöd överskrider budgeten med 60 000 kr.',
				action: 'Styrgruppen ombeds besluta om omfördelning från utbildningsposten.',
				done: false
			},
			{ light: 'yellow', deviation: 'Riskanalysen är försenad.', action: 'Workshop bokad med kommunernas representanter.', done: false },
			{ light: 'green', deviation: 'Kinda har bytt kontaktperson.', action: 'Ny kontaktperson introducerad.', done: true }
		],
		acknowledged: false
	}
];

/** The consortium's budget against outcome this year and last (kronor). */
const budget: { category: string; year: 0 | -1; budget: number; outcome: number | null }[] = [
	{ category: 'Projektledning', year: -1, budget: 350_000, outcome: 340_000 },
	{ category: 'Projektledning', year: 0, budget: 400_000, outcome: 420_000 },
	{ category: 'Juridiskt stöd', year: 0, budget: 100_000, outcome: 160_000 },
	{ category: 'Utbildning och ambassadörer', year: -1, budget: 80_000, outcome: 65_000 },
	{ category: 'Utbildning och ambassadörer', year: 0, budget: 120_000, outcome: 40_000 },
	{ category: 'Marknadsdialog', year: 0, budget: 60_000, outcome: 55_000 }
];

const monthBefore = (period: string, n: number) => {
	const [y, m] = period.split('-').map(Number) as [number, number];
	const d = new Date(Date.UTC(y, m - 1 - n, 1));
	return d.toISOString().slice(0, 7);
};

/**
 * The night supervision's status reports for the last three months, through the commands' own
 * steps: written by Linköping's representative (the owner), all submitted, the two older ones noted
 * by the steering group; the latest has a red Budget row and waits to be noted. And the consortium's
 * budget against outcome for a few cost categories. Does nothing when the initiative is missing or
 * has reports already.
 */
export async function ensureStatusReportsDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [night] = await tx
		.select()
		.from(initiatives)
		.where(and(eq(initiatives.consortiumId, consortiumId), eq(initiatives.title, 'Nattlig tillsyn via kamera')));
	if (!night) return;
	const [existing] = await tx.select({ id: statusReports.id }).from(statusReports).where(eq(statusReports.initiativeId, night.id));
	if (existing) return;
	const author = await userIdByEmail(tx, 'ombud.linkoping@samsyn.demo');
	const admin = await userIdByEmail(tx, 'admin@samsyn.demo');
	const thisMonth = stockholmDate(new Date()).slice(0, 7);
	for (const [i, month] of months.entries()) {
		const period = monthBefore(thisMonth, months.length - i);
		let report = await createStatusReportIn(tx, author, consortiumId, { period, initiativeId: night.id, summary: month.summary });
		const rows = await tx.select().from(statusReportRows).where(eq(statusReportRows.reportId, report.id)).orderBy(statusReportRows.position);
		report = await saveStatusReportIn(tx, author, report, {
			version: report.version,
			summary: month.summary,
			rows: rows.map((row, r) => ({
				id: row.id,
				light: month.rows[r]!.light,
				deviation: month.rows[r]!.deviation ?? '',
				action: month.rows[r]!.action ?? '',
				done: month.rows[r]!.done ?? false
			}))
		});
		// Submitted on the third working day or so of the month after.
		const submittedAt = new Date(`${monthBefore(thisMonth, months.length - i - 1)}-03T09:00:00Z`);
		report = await submitStatusReportIn(tx, author, report, report.version, submittedAt < new Date() ? submittedAt : new Date());
		if (month.acknowledged)
			await tx
				.update(statusReports)
				.set({ acknowledgedAt: new Date(submittedAt.getTime() + 7 * 86_400_000), acknowledgedBy: admin })
				.where(eq(statusReports.id, report.id));
	}
	const [anyLine] = await tx.select({ id: budgetLines.id }).from(budgetLines).where(eq(budgetLines.consortiumId, consortiumId));
	if (anyLine) return;
	const year = Number(thisMonth.slice(0, 4));
	for (const line of budget)
		await setBudgetAmountsIn(tx, admin, consortiumId, null, { category: line.category, year: year + line.year, budget: line.budget, outcome: line.outcome });
}
