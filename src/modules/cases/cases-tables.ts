import { date, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CaseState } from './case-state-machine.js';

export const team = pgTable(
  'team',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    districtCode: text('district_code'),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

export const teamMember = pgTable(
  'team_member',
  {
    municipalityCode: text('municipality_code').notNull(),
    teamId: uuid('team_id').notNull(),
    accountId: uuid('account_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.teamId, t.accountId] })],
);

export const supportCase = pgTable(
  'support_case',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reference: text('reference').notNull(),
    residentId: uuid('resident_id').notNull(),
    teamId: uuid('team_id').notNull(),
    law: text('law').notNull(),
    status: text('status').notNull(),
    requestText: text('request_text').notNull(),
    state: jsonb('state').$type<CaseState>().notNull(),
    nextDueDate: date('next_due_date', { mode: 'string' }),
    nextDueKind: text('next_due_kind'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);
