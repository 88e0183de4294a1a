/**
 * Evaluations: at the planned date the case worker records goal attainment and new ZRM scores,
 * and the platform derives whether the limitations were compensated, by the municipality's
 * compensation rule, with its reasons. Evaluations are never rewritten. The evaluations due form
 * part of the worklist. Every read and write is written to the processing log.
 */
import { and, asc, count, eq, inArray, lte } from 'drizzle-orm';
import { DomainError, validationFailed } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { recordProcessing } from '../processing-log/processing-log-service.js';
import { residentIdentities } from '../registry/resident-service.js';
import { scopedCase } from './assessment-case-scope.js';
import { findAssessment } from './assessment-service.js';
import { addDays } from './calendar-date.js';
import { caseOutcome, supportCase } from './cases-tables.js';
import { checkEvaluation, compensationRuleFor } from './evaluation-rules.js';
import type { DueEvaluation, EvaluationBody, EvaluationView } from './evaluation-schema.js';
import { caseEvaluation } from './evaluation-tables.js';
import { refreshCaseOutcome } from './outcome-facts.js';
import { COMPENSATION_OUTCOME_LABELS } from './self-sufficiency.js';
import { teamIdsOf } from './teams-service.js';

/** An evaluation shows up in the worklist this many days before its planned date. */
export const EVALUATION_DUE_SOON_DAYS = 14;

function toView(row: typeof caseEvaluation.$inferSelect): EvaluationView {
  return {
    id: row.id,
    caseId: row.caseId,
    evaluatedOn: row.evaluatedOn,
    goalAttainment: row.goalAttainment,
    zrm: row.zrm,
    outcome: row.outcome,
    outcomeLabel: COMPENSATION_OUTCOME_LABELS[row.outcome],
    explanation: row.explanation,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
  };
}

export async function recordEvaluation(
  ctx: TenantContext,
  caseId: string,
  body: EvaluationBody,
  now = new Date(),
): Promise<EvaluationView> {
  const found = await scopedCase(ctx, caseId, true);
  if (found.status !== 'decided') {
    throw new DomainError(
      'INVALID_STATE',
      409,
      'Een evaluatie kan pas nadat over de aanvraag is besloten.',
      'status',
    );
  }
  const assessment = await findAssessment(ctx, caseId);
  if (!assessment) {
    throw new DomainError(
      'INVALID_STATE',
      409,
      'Deze casus heeft nog geen onderzoek met een plan; leg dat eerst vast.',
      'assessment',
    );
  }
  const checked = checkEvaluation(
    body,
    {
      goals: assessment.goals,
      zrmIntake: assessment.zrmIntake,
      assessedOn: todayInNetherlands(assessment.recordedAt),
    },
    todayInNetherlands(now),
    await compensationRuleFor(ctx),
  );
  const [row] = await ctx.tx
    .insert(caseEvaluation)
    .values({
      municipalityCode: ctx.municipalityCode,
      caseId,
      evaluatedOn: body.evaluatedOn,
      ...checked,
      recordedBy: ctx.actor.name,
      recordedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await recordProcessing(ctx, 'evaluation.record', 'create', [found.subject]);
  await refreshCaseOutcome(ctx, caseId, now);
  return toView(row);
}

/** A case's evaluations, oldest first. */
export async function listEvaluations(ctx: TenantContext, caseId: string): Promise<EvaluationView[]> {
  const found = await scopedCase(ctx, caseId);
  const rows = await ctx.tx
    .select()
    .from(caseEvaluation)
    .where(eq(caseEvaluation.caseId, caseId))
    .orderBy(asc(caseEvaluation.evaluatedOn), asc(caseEvaluation.recordedAt));
  await recordProcessing(ctx, 'evaluation.view', 'read', [found.subject]);
  return rows.map(toView);
}

/**
 * Decided cases of the case worker's teams whose planned evaluation lies within
 * EVALUATION_DUE_SOON_DAYS (or has passed) and that have no evaluation on or after that date,
 * the earliest planned date first, one page at a time (only the page's residents are logged).
 */
export async function evaluationsDue(
  ctx: TenantContext,
  query: { teamId?: string | undefined; limit: number; offset: number },
  now = new Date(),
): Promise<{ items: DueEvaluation[]; total: number }> {
  const teams = await teamIdsOf(ctx, ctx.actor.id);
  if (query.teamId && !teams.includes(query.teamId)) {
    throw validationFailed('teamId', 'U ziet alleen de werkvoorraad van uw eigen teams.');
  }
  const selected = query.teamId ? [query.teamId] : teams;
  if (selected.length === 0) return { items: [], total: 0 };
  const today = todayInNetherlands(now);
  // The outcome row carries the planned date while no evaluation on or after it exists; only
  // decided cases have one, so the case itself is needed for the page's columns only.
  const where = and(
    inArray(caseOutcome.teamId, selected),
    lte(caseOutcome.evaluationDueOn, addDays(today, EVALUATION_DUE_SOON_DAYS)),
  );
  const joined = and(
    eq(supportCase.municipalityCode, caseOutcome.municipalityCode),
    eq(supportCase.id, caseOutcome.caseId),
  );
  const found = await ctx.tx
    .select({
      caseId: supportCase.id,
      reference: supportCase.reference,
      residentId: supportCase.residentId,
      plannedEvaluationDate: caseOutcome.evaluationDueOn,
    })
    .from(caseOutcome)
    .innerJoin(supportCase, joined)
    .where(where)
    .orderBy(asc(caseOutcome.evaluationDueOn), asc(supportCase.reference))
    .limit(query.limit)
    .offset(query.offset);
  const rows = found.flatMap((r) =>
    r.plannedEvaluationDate === null ? [] : [{ ...r, plannedEvaluationDate: r.plannedEvaluationDate }],
  );
  const [counted] = await ctx.tx.select({ total: count() }).from(caseOutcome).where(where);
  const identities = await residentIdentities(
    ctx,
    rows.map((r) => r.residentId),
  );
  const items = rows.map((row) => {
    const identity = identities.get(row.residentId);
    if (!identity) throw new Error(`case ${row.caseId} refers to a missing resident`);
    return {
      ...row,
      residentName: identity.name,
      bsn: identity.bsn,
      overdue: row.plannedEvaluationDate < today,
    };
  });
  await recordProcessing(
    ctx,
    'evaluation.due',
    'read',
    items.map((i) => ({ residentId: i.residentId, bsn: i.bsn })),
  );
  return { items: items.map(({ bsn: _bsn, ...item }) => item), total: counted?.total ?? 0 };
}
