import { sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { rowsOf } from '../db/rows';
import type { Who } from '../consortia/actor';
import type { ActivityKind } from '$lib/activity-labels';

export interface Activity {
	kind: ActivityKind;
	at: Date;
	/** The thing's id, for its page (a recorded decision's: its item's). */
	id: string;
	/** What the thing is called: "B-2026-003 Val av larmplattform", "LÄK-12 Larm vid utebliven dos". */
	title: string;
	/** The person who did it, where the thing keeps them. */
	by: string | null;
}

/**
 * The consortium's latest happenings for the front page, newest first: decisions recorded, items
 * opened and closed, requirements sent for and given approval, baselines frozen, meetings set and
 * minutes justerade, priority rounds opened and closed, needs and stories written. Read from the things themselves in the person's own
 * transaction, so row-level security shows each person only what they may see (the audit log is
 * the admins'); one statement, each branch on an index by consortium.
 */
export async function recentActivity(tx: Transaction, consortiumId: string, limit = 12): Promise<Activity[]> {
	const per = sql.raw(String(limit));
	const result = await tx.execute(sql`
		select kind, at, id, title, by from (
			-- the log keeps whole seconds (its hash is over them); the item's last change is the moment of recording
			(select 'decision_recorded' as kind, greatest(d.recorded_at, i.updated_at) as at, coalesce(d.item_id, d.id)::text as id, d.number || ' ' || d.title as title, u.name as by
				from decisions d left join decision_items i on i.id = d.item_id left join users u on u.id = d.recorded_by
				where d.consortium_id = ${consortiumId} order by d.recorded_at desc limit ${per})
			union all
			(select 'decision_opened', i.opened_at, i.id::text, i.title, null
				from decision_items i where i.consortium_id = ${consortiumId} and i.opened_at is not null order by i.opened_at desc limit ${per})
			union all
			(select 'decision_closed', i.closed_at, i.id::text, i.title, null
				from decision_items i where i.consortium_id = ${consortiumId} and i.closed_at is not null order by i.closed_at desc limit ${per})
			union all
			(select 'requirement_submitted', r.submitted_at, r.id::text, r.identifier || ' ' || r.title, null
				from requirements r where r.consortium_id = ${consortiumId} and r.submitted_at is not null order by r.submitted_at desc limit ${per})
			union all
			(select 'requirement_approved', r.decided_at, r.id::text, r.identifier || ' ' || r.title, null
				from requirements r where r.consortium_id = ${consortiumId} and r.decided_at is not null and r.status in ('approved', 'replaced') order by r.decided_at desc limit ${per})
			union all
			(select 'baseline_created', b.created_at, b.id::text, b.name, u.name
				from baselines b left join users u on u.id = b.created_by
				where b.consortium_id = ${consortiumId} order by b.created_at desc limit ${per})
			union all
			(select 'meeting_created', mt.created_at, mt.id::text, mt.title, u.name
				from meetings mt left join users u on u.id = mt.created_by
				where mt.consortium_id = ${consortiumId} order by mt.created_at desc limit ${per})
			union all
			(select 'minutes_adjusted', mt.adjusted_at, mt.id::text, mt.title, null
				from meetings mt where mt.consortium_id = ${consortiumId} and mt.adjusted_at is not null order by mt.adjusted_at desc limit ${per})
			union all
			(select 'priority_round_opened', pr.opened_at, pr.id::text, pr.title, null
				from priority_rounds pr where pr.consortium_id = ${consortiumId} and pr.opened_at is not null order by pr.opened_at desc limit ${per})
			union all
			(select 'priority_round_closed', pr.closed_at, pr.id::text, pr.title, null
				from priority_rounds pr where pr.consortium_id = ${consortiumId} and pr.closed_at is not null order by pr.closed_at desc limit ${per})
			union all
			(select 'need_created', n.created_at, n.id::text, n.title, u.name
				from needs n left join users u on u.id = n.created_by
				where n.consortium_id = ${consortiumId} order by n.created_at desc limit ${per})
			union all
			(select 'story_created', s.created_at, s.id::text, s.goal, u.name
				from user_stories s left join users u on u.id = s.created_by
				where s.consortium_id = ${consortiumId} order by s.created_at desc limit ${per})
		) happenings
		order by at desc
		limit ${per}
	`);
	return rowsOf<{ kind: ActivityKind; at: Date | string; id: string; title: string; by: string | null }>(result).map((r) => ({
		...r,
		at: r.at instanceof Date ? r.at : new Date(r.at)
	}));
}

/** `recentActivity` in the person's own transaction (the front page's, when it shares one). */
export function activityFor(person: Who, consortiumId: string, limit?: number): Promise<Activity[]> {
	return withUser(person, (tx) => recentActivity(tx, consortiumId, limit));
}
