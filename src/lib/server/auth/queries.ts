import { desc, eq, gt } from 'drizzle-orm';
import { withUser } from '../db/request';
import { sessions, users } from '../db/schema';
import { NotFound } from '../errors';
import type { SessionUser } from './session';
import { describeUserAgent } from './user-agent';

type Me = Pick<SessionUser, 'id'>;

export interface MySession {
	id: string;
	browser: string | null;
	os: string | null;
	ipAddress: string | null;
	createdAt: Date;
	lastSeenAt: Date;
	current: boolean;
}

/** My sessions that have not expired, most recently used first; row-level security keeps it to mine. */
export async function listMySessions(user: Me, currentSessionId: string | null): Promise<MySession[]> {
	const rows = await withUser(user, (tx) =>
		tx
			.select({
				id: sessions.id,
				userAgent: sessions.userAgent,
				ipAddress: sessions.ipAddress,
				createdAt: sessions.createdAt,
				lastSeenAt: sessions.lastSeenAt
			})
			.from(sessions)
			.where(gt(sessions.expiresAt, new Date()))
			.orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt))
	);
	return rows
		.map(({ userAgent, ...row }) => ({ ...row, ...describeUserAgent(userAgent), current: row.id === currentSessionId }))
		.sort((a, b) => Number(b.current) - Number(a.current));
}

/** My profile as the profile page shows it. */
export async function getMyProfile(user: Me) {
	const [profile] = await withUser(user, (tx) =>
		tx
			.select({ email: users.email, name: users.name, locale: users.locale, mailNotifications: users.mailNotifications })
			.from(users)
			.where(eq(users.id, user.id))
	);
	if (!profile) throw new NotFound();
	return { ...profile, locale: profile.locale === 'en' ? ('en' as const) : ('sv' as const) };
}
