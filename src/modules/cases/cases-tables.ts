import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
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

export const caseDecision = pgTable(
  'case_decision',
  {
    municipalityCode: text('municipality_code').notNull(),
    caseId: uuid('case_id').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    outcome: text('outcome').notNull(),
    decidedBy: text('decided_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.caseId] })],
);

export const decisionLine = pgTable(
  'decision_line',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    position: integer('position').notNull(),
    provisionId: uuid('provision_id').notNull(),
    granted: boolean('granted').notNull(),
    form: text('form'),
    providerId: uuid('provider_id'),
    contractId: uuid('contract_id'),
    volume: integer('volume'),
    unit: text('unit'),
    frequency: text('frequency'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    reasoning: text('reasoning').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

export const allocation = pgTable(
  'allocation',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    decisionLineId: uuid('decision_line_id').notNull(),
    residentId: uuid('resident_id').notNull(),
    provisionId: uuid('provision_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    volume: integer('volume').notNull(),
    unit: text('unit').notNull(),
    frequency: text('frequency').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    status: text('status').notNull(),
    /** ToewijzingNummer: how the iWmo/iJw messages identify the allocation (migration 0008). */
    allocationNumber: bigint('allocation_number', { mode: 'number' })
      .notNull()
      .default(sql`nextval('allocation_number_seq')`),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

/** A change to an allocation's end date or size after its decision (migration 0014). */
export const allocationChange = pgTable(
  'allocation_change',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    allocationId: uuid('allocation_id').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    changedBy: text('changed_by').notNull(),
    reason: text('reason').notNull(),
    previousEndDate: date('previous_end_date', { mode: 'string' }),
    previousVolume: integer('previous_volume').notNull(),
    previousFrequency: text('previous_frequency').notNull(),
    endDate: date('end_date', { mode: 'string' }),
    volume: integer('volume').notNull(),
    frequency: text('frequency').notNull(),
    successorAllocationId: uuid('successor_allocation_id'),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

/** The client monitor's read model: one row per decided case (migration 0006). */
export const caseOutcome = pgTable(
  'case_outcome',
  {
    municipalityCode: text('municipality_code').notNull(),
    caseId: uuid('case_id').notNull(),
    law: text('law').notNull(),
    residentId: uuid('resident_id').notNull(),
    neighbourhoodCode: text('neighbourhood_code'),
    teamId: uuid('team_id').notNull(),
    reportDate: date('report_date', { mode: 'string' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    decisionDueDate: date('decision_due_date', { mode: 'string' }),
    evaluationDueOn: date('evaluation_due_on', { mode: 'string' }),
    provisionIds: uuid('provision_ids').array().notNull(),
    providerIds: uuid('provider_ids').array().notNull(),
    outcome: text('outcome'),
    evaluatedOn: date('evaluated_on', { mode: 'string' }),
    zrmImproved: text('zrm_improved').array().notNull(),
    zrmSame: text('zrm_same').array().notNull(),
    zrmWorse: text('zrm_worse').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.caseId] })],
);

/** The latest write to a municipality's case_outcome rows, from one sequence (migration 0006). */
export const caseOutcomeGeneration = pgTable('case_outcome_generation', {
  municipalityCode: text('municipality_code').primaryKey(),
  generation: bigint('generation', { mode: 'bigint' }).notNull(),
});
