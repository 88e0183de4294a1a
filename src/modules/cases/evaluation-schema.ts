/** Zod schemas of the evaluation endpoints and the types inferred from them. */
import { z } from 'zod';
import { isoDate, listOf, personalDataPaging } from '../../shared/schema-helpers.js';
import { uuid, zrmDomain, zrmScoresInput } from './assessment-schema.js';

export const GOAL_ATTAINMENTS = ['yes', 'partly', 'no'] as const;
export const COMPENSATION_OUTCOMES = ['compensated', 'partly_compensated', 'not_compensated'] as const;

export const evaluationBody = z.strictObject({
  evaluatedOn: isoDate,
  goalAttainment: z
    .array(
      z.strictObject({
        goalId: uuid,
        attained: z.enum(GOAL_ATTAINMENTS, {
          error: 'Geef per doel aan of het behaald is: yes, partly of no.',
        }),
      }),
      { error: 'Geef per doel van het plan aan of het behaald is.' },
    )
    .min(1, { error: 'Geef per doel van het plan aan of het behaald is.' })
    .max(20, { error: 'Het plan heeft hoogstens 20 doelen.' }),
  zrm: zrmScoresInput,
});
export type EvaluationBody = z.infer<typeof evaluationBody>;

export const evaluationView = z.object({
  id: z.string(),
  caseId: z.string(),
  evaluatedOn: z.string(),
  goalAttainment: z.array(
    z.object({
      goalId: z.string(),
      domain: zrmDomain,
      description: z.string(),
      attained: z.enum(GOAL_ATTAINMENTS),
    }),
  ),
  zrm: z.record(z.string(), z.number()),
  outcome: z.enum(COMPENSATION_OUTCOMES),
  outcomeLabel: z.string(),
  /** Dutch sentences: the conclusion, the reason, every goal and every concerned domain. */
  explanation: z.array(z.string()),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type EvaluationView = z.infer<typeof evaluationView>;
export const evaluationList = listOf(evaluationView);

export const dueQuery = z.strictObject({ teamId: uuid.optional(), ...personalDataPaging });

export const dueEvaluation = z.object({
  caseId: z.string(),
  reference: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  plannedEvaluationDate: z.string(),
  /** The planned date has passed. */
  overdue: z.boolean(),
});
export type DueEvaluation = z.infer<typeof dueEvaluation>;
export const dueEvaluations = listOf(dueEvaluation);
