import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { initiativePhases, initiatives, lifecycleActivities, lifecycles } from '../db/schema';
import { stockholmDate } from '../../decisions/deadline';
import { addDays } from '../../roadmap/dates';
import { setKeyDatesIn, startLifecycleIn, updateActivityIn } from '../lifecycle/commands';
import { ActivityUpdate, KeyDatesInput } from '../lifecycle/schemas';
import { userIdByEmail } from './factories';

/** What each template activity of the night supervision stands at: status, due (days from today), owner. */
type Plan = { status: 'done' | 'in_progress' | 'not_started' | 'not_applicable'; due: number; owner: 'linkoping' | 'finspang' | 'admin'; note?: string };
const plans: Record<string, Plan> = {
	scoping: { status: 'done', due: -190, owner: 'linkoping' },
	stakeholder_mapping: { status: 'done', due: -180, owner: 'finspang' },
	interviews: { status: 'done', due: -170, owner: 'finspang' },
	anchoring: { status: 'in_progress', due: -20, owner: 'linkoping', note: 'Nämnden i Kinda har inte fått informationen än.' },
	budget: { status: 'done', due: -160, owner: 'admin' },
	vision: { status: 'done', due: -160, owner: 'linkoping' },
	project_plan: { status: 'done', due: -150, owner: 'linkoping' },
	existing_systems: { status: 'done', due: -120, owner: 'finspang' },
	needs_analysis: { status: 'done', due: -110, owner: 'finspang' },
	focus_groups: { status: 'done', due: -100, owner: 'finspang' },
	market_analysis: { status: 'done', due: -80, owner: 'linkoping' },
	ambassador_training: { status: 'done', due: -70, owner: 'finspang' },
	pilot: { status: 'not_applicable', due: -60, owner: 'linkoping', note: 'Åtvidaberg har redan kört en pilot; vi bygger på deras erfarenheter.' },
	summary: { status: 'in_progress', due: -14, owner: 'linkoping' },
	current_state: { status: 'done', due: -10, owner: 'finspang' },
	target_state: { status: 'in_progress', due: 7, owner: 'linkoping' },
	risk_analysis: { status: 'not_started', due: -5, owner: 'linkoping' },
	requirements_criteria: { status: 'in_progress', due: 21, owner: 'finspang' },
	compensation_model: { status: 'not_started', due: 28, owner: 'admin' },
	evaluation_model: { status: 'not_started', due: 28, owner: 'admin' },
	contract_terms: { status: 'not_started', due: 35, owner: 'admin' },
	procurement_documents: { status: 'not_started', due: 40, owner: 'linkoping' }
};

/**
 * The night supervision's procurement lifecycle, through the commands' own steps: phases 1 and 2
 * nearly done (anchoring goes on, the summary is late, the pilot not needed), phase 3 under way with
 * an overdue risk analysis, and the procurement's key dates planned after it. Dates are relative to
 * the day the demo is seeded. Does nothing when the initiative is missing or has its lifecycle already.
 */
export async function ensureLifecycleDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [night] = await tx
		.select()
		.from(initiatives)
		.where(and(eq(initiatives.consortiumId, consortiumId), eq(initiatives.title, 'Nattlig tillsyn via kamera')));
	if (!night) return;
	const [existing] = await tx.select({ id: lifecycles.id }).from(lifecycles).where(eq(lifecycles.initiativeId, night.id));
	if (existing) return;
	const owners = {
		linkoping: await userIdByEmail(tx, 'ombud.linkoping@samsyn.demo'),
		finspang: await userIdByEmail(tx, 'ombud.finspang@samsyn.demo'),
		admin: await userIdByEmail(tx, 'admin@samsyn.demo')
	};
	const today = stockholmDate(new Date());
	let lifecycle = await startLifecycleIn(tx, owners.admin, consortiumId, night.id);
	const activities = await tx.select().from(lifecycleActivities).where(eq(lifecycleActivities.lifecycleId, lifecycle.id));
	for (const a of activities) {
		const plan = a.templateKey ? plans[a.templateKey] : undefined;
		if (!plan) continue;
		const input = ActivityUpdate.parse({
			activityId: a.id,
			version: a.version,
			title: a.title,
			ownerId: owners[plan.owner] ?? '',
			due: addDays(today, plan.due),
			status: plan.status,
			note: plan.note ?? ''
		});
		await updateActivityIn(tx, owners[plan.owner], lifecycle, input);
	}
	// The tender is advertised when phase 4 starts; the award notice a month after the tender deadline.
	const [procurement] = await tx
		.select({ start: initiativePhases.plannedStart })
		.from(initiativePhases)
		.where(and(eq(initiativePhases.initiativeId, night.id), eq(initiativePhases.position, 4)));
	const advertisedOn = procurement?.start ?? addDays(today, 45);
	const tenderDeadline = addDays(advertisedOn, 35);
	lifecycle = await setKeyDatesIn(
		tx,
		owners.linkoping,
		lifecycle,
		KeyDatesInput.parse({
			version: String(lifecycle.version),
			advertisedOn,
			tenderDeadline,
			awardNoticeOn: addDays(tenderDeadline, 30),
			awardElectronic: 'on',
			contractOn: addDays(tenderDeadline, 45)
		})
	);
}
