/**
 * Assessments: what the case worker found in the assessment (onderzoek) — the life domains, what
 * the resident and his network can do, the personal plan's goals per domain and the ZRM scores
 * at intake. One per case, rewritten while the case is not withdrawn; every read and write is
 * written to the processing log in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError, notFound } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { recordProcessing } from '../processing-log/processing-log-service.js';
import { scopedCase } from './assessment-case-scope.js';
import { checkAssessment } from './assessment-rules.js';
import type { AssessmentBody, AssessmentView } from './assessment-schema.js';
import { caseAssessment } from './assessment-tables.js';
import { refreshCaseOutcome } from './outcome-facts.js';
import { ZRM_DOMAIN_LABELS } from './self-sufficiency.js';

export type AssessmentRow = typeof caseAssessment.$inferSelect;

function toView(row: AssessmentRow, request: string): AssessmentView {
  return {
    caseId: row.caseId,
    request,
    lifeDomains: row.lifeDomains,
    selfReliance: row.selfReliance,
    network: row.network,
    goals: row.goals.map((g) => ({ ...g, domainLabel: ZRM_DOMAIN_LABELS[g.domain] })),
    zrmIntake: row.zrmIntake,
    plannedEvaluationDate: row.plannedEvaluationDate,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/** The assessment of a case the caller has already reached through `scopedCase`; no log entry. */
export async function findAssessment(ctx: TenantContext, caseId: string): Promise<AssessmentRow | undefined> {
  const [row] = await ctx.tx.select().from(caseAssessment).where(eq(caseAssessment.caseId, caseId));
  return row;
}

export async function recordAssessment(
  ctx: TenantContext,
  caseId: string,
  body: AssessmentBody,
  now = new Date(),
): Promise<AssessmentView> {
  const supportCase = await scopedCase(ctx, caseId, true);
  if (supportCase.status === 'withdrawn') {
    throw new DomainError(
      'INVALID_STATE',
      409,
      'De casus is ingetrokken; het onderzoek kan niet meer worden vastgelegd of gewijzigd.',
      'status',
    );
  }
  const checked = checkAssessment(body, supportCase.state.reportDate, randomUUID);
  const existing = await findAssessment(ctx, caseId);
  const values = {
    lifeDomains: checked.lifeDomains,
    selfReliance: body.selfReliance,
    network: body.network,
    goals: checked.goals,
    zrmIntake: checked.zrmIntake,
    plannedEvaluationDate: checked.plannedEvaluationDate,
    recordedBy: ctx.actor.name,
    recordedAt: now,
  };
  const [row] = await ctx.tx
    .insert(caseAssessment)
    .values({ municipalityCode: ctx.municipalityCode, caseId, ...values })
    .onConflictDoUpdate({ target: [caseAssessment.municipalityCode, caseAssessment.caseId], set: values })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  await recordProcessing(ctx, 'assessment.record', existing ? 'update' : 'create', [supportCase.subject]);
  // A plan rewritten after the decision changes which ZRM domains the monitor follows.
  await refreshCaseOutcome(ctx, caseId, now);
  return toView(row, supportCase.requestText);
}

export async function getAssessment(ctx: TenantContext, caseId: string): Promise<AssessmentView> {
  const supportCase = await scopedCase(ctx, caseId);
  const row = await findAssessment(ctx, caseId);
  if (!row) throw notFound('Het onderzoek van deze casus', 'id');
  await recordProcessing(ctx, 'assessment.view', 'read', [supportCase.subject]);
  return toView(row, supportCase.requestText);
}
