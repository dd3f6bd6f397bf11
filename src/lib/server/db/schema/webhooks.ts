import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, createdAt, updatedAt, userRef, within } from './columns';
import { webhookDeliveryStatus } from './enums';
import { webhookEventTypes } from '../../../enums';

const eventList = sql.raw(webhookEventTypes.map((e) => `'${e}'`).join(', '));

/**
 * A URL an admin registered to receive the consortium's events, signed with its secret (HMAC-SHA256).
 * The secret is the server's: request roles may write it but never read it back (column grants).
 */
export const webhooks = pgTable(
	'webhooks',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		url: text('url').notNull(),
		secret: text('secret').notNull(),
		/** The events it takes (`ping` is sent only on request, never subscribed to). */
		events: text('events').array().notNull(),
		active: boolean('active').notNull().default(true),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('webhooks_id_consortium_key').on(t.id, t.consortiumId),
		index('webhooks_consortium_id_idx').on(t.consortiumId),
		check('webhooks_url_check', sql`length(${t.url}) between 1 and 2000`),
		check('webhooks_events_check', sql`cardinality(${t.events}) > 0 and ${t.events} <@ array[${eventList}]::text[]`)
	]
);

/**
 * One event for one webhook: the outbox row written in the transaction of the change it reports,
 * then the delivery's state. `next_attempt_at` is when the worker takes it next (also its claim
 * while a request is under way); null once delivered or failed.
 */
export const webhookDeliveries = pgTable(
	'webhook_deliveries',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		webhookId: uuid('webhook_id').notNull(),
		/** The event's id: one change sent to several webhooks has one event id. */
		eventId: uuid('event_id').notNull(),
		type: text('type').notNull(),
		payload: jsonb('payload').notNull(),
		status: webhookDeliveryStatus('status').notNull().default('pending'),
		attempts: smallint('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
		lastStatus: integer('last_status'),
		lastError: text('last_error'),
		lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
		deliveredAt: timestamp('delivered_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		within('webhook_deliveries_webhook_fk', t.webhookId, t.consortiumId, () => webhooks),
		index('webhook_deliveries_webhook_created_idx').on(t.webhookId, t.createdAt),
		index('webhook_deliveries_due_idx')
			.on(t.nextAttemptAt)
			.where(sql`${t.status} = 'pending'`),
		check('webhook_deliveries_type_check', sql`${t.type} in ('ping', ${eventList})`),
		check('webhook_deliveries_last_error_check', sql`length(${t.lastError}) <= 500`)
	]
);
