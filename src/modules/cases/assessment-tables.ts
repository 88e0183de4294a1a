/** The assessment of a case (migration 0005): one per case, rewritten while the case is open. */
import { date, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ZrmDomain, ZrmScores } from './self-sufficiency.js';

export interface StoredGoal {
  id: string;
  domain: ZrmDomain;
  description: string;
}

export const caseAssessment = pgTable(
  'case_assessment',
  {
    municipalityCode: text('municipality_code').notNull(),
    caseId: uuid('case_id').notNull(),
    lifeDomains: text('life_domains').array().$type<ZrmDomain[]>().notNull(),
    selfReliance: text('self_reliance').notNull(),
    network: text('network').notNull(),
    goals: jsonb('goals').$type<StoredGoal[]>().notNull(),
    zrmIntake: jsonb('zrm_intake').$type<ZrmScores>().notNull(),
    plannedEvaluationDate: date('planned_evaluation_date', { mode: 'string' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.caseId] })],
);
