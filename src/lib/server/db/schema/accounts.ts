import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid, integer } from 'drizzle-orm/pg-core';

export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash'),
		locale: text('locale').notNull().default('sv'),
		mailNotifications: boolean('mail_notifications').notNull().default(true),
		isOperator: boolean('is_operator').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)]
);

export const sessions = pgTable(
	'sessions',
	{
		/** SHA-256 of the cookie token, hex: a stolen table does not yield usable cookies. */
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		userAgent: text('user_agent'),
		ipAddress: text('ip_address')
	},
	(t) => [index('sessions_user_id_idx').on(t.userId)]
);

/**
 * Browsers that signed in to an account (OWASP's device cookies): such a browser is limited on its
 * own rather than by its address or by the account's lockout of unknown clients. Only the SHA-256
 * of the cookie's token is stored.
 */
export const trustedDevices = pgTable(
	'trusted_devices',
	{
		/** SHA-256 of the cookie token, hex, as for sessions. */
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('trusted_devices_user_id_idx').on(t.userId)]
);

/** One-time links: invitations and password resets share the token mechanics. */
export const passwordResets = pgTable(
	'password_resets',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('password_resets_user_id_idx').on(t.userId)]
);

export const rateLimits = pgTable('rate_limits', {
	key: text('key').primaryKey(),
	attempts: integer('attempts').notNull().default(0),
	windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
	blockedUntil: timestamp('blocked_until', { withTimezone: true })
});

export const mailOutbox = pgTable(
	'mail_outbox',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		toEmail: text('to_email').notNull(),
		subject: text('subject').notNull(),
		bodyText: text('body_text').notNull(),
		locale: text('locale').notNull().default('sv'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		/** When a delivering process took the mail; an old claim belongs to a process that died. */
		claimedAt: timestamp('claimed_at', { withTimezone: true })
	},
	(t) => [
		index('mail_outbox_unsent_idx')
			.on(t.createdAt)
			.where(sql`${t.sentAt} is null`)
	]
);
