/**
 * Decisions: per provision grant or refuse; a granted tailored provision in kind becomes an
 * allocation to a provider under a valid contract. The decision, its lines, its allocations and
 * the case's `decide` step commit together, or not at all.
 */
import { asc, eq } from 'drizzle-orm';
import { DomainError, notFound, validationFailed } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { UNITS } from '../../shared/istandaard-codes.js';
import { recordProcessing } from '../processing-log/processing-log-service.js';
import { getContract } from '../registry/contract-service.js';
import { providerNames } from '../registry/provider-service.js';
import { findProvisions } from '../registry/provision-service.js';
import type { ContractDetail } from '../registry/registry-schema.js';
import { residentIdentities } from '../registry/resident-service.js';
import { findMunicipality } from '../tenancy/tenancy-service.js';
import { allocationChanges, allocationsOfResident } from './allocation-change.js';
import {
  type DecisionLineInput,
  decisionLineViolation,
  type ExistingAllocation,
  FREQUENCIES,
  FREQUENCY_LABELS,
} from './allocation-rules.js';
import { loadScoped, recordCaseEvent } from './case-service.js';
import { allocation, caseDecision, decisionLine } from './cases-tables.js';
import { type DecisionOutcome, generateDecisionLetter } from './decision-letter.js';
import type { DecisionInput, DecisionView } from './decision-schema.js';
import { refreshCaseOutcome } from './outcome-facts.js';

export type { DecisionInput, DecisionView } from './decision-schema.js';

function outcomeOf(lines: readonly DecisionLineInput[]): DecisionOutcome {
  const granted = lines.filter((l) => l.granted).length;
  if (granted === lines.length) return 'granted';
  return granted === 0 ? 'refused' : 'partly_granted';
}

async function contractsById(ctx: TenantContext, ids: string[]): Promise<Map<string, ContractDetail>> {
  const found = new Map<string, ContractDetail>();
  for (const id of new Set(ids)) {
    try {
      found.set(id, await getContract(ctx, id));
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) throw error;
    }
  }
  return found;
}

export async function recordDecision(
  ctx: TenantContext,
  caseId: string,
  input: DecisionInput,
  now = new Date(),
): Promise<DecisionView> {
  const row = await loadScoped(ctx, caseId);
  const [already] = await ctx.tx.select().from(caseDecision).where(eq(caseDecision.caseId, caseId));
  if (already) throw new DomainError('INVALID_STATE', 409, 'Op deze casus is al besloten.', 'status');
  const provisions = new Map(
    (
      await findProvisions(
        ctx,
        input.lines.map((l) => l.provisionId),
      )
    ).map((p) => [p.id, p]),
  );
  const contracts = await contractsById(
    ctx,
    input.lines.flatMap((l) => (l.contractId ? [l.contractId] : [])),
  );
  const existing: ExistingAllocation[] = await allocationsOfResident(ctx, row.residentId);
  for (const [index, line] of input.lines.entries()) {
    const provision = provisions.get(line.provisionId);
    if (provision && provision.law !== row.law) {
      throw validationFailed(
        `lines.${index}.provisionId`,
        `${provision.name} valt niet onder de wet van deze casus.`,
      );
    }
    const violation = decisionLineViolation(
      line,
      provision,
      line.contractId ? contracts.get(line.contractId) : undefined,
      existing,
    );
    if (violation) throw validationFailed(`lines.${index}.${violation.field}`, violation.message);
    // Lines of the same decision may not stack either.
    if (line.granted && line.form === 'in_kind' && line.providerId && line.startDate) {
      existing.push({
        provisionId: line.provisionId,
        providerId: line.providerId,
        startDate: line.startDate,
        endDate: line.endDate,
      });
    }
  }
  const decided = await recordCaseEvent(ctx, caseId, { type: 'decide', at: input.at }, now);
  const decidedOn = decided.history.at(-1)?.on ?? now.toISOString().slice(0, 10);
  await ctx.tx.insert(caseDecision).values({
    municipalityCode: ctx.municipalityCode,
    caseId,
    decidedOn,
    outcome: outcomeOf(input.lines),
    decidedBy: ctx.actor.name,
  });
  for (const [position, line] of input.lines.entries()) {
    const provision = provisions.get(line.provisionId);
    const [stored] = await ctx.tx
      .insert(decisionLine)
      .values({
        municipalityCode: ctx.municipalityCode,
        caseId,
        position,
        ...line,
        unit: line.granted && provision?.kind === 'tailored' ? provision.unit : null,
      })
      .returning({ id: decisionLine.id });
    if (!stored) throw new Error('insert returned no row');
    if (
      line.granted &&
      line.form === 'in_kind' &&
      line.providerId &&
      line.contractId &&
      line.volume &&
      line.frequency &&
      line.startDate &&
      provision?.unit
    ) {
      await ctx.tx.insert(allocation).values({
        municipalityCode: ctx.municipalityCode,
        caseId,
        decisionLineId: stored.id,
        residentId: row.residentId,
        provisionId: line.provisionId,
        providerId: line.providerId,
        contractId: line.contractId,
        volume: line.volume,
        unit: provision.unit,
        frequency: line.frequency,
        startDate: line.startDate,
        endDate: line.endDate,
        status: 'allocated',
      });
    }
  }
  await refreshCaseOutcome(ctx, caseId, now);
  return getDecision(ctx, caseId, { log: false });
}

export async function getDecision(
  ctx: TenantContext,
  caseId: string,
  options = { log: true },
): Promise<DecisionView> {
  const row = await loadScoped(ctx, caseId);
  const [decision] = await ctx.tx.select().from(caseDecision).where(eq(caseDecision.caseId, caseId));
  if (!decision) throw notFound('Het besluit op deze casus', 'id');
  const lines = await ctx.tx
    .select()
    .from(decisionLine)
    .where(eq(decisionLine.caseId, caseId))
    .orderBy(asc(decisionLine.position));
  const allocations = await ctx.tx
    .select()
    .from(allocation)
    .where(eq(allocation.caseId, caseId))
    .orderBy(asc(allocation.allocationNumber));
  const changes = await allocationChanges(
    ctx,
    allocations.map((a) => a.id),
  );
  const provisions = new Map(
    (
      await findProvisions(
        ctx,
        lines.map((l) => l.provisionId),
      )
    ).map((p) => [p.id, p]),
  );
  const providers = await providerNames(
    ctx,
    lines.flatMap((l) => (l.providerId ? [l.providerId] : [])),
  );
  if (options.log) {
    const identity = (await residentIdentities(ctx, [row.residentId])).get(row.residentId);
    await recordProcessing(ctx, 'case.view', 'read', [{ residentId: row.residentId, bsn: identity?.bsn }]);
  }
  const outcome = (['granted', 'partly_granted', 'refused'] as const).find((o) => o === decision.outcome);
  if (!outcome) throw new Error(`decision ${caseId} has an unknown outcome`);
  return {
    caseId,
    decidedOn: decision.decidedOn,
    outcome,
    decidedBy: decision.decidedBy,
    lines: lines.map((l) => ({
      id: l.id,
      provisionId: l.provisionId,
      provisionName: provisions.get(l.provisionId)?.name ?? '',
      granted: l.granted,
      form: l.form === 'in_kind' || l.form === 'personal_budget' ? l.form : null,
      providerId: l.providerId,
      providerName: l.providerId ? (providers.get(l.providerId) ?? null) : null,
      contractId: l.contractId,
      volume: l.volume,
      unit: l.unit,
      frequency: FREQUENCIES.find((f) => f === l.frequency) ?? null,
      startDate: l.startDate,
      endDate: l.endDate,
      reasoning: l.reasoning,
    })),
    allocations: allocations.map(
      ({ municipalityCode: _m, caseId: _c, decisionLineId: _d, residentId: _r, ...a }) => ({
        ...a,
        changes: changes.get(a.id) ?? [],
      }),
    ),
  };
}

/** The decision letter as a PDF, generated from the stored decision. */
export async function decisionLetterPdf(
  ctx: TenantContext,
  caseId: string,
): Promise<{ pdf: Uint8Array; filename: string }> {
  const row = await loadScoped(ctx, caseId);
  const decision = await getDecision(ctx, caseId);
  const identity = (await residentIdentities(ctx, [row.residentId])).get(row.residentId);
  const municipality = await findMunicipality(ctx.tx, ctx.municipalityCode);
  if (!identity || !municipality) throw new Error('case refers to missing data');
  const provisions = new Map(
    (
      await findProvisions(
        ctx,
        decision.lines.map((l) => l.provisionId),
      )
    ).map((p) => [p.id, p]),
  );
  const law = row.law === 'wmo' || row.law === 'youth' || row.law === 'participation' ? row.law : 'wmo';
  const pdf = await generateDecisionLetter({
    municipalityName: municipality.name,
    caseReference: row.reference,
    decisionDate: decision.decidedOn,
    resident: { name: identity.name },
    law,
    outcome: decision.outcome,
    caseWorkerName: decision.decidedBy,
    provisions: decision.lines.map((l) => ({
      name: l.provisionName,
      kind: provisions.get(l.provisionId)?.kind ?? 'tailored',
      form: l.form,
      providerName: l.providerName,
      volume: l.volume,
      unitLabel: l.unit ? (UNITS.find((u) => u.code === l.unit)?.description.toLowerCase() ?? null) : null,
      frequencyLabel: l.frequency ? FREQUENCY_LABELS[l.frequency] : null,
      startDate: l.startDate ?? decision.decidedOn,
      endDate: l.endDate,
      granted: l.granted,
      reasoning: l.reasoning,
    })),
  });
  return { pdf, filename: `beschikking-${row.reference}.pdf` };
}
