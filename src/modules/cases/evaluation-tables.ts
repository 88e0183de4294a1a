/** Evaluations of a case (migration 0005): inserted, never rewritten. */
import { date, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CompensationOutcome, GoalAttainment, ZrmDomain, ZrmScores } from './self-sufficiency.js';

/** The goal is copied in, so the record stays readable when the assessment is rewritten later. */
export interface StoredGoalAttainment {
  goalId: string;
  domain: ZrmDomain;
  description: string;
  attained: GoalAttainment;
}

export const caseEvaluation = pgTable(
  'case_evaluation',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    evaluatedOn: date('evaluated_on', { mode: 'string' }).notNull(),
    goalAttainment: jsonb('goal_attainment').$type<StoredGoalAttainment[]>().notNull(),
    zrm: jsonb('zrm').$type<ZrmScores>().notNull(),
    outcome: text('outcome').$type<CompensationOutcome>().notNull(),
    explanation: text('explanation').array().notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);
