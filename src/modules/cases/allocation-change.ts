/**
 * Changing allocations after their decision: a later end date, an earlier one, or another size,
 * as the municipality grants a provider's request for a change (317, Verzoek om wijziging). The
 * changed terms obey the same rules as a decision line (contract, Omvang, stapeling); what the
 * request cannot change without a new decision (the product, the unit) is refused with the
 * reason. As the standard prescribes (IV093), an end date, or the size of a total within the
 * period, changes in place; another size per day, week or month ends the allocation the day
 * before it applies and a new allocation of the same decision line continues it. The allocation
 * keeps the terms in force and `allocation_change` what they were, so the case shows the
 * history and the next 301 tells the provider.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { conflict } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { recordProcessing } from '../processing-log/processing-log-service.js';
import { getContract } from '../registry/contract-service.js';
import { findProvisions } from '../registry/provision-service.js';
import { residentIdentities } from '../registry/resident-service.js';
import {
  decisionLineViolation,
  type ExistingAllocation,
  FREQUENCIES,
  type Frequency,
} from './allocation-rules.js';
import { addDays } from './calendar-date.js';
import { allocation, allocationChange } from './cases-tables.js';
import type { Law } from './legal-clock.js';
import { refreshCaseOutcome } from './outcome-facts.js';

export interface AllocationChangeInput {
  allocationNumber: number;
  /** GewensteIngangsdatum: from when the change applies (a new size starts then). */
  startDate: string;
  endDate: string | null;
  /** Absent: the size stays as it is. */
  volume?: number | undefined;
  unit?: string | undefined;
  frequency?: string | undefined;
}

export interface AllocationChangeView {
  changedAt: string;
  changedBy: string;
  reason: string;
  previousEndDate: string | null;
  previousVolume: number;
  previousFrequency: string;
  endDate: string | null;
  volume: number;
  frequency: string;
  successorAllocationId: string | null;
}

/**
 * Applies the changes to the provider's allocations under this law, all or none (the caller's
 * transaction). Every failure is a 409 on `field` naming the allocation number and the rule.
 * Returns the cases whose allocations changed.
 */
export async function changeAllocations(
  ctx: TenantContext,
  input: {
    providerId: string;
    law: Law;
    changes: readonly AllocationChangeInput[];
    reason: string;
    field: string;
  },
  now = new Date(),
): Promise<{ caseIds: string[]; changed: number }> {
  const { field } = input;
  if (input.changes.length === 0) return { caseIds: [], changed: 0 };
  const rows = await ctx.tx
    .select()
    .from(allocation)
    .where(
      and(
        eq(allocation.providerId, input.providerId),
        inArray(
          allocation.allocationNumber,
          input.changes.map((c) => c.allocationNumber),
        ),
      ),
    );
  const byNumber = new Map(rows.map((r) => [r.allocationNumber, r]));
  const provisions = new Map(
    (
      await findProvisions(
        ctx,
        rows.map((r) => r.provisionId),
      )
    ).map((p) => [p.id, p]),
  );
  const caseIds = new Set<string>();
  const residents = new Set<string>();
  let changed = 0;
  for (const change of input.changes) {
    const n = change.allocationNumber;
    const row = byNumber.get(n);
    const provision = row ? provisions.get(row.provisionId) : undefined;
    if (!row || !provision || provision.law !== input.law) {
      throw conflict(field, `Toewijzing ${n} bestaat niet bij deze aanbieder onder deze wet.`);
    }
    if (row.status === 'stopped') {
      throw conflict(field, `Toewijzing ${n} is al beëindigd (stop ontvangen) en kan niet meer wijzigen.`);
    }
    if (change.unit !== undefined && change.unit !== row.unit) {
      throw conflict(
        field,
        `Toewijzing ${n}: een andere eenheid (${change.unit} in plaats van ${row.unit}) is een ander product en vraagt een nieuw besluit.`,
      );
    }
    const frequencyCode = change.frequency ?? row.frequency;
    const frequency = FREQUENCIES.find((f): f is Frequency => f === frequencyCode);
    if (frequency === undefined) {
      throw conflict(field, `Toewijzing ${n}: frequentie ${frequencyCode} bestaat niet (WMO757).`);
    }
    const volume = change.volume ?? row.volume;
    const endDate = change.endDate;
    const sizeChanges = volume !== row.volume || frequency !== row.frequency;
    if (!sizeChanges && endDate === row.endDate) continue;
    const others = await allocationsOfResident(ctx, row.residentId, row.id);
    const contract = await getContract(ctx, row.contractId);
    const check = (terms: {
      volume: number;
      frequency: Frequency;
      startDate: string;
      endDate: string | null;
    }) => {
      const violation = decisionLineViolation(
        {
          provisionId: row.provisionId,
          granted: true,
          form: 'in_kind',
          providerId: row.providerId,
          contractId: row.contractId,
          reasoning: '',
          ...terms,
        },
        provision,
        contract,
        others,
      );
      if (violation) throw conflict(field, `Toewijzing ${n}: ${violation.message}`);
    };
    const changeRow = {
      municipalityCode: ctx.municipalityCode,
      allocationId: row.id,
      changedAt: now,
      changedBy: ctx.actor.name,
      reason: input.reason,
      previousEndDate: row.endDate,
      previousVolume: row.volume,
      previousFrequency: row.frequency,
    };
    // IV093: the end date, and the size of a total over the whole period, change in place (same
    // ToewijzingNummer); another size per day, week or month ends this allocation the day before
    // the wished start, and a new one continues it with the new size.
    if (!sizeChanges || row.frequency === '6') {
      if (frequency !== row.frequency) {
        throw conflict(
          field,
          `Toewijzing ${n}: een omvang in totaal binnen de looptijd kan niet in een omvang per periode veranderen; dat vraagt een nieuw besluit.`,
        );
      }
      check({ volume, frequency, startDate: row.startDate, endDate });
      await ctx.tx.update(allocation).set({ endDate, volume }).where(eq(allocation.id, row.id));
      await ctx.tx.insert(allocationChange).values({ ...changeRow, endDate, volume, frequency });
    } else {
      if (change.startDate <= row.startDate) {
        throw conflict(
          field,
          `Toewijzing ${n}: een andere omvang gaat in na de ingangsdatum van de toewijzing (${row.startDate}); de gewenste ingangsdatum is ${change.startDate}.`,
        );
      }
      if (row.endDate !== null && change.startDate > row.endDate) {
        throw conflict(
          field,
          `Toewijzing ${n}: de gewenste ingangsdatum ${change.startDate} ligt na de einddatum van de toewijzing (${row.endDate}).`,
        );
      }
      const endsOn = addDays(change.startDate, -1);
      check({ volume, frequency, startDate: change.startDate, endDate });
      const [successor] = await ctx.tx
        .insert(allocation)
        .values({
          municipalityCode: ctx.municipalityCode,
          caseId: row.caseId,
          decisionLineId: row.decisionLineId,
          residentId: row.residentId,
          provisionId: row.provisionId,
          providerId: row.providerId,
          contractId: row.contractId,
          volume,
          unit: row.unit,
          frequency,
          startDate: change.startDate,
          endDate,
          status: 'allocated',
        })
        .returning({ id: allocation.id });
      if (!successor) throw new Error('insert returned no row');
      await ctx.tx.update(allocation).set({ endDate: endsOn }).where(eq(allocation.id, row.id));
      await ctx.tx.insert(allocationChange).values({
        ...changeRow,
        endDate: endsOn,
        volume: row.volume,
        frequency: row.frequency as Frequency,
        successorAllocationId: successor.id,
      });
    }
    caseIds.add(row.caseId);
    residents.add(row.residentId);
    changed += 1;
  }
  for (const caseId of caseIds) await refreshCaseOutcome(ctx, caseId, now);
  const identities = await residentIdentities(ctx, [...residents]);
  await recordProcessing(
    ctx,
    'case.update',
    'update',
    [...residents].map((residentId) => ({ residentId, bsn: identities.get(residentId)?.bsn })),
  );
  return { caseIds: [...caseIds], changed };
}

/** The resident's allocations as the stapeling rule sees them, but for one being changed. */
export async function allocationsOfResident(
  ctx: TenantContext,
  residentId: string,
  exceptAllocationId?: string,
): Promise<ExistingAllocation[]> {
  return ctx.tx
    .select({
      provisionId: allocation.provisionId,
      providerId: allocation.providerId,
      startDate: allocation.startDate,
      endDate: allocation.endDate,
    })
    .from(allocation)
    .where(
      and(
        eq(allocation.residentId, residentId),
        exceptAllocationId === undefined ? undefined : ne(allocation.id, exceptAllocationId),
      ),
    );
}

/** The changes of these allocations, oldest first, by allocation id. */
export async function allocationChanges(
  ctx: TenantContext,
  allocationIds: readonly string[],
): Promise<Map<string, AllocationChangeView[]>> {
  const found = new Map<string, AllocationChangeView[]>();
  if (allocationIds.length === 0) return found;
  const rows = await ctx.tx
    .select()
    .from(allocationChange)
    .where(inArray(allocationChange.allocationId, [...allocationIds]))
    .orderBy(asc(allocationChange.changedAt));
  for (const r of rows) {
    found.set(r.allocationId, [
      ...(found.get(r.allocationId) ?? []),
      {
        changedAt: r.changedAt.toISOString(),
        changedBy: r.changedBy,
        reason: r.reason,
        previousEndDate: r.previousEndDate,
        previousVolume: r.previousVolume,
        previousFrequency: r.previousFrequency,
        endDate: r.endDate,
        volume: r.volume,
        frequency: r.frequency,
        successorAllocationId: r.successorAllocationId,
      },
    ]);
  }
  return found;
}
