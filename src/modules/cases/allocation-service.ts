/**
 * Allocations for other modules: the message exchange reads a provider's allocations with what
 * the provider was told about them, and moves their status as starts and stops arrive.
 * Identity comes without a log entry of its own; the caller records the processing under its
 * own activity in the same transaction.
 */
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { TenantContext } from '../../server/request-context.js';
import { contractTariffs } from '../registry/contract-service.js';
import { findProvisions } from '../registry/provision-service.js';
import { residentIdentities } from '../registry/resident-service.js';
import { allocation } from './cases-tables.js';
import type { Law } from './legal-clock.js';

export type AllocationStatus = 'allocated' | 'started' | 'stopped';

/** What an allocation allows, under which contract, for the provider monitor and the messages. */
export interface MonitoredAllocation {
  id: string;
  providerId: string;
  contractId: string;
  provisionId: string;
  law: Law;
  startDate: string;
  endDate: string | null;
  volume: number;
  unit: string;
  frequency: string;
  status: AllocationStatus;
  contractTariffCents: number | null;
}

/** An allocation as the provider was told about it: with its number, client and product. */
export interface ProviderAllocation extends MonitoredAllocation {
  allocationNumber: number;
  caseId: string;
  residentId: string;
  bsn: string;
  /** For the provider simulator, which writes messages as a provider would. */
  dateOfBirth: string;
  name: string;
  productCategory: string;
  productCode: string | null;
}

/**
 * The provider's allocations under one law; with `numbers`, only those (the ones a message
 * names). Allocations of provisions without a product category cannot be exchanged and are
 * left out.
 */
export async function providerAllocations(
  ctx: TenantContext,
  providerId: string,
  law: Law,
  numbers?: readonly number[],
): Promise<ProviderAllocation[]> {
  if (numbers !== undefined && numbers.length === 0) return [];
  const conditions = [eq(allocation.providerId, providerId)];
  if (numbers !== undefined) conditions.push(inArray(allocation.allocationNumber, [...new Set(numbers)]));
  return exchangeableAllocations(ctx, and(...conditions), law);
}

/**
 * The exchangeable allocations with these numbers, of any provider and law: one query for a
 * batch of messages from many providers, which the caller splits per provider and law.
 */
export async function allocationsByNumber(
  ctx: TenantContext,
  numbers: readonly number[],
): Promise<ProviderAllocation[]> {
  if (numbers.length === 0) return [];
  return exchangeableAllocations(ctx, inArray(allocation.allocationNumber, [...new Set(numbers)]));
}

/**
 * The exchangeable allocations of these cases, or of all cases: what the allocation messages
 * (301) are composed from.
 */
export async function allocationsOfCases(
  ctx: TenantContext,
  caseIds?: readonly string[],
): Promise<ProviderAllocation[]> {
  if (caseIds !== undefined && caseIds.length === 0) return [];
  return exchangeableAllocations(
    ctx,
    caseIds === undefined ? undefined : inArray(allocation.caseId, [...new Set(caseIds)]),
  );
}

/** Every exchangeable allocation of these residents at this provider: a 301's full set. */
export async function allocationsOfResidentsAt(
  ctx: TenantContext,
  providerId: string,
  residentIds: readonly string[],
): Promise<ProviderAllocation[]> {
  if (residentIds.length === 0) return [];
  return exchangeableAllocations(
    ctx,
    and(eq(allocation.providerId, providerId), inArray(allocation.residentId, [...new Set(residentIds)])),
  );
}

async function exchangeableAllocations(
  ctx: TenantContext,
  where: SQL | undefined,
  law?: Law,
): Promise<ProviderAllocation[]> {
  const rows = await ctx.tx.select().from(allocation).where(where);
  if (rows.length === 0) return [];
  const { provisionOf, tariffOf } = await termsOf(ctx, rows);
  const identities = await residentIdentities(ctx, [...new Set(rows.map((r) => r.residentId))]);
  const result: ProviderAllocation[] = [];
  for (const row of rows) {
    const provision = provisionOf.get(row.provisionId);
    const identity = identities.get(row.residentId);
    if (!provision || !identity) throw new Error(`allocation ${row.id} refers to missing data`);
    if ((law !== undefined && provision.law !== law) || provision.productCategory === null) continue;
    result.push({
      id: row.id,
      providerId: row.providerId,
      contractId: row.contractId,
      allocationNumber: row.allocationNumber,
      caseId: row.caseId,
      residentId: row.residentId,
      bsn: identity.bsn,
      dateOfBirth: identity.dateOfBirth,
      name: identity.name,
      law: provision.law,
      provisionId: row.provisionId,
      productCategory: provision.productCategory,
      productCode: provision.productCode,
      startDate: row.startDate,
      endDate: row.endDate,
      volume: row.volume,
      unit: row.unit,
      frequency: row.frequency,
      status: row.status as AllocationStatus,
      contractTariffCents: tariffOf(row),
    });
  }
  return result;
}

/**
 * Moves allocations along allocated → started → stopped as the provider reports it: one
 * statement per status, whatever the number of allocations.
 */
export async function setAllocationStatuses(
  ctx: TenantContext,
  statuses: ReadonlyMap<string, AllocationStatus>,
): Promise<void> {
  const byStatus = new Map<AllocationStatus, string[]>();
  for (const [id, status] of statuses) byStatus.set(status, [...(byStatus.get(status) ?? []), id]);
  for (const [status, ids] of byStatus) {
    await ctx.tx.update(allocation).set({ status }).where(inArray(allocation.id, ids));
  }
}

/** The residents (with BSN, for the processing log) of these allocations. */
export async function allocationSubjects(
  ctx: TenantContext,
  allocationIds: readonly string[],
): Promise<{ residentId: string; bsn: string }[]> {
  if (allocationIds.length === 0) return [];
  const rows = await ctx.tx
    .selectDistinct({ residentId: allocation.residentId })
    .from(allocation)
    .where(inArray(allocation.id, [...allocationIds]));
  const identities = await residentIdentities(
    ctx,
    rows.map((r) => r.residentId),
  );
  return rows.map((r) => ({ residentId: r.residentId, bsn: identities.get(r.residentId)?.bsn ?? '' }));
}

export interface AllocationListItem {
  id: string;
  allocationNumber: number;
  residentId: string;
  bsn: string;
  name: string;
  provisionId: string;
  providerId: string;
  volume: number;
  unit: string;
  frequency: string;
  startDate: string;
  endDate: string | null;
  status: AllocationStatus;
}

/**
 * A page of one provider's allocations, newest first, with the resident's BSN and name: what a
 * provider needs to deliver and to write its messages. The caller logs the page's residents.
 */
export async function allocationsOfProvider(
  ctx: TenantContext,
  providerId: string,
  page: { limit: number; offset: number; status?: AllocationStatus },
): Promise<{ items: AllocationListItem[]; total: number }> {
  const where = and(
    eq(allocation.providerId, providerId),
    page.status ? eq(allocation.status, page.status) : undefined,
  );
  const rows = await ctx.tx
    .select()
    .from(allocation)
    .where(where)
    .orderBy(desc(allocation.startDate), desc(allocation.allocationNumber))
    .limit(page.limit)
    .offset(page.offset);
  const [counted] = await ctx.tx.select({ total: count() }).from(allocation).where(where);
  const identities = await residentIdentities(ctx, [...new Set(rows.map((r) => r.residentId))]);
  return {
    items: rows.map((r) => {
      const identity = identities.get(r.residentId);
      return {
        id: r.id,
        allocationNumber: r.allocationNumber,
        residentId: r.residentId,
        bsn: identity?.bsn ?? '',
        name: identity?.name ?? '',
        provisionId: r.provisionId,
        providerId: r.providerId,
        volume: r.volume,
        unit: r.unit,
        frequency: r.frequency,
        startDate: r.startDate,
        endDate: r.endDate,
        status: r.status as AllocationStatus,
      };
    }),
    total: counted?.total ?? 0,
  };
}

/** Every allocation under the given laws, without identity: for the provider monitor. */
export async function allocationsForMonitor(
  ctx: TenantContext,
  laws: readonly Law[],
): Promise<MonitoredAllocation[]> {
  const rows = await ctx.tx
    .select({
      id: allocation.id,
      providerId: allocation.providerId,
      contractId: allocation.contractId,
      provisionId: allocation.provisionId,
      startDate: allocation.startDate,
      endDate: allocation.endDate,
      volume: allocation.volume,
      unit: allocation.unit,
      frequency: allocation.frequency,
      status: allocation.status,
    })
    .from(allocation);
  const { provisionOf, tariffOf } = await termsOf(ctx, rows);
  const result: MonitoredAllocation[] = [];
  for (const row of rows) {
    const rowLaw = provisionOf.get(row.provisionId)?.law;
    if (rowLaw === undefined || !laws.includes(rowLaw)) continue;
    result.push({
      ...row,
      law: rowLaw,
      status: row.status as AllocationStatus,
      contractTariffCents: tariffOf(row),
    });
  }
  return result;
}

/** The provisions and contract tariffs of allocation rows; one statement each. */
async function termsOf(
  ctx: TenantContext,
  rows: readonly { provisionId: string; contractId: string }[],
): Promise<{
  provisionOf: Map<string, Awaited<ReturnType<typeof findProvisions>>[number]>;
  tariffOf: (row: { provisionId: string; contractId: string }) => number | null;
}> {
  // One after another: the statements share the transaction's connection.
  const provisions = await findProvisions(ctx, [...new Set(rows.map((r) => r.provisionId))]);
  const tariffs = await contractTariffs(
    ctx,
    rows.map((r) => r.contractId),
  );
  return {
    provisionOf: new Map(provisions.map((p) => [p.id, p])),
    tariffOf: (row) => tariffs.get(`${row.contractId}|${row.provisionId}`) ?? null,
  };
}
