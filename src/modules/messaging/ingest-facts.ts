/**
 * What the rules across messages need for a batch of received messages, loaded with a few
 * set queries for the whole batch, and kept up to date in memory as each message of the batch
 * is applied, so a later message in the batch sees what an earlier one did (a stop after its
 * start, a credit after its debit) exactly as if they had arrived one by one.
 */
import { and, inArray, isNull } from 'drizzle-orm';
import type { TenantContext } from '../../server/request-context.js';
import {
  type AllocationStatus,
  allocationsByNumber,
  type ProviderAllocation,
} from '../cases/allocation-service.js';
import type { Law } from '../cases/legal-clock.js';
import type { ProviderMessage } from './codec/provider-messages.js';
import { careReport, claim, claimedService } from './messaging-tables.js';
import type {
  AllocationFacts,
  CareMessageFacts,
  CareReportFacts,
  ClaimFacts,
  PriorServiceFacts,
} from './rules/facts.js';
import type { Standard } from './standard/model.js';

export const LAW_OF_STANDARD: Readonly<Record<Standard, Law>> = { iwmo: 'wmo', ijw: 'youth' };
const STANDARD_OF_LAW = new Map<Law, Standard>([
  ['wmo', 'iwmo'],
  ['youth', 'ijw'],
]);

/** A current start or stop, with its row id so a withdrawal can mark it. */
export interface StoredReport extends CareReportFacts {
  id: string;
}

export interface BatchMessage {
  providerId: string;
  decoded: ProviderMessage;
}

const groupKey = (providerId: string, standard: Standard) => `${providerId}|${standard}`;

export class IngestFacts {
  private constructor(
    private readonly allocationsByGroup: Map<string, Map<number, ProviderAllocation>>,
    private readonly reportsByAllocation: Map<string, StoredReport[]>,
    private readonly servicesByGroup: Map<string, Map<string, PriorServiceFacts>>,
    private readonly claimNumbers: Set<string>,
    /** The status each touched allocation ends the batch with. */
    readonly allocationStatus: Map<string, AllocationStatus>,
  ) {}

  static async load(ctx: TenantContext, messages: readonly BatchMessage[]): Promise<IngestFacts> {
    const numbersByGroup = new Map<string, Set<number>>();
    const references = new Set<string>();
    const serviceNumbers = new Set<number>();
    const claimNumbers = new Set<string>();
    const providerIds = new Set<string>();
    for (const { providerId, decoded } of messages) {
      const key = groupKey(providerId, decoded.kind.standard);
      const numbers = numbersByGroup.get(key) ?? new Set<number>();
      numbersByGroup.set(key, numbers);
      providerIds.add(providerId);
      if (decoded.type === '323') {
        claimNumbers.add(decoded.claimNumber);
        for (const s of decoded.services) {
          numbers.add(s.allocationNumber);
          serviceNumbers.add(s.allocationNumber);
          references.add(s.referenceNumber);
          if (s.previousReferenceNumber !== undefined) references.add(s.previousReferenceNumber);
        }
      } else {
        for (const line of decoded.lines)
          if (line.allocationNumber !== undefined) numbers.add(line.allocationNumber);
      }
    }

    // One query for every provider and law of the batch; a group sees only its own provider's
    // allocations of its law, and only the numbers its messages named.
    const allocationsByGroup = new Map<string, Map<number, ProviderAllocation>>();
    for (const key of numbersByGroup.keys()) allocationsByGroup.set(key, new Map());
    const named = await allocationsByNumber(
      ctx,
      [...numbersByGroup.values()].flatMap((numbers) => [...numbers]),
    );
    for (const a of named) {
      const standard = STANDARD_OF_LAW.get(a.law);
      if (standard === undefined) continue;
      const key = groupKey(a.providerId, standard);
      if (numbersByGroup.get(key)?.has(a.allocationNumber))
        allocationsByGroup.get(key)?.set(a.allocationNumber, a);
    }

    const allocationIds = [...allocationsByGroup.values()].flatMap((m) => [...m.values()].map((a) => a.id));
    const numberById = new Map(
      [...allocationsByGroup.values()].flatMap((m) =>
        [...m.values()].map((a) => [a.id, a.allocationNumber] as const),
      ),
    );
    const reportsByAllocation = new Map<string, StoredReport[]>();
    if (allocationIds.length > 0) {
      const rows = await ctx.tx
        .select()
        .from(careReport)
        .where(and(inArray(careReport.allocationId, allocationIds), isNull(careReport.withdrawnBy)));
      for (const r of rows) {
        const list = reportsByAllocation.get(r.allocationId) ?? [];
        list.push({
          id: r.id,
          kind: r.kind,
          allocationNumber: numberById.get(r.allocationId) ?? -1,
          startDate: r.startDate,
          endDate: r.endDate,
          reason: r.reason,
        });
        reportsByAllocation.set(r.allocationId, list);
      }
    }

    // Earlier services that share a reference (TR314, TR323, TR390) or an allocation (TR322, TR389).
    // Two queries, each on an index of its own, so the lookup does not grow with the table.
    const servicesByGroup = new Map<string, Map<string, PriorServiceFacts>>();
    const serviceAllocationIds = [...allocationsByGroup.values()].flatMap((m) =>
      [...m.values()].filter((a) => serviceNumbers.has(a.allocationNumber)).map((a) => a.id),
    );
    const rows = [
      ...(references.size === 0
        ? []
        : await ctx.tx
            .select()
            .from(claimedService)
            .where(
              and(
                inArray(claimedService.referenceNumber, [...references]),
                inArray(claimedService.providerId, [...providerIds]),
              ),
            )),
      ...(serviceAllocationIds.length === 0
        ? []
        : await ctx.tx
            .select()
            .from(claimedService)
            .where(inArray(claimedService.allocationId, serviceAllocationIds))),
    ];
    for (const row of rows) {
      const key = groupKey(row.providerId, row.standard);
      const services = servicesByGroup.get(key) ?? new Map<string, PriorServiceFacts>();
      servicesByGroup.set(key, services);
      addService(services, {
        referenceNumber: row.referenceNumber,
        previousReferenceNumber: row.previousReferenceNumber,
        debitCredit: row.submittedCents < 0 ? 'C' : 'D',
        approved: row.approved,
        allocationNumber: row.allocationNumber,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        productCategory: row.productCategory,
        productCode: row.productCode,
        deliveredVolume: row.deliveredVolume,
      });
    }

    const usedNumbers = new Set<string>();
    if (claimNumbers.size > 0) {
      const rows = await ctx.tx
        .select({
          providerId: claim.providerId,
          standard: claim.standard,
          number: claim.claimNumber,
        })
        .from(claim)
        .where(
          and(inArray(claim.providerId, [...providerIds]), inArray(claim.claimNumber, [...claimNumbers])),
        );
      for (const r of rows) usedNumbers.add(`${groupKey(r.providerId, r.standard)}|${r.number}`);
    }
    return new IngestFacts(allocationsByGroup, reportsByAllocation, servicesByGroup, usedNumbers, new Map());
  }

  /** Every allocation the batch's messages named, for the processing log. */
  loadedAllocations(): ProviderAllocation[] {
    return [...this.allocationsByGroup.values()].flatMap((m) => [...m.values()]);
  }

  allocations(providerId: string, standard: Standard): ReadonlyMap<number, ProviderAllocation> {
    return this.allocationsByGroup.get(groupKey(providerId, standard)) ?? new Map();
  }

  /** Allocations do not change within a batch: their facts are built once per provider and law. */
  private readonly factsByGroup = new Map<string, ReadonlyMap<number, AllocationFacts>>();

  allocationFacts(providerId: string, standard: Standard): ReadonlyMap<number, AllocationFacts> {
    const key = groupKey(providerId, standard);
    let facts = this.factsByGroup.get(key);
    if (!facts) {
      facts = new Map([...this.allocations(providerId, standard)].map(([n, a]) => [n, factsOf(a)]));
      this.factsByGroup.set(key, facts);
    }
    return facts;
  }

  careFacts(providerId: string, standard: Standard, today: string): CareMessageFacts {
    const allocations = this.allocations(providerId, standard);
    return {
      allocations: this.allocationFacts(providerId, standard),
      reports: [...allocations.values()].flatMap((a) => this.reportsByAllocation.get(a.id) ?? []),
      today,
    };
  }

  claimFacts(providerId: string, standard: Standard, number: string, today: string): ClaimFacts {
    const key = groupKey(providerId, standard);
    return {
      allocations: this.allocationFacts(providerId, standard),
      priorServices: this.servicesByGroup.get(key) ?? new Map(),
      claimNumberUsed: this.claimNumbers.has(`${key}|${number}`),
      today,
    };
  }

  /** The current reports of an allocation with this kind and start date (a withdrawal's target). */
  currentReports(allocationId: string, kind: 'start' | 'stop', startDate: string): StoredReport[] {
    return (this.reportsByAllocation.get(allocationId) ?? []).filter(
      (r) => r.kind === kind && r.startDate === startDate,
    );
  }

  addReport(allocationId: string, report: StoredReport): void {
    this.reportsByAllocation.set(allocationId, [
      ...(this.reportsByAllocation.get(allocationId) ?? []),
      report,
    ]);
  }

  withdrawReports(allocationId: string, ids: ReadonlySet<string>): void {
    this.reportsByAllocation.set(
      allocationId,
      (this.reportsByAllocation.get(allocationId) ?? []).filter((r) => !ids.has(r.id)),
    );
  }

  hasCurrentStop(allocationId: string): boolean {
    return (this.reportsByAllocation.get(allocationId) ?? []).some((r) => r.kind === 'stop');
  }

  addServices(providerId: string, standard: Standard, services: readonly PriorServiceFacts[]): void {
    const key = groupKey(providerId, standard);
    const map = this.servicesByGroup.get(key) ?? new Map<string, PriorServiceFacts>();
    this.servicesByGroup.set(key, map);
    for (const s of services) addService(map, s);
  }

  markClaimNumberUsed(providerId: string, standard: Standard, number: string): void {
    this.claimNumbers.add(`${groupKey(providerId, standard)}|${number}`);
  }
}

function addService(map: Map<string, PriorServiceFacts>, service: PriorServiceFacts): void {
  // One reference may be stored twice: approved, and refused as its repeat (TR314). The approved
  // one is what the rules about earlier services (TR323, TR389, TR390) must see.
  const existing = map.get(service.referenceNumber);
  if (existing?.approved && !service.approved) return;
  map.set(service.referenceNumber, service);
}

function factsOf(a: ProviderAllocation): AllocationFacts {
  return {
    allocationNumber: a.allocationNumber,
    bsn: a.bsn,
    productCategory: a.productCategory,
    productCode: a.productCode,
    startDate: a.startDate,
    endDate: a.endDate,
    volume: a.volume,
    unit: a.unit,
    frequency: a.frequency,
    contractTariffCents: a.contractTariffCents,
  };
}
