import { bigint, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export interface ProcessedObject {
  /** e.g. 'persoon' */
  type: string;
  /** e.g. 'BSN' or 'resident-id' */
  identifierType: string;
  identifier: string;
}

export const processingLog = pgTable(
  'processing_log',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    activity: text('activity').notNull(),
    activityName: text('activity_name').notNull(),
    purpose: text('purpose').notNull(),
    legalBasis: text('legal_basis').notNull(),
    confidentiality: text('confidentiality').notNull(),
    retentionPeriod: text('retention_period').notNull(),
    residentId: uuid('resident_id'),
    objects: jsonb('objects').$type<ProcessedObject[]>().notNull(),
    requestId: text('request_id').notNull(),
    traceId: text('trace_id').notNull(),
    spanId: text('span_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);
