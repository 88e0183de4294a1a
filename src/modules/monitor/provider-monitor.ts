/**
 * The provider monitor, the second of the three levels: does every provider deliver as agreed?
 * Built from the allocations (what was agreed) and what the providers' messages say (starts,
 * stops, claims and their answers). Pure: the service loads the inputs.
 *
 * Delivery is compared in money, because a provider's allocations mix units (hours, days,
 * trips, items): the allocated volume up to the measuring day, valued at the contract tariff,
 * against the amount awarded on its claims for the same time. Counts of allocations are
 * counts of clients, so they follow the CBS disclosure rule for roles without case access.
 */

import {
  type DisclosedValue,
  discloseCount,
  disclosePercentage,
  isSecretCount,
} from '../../shared/disclosure.js';
import type { MonitoredAllocation } from '../cases/allocation-service.js';
import { allowedVolumeUntil } from '../cases/allocation-volume.js';
import { addDays, daysBetween, fromEpochDay, toEpochDay } from '../cases/calendar-date.js';
import type { AllocationDelivery } from '../messaging/delivery-facts.js';
import { returnCodeMeaning } from '../messaging/standard/return-codes.js';
import { type ContractKpi, KPI_AT_LEAST, type KpiIndicator } from '../registry/registry-schema.js';

/** An allocation not started this many days after its start date counts as never started. */
export const NEVER_STARTED_AFTER_DAYS = 30;
/** A provider delivering less than this share of the allocated value is marked. */
export const LOW_DELIVERY_RATE = 60;

export interface ContractFacts {
  id: string;
  providerId: string;
  reference: string;
  startDate: string;
  endDate: string;
  budgetCeilingCents: number | null;
  /** The contract's performance agreements. */
  kpis: readonly ContractKpi[];
}

/** A performance agreement measured: null when there is nothing to measure yet, or it is secret. */
export interface KpiResult {
  indicator: KpiIndicator;
  target: number;
  measured: number | null;
  met: boolean | null;
}

export interface ProviderMonitorInput {
  today: string;
  allocations: readonly MonitoredAllocation[];
  delivery: ReadonlyMap<string, AllocationDelivery>;
  providerNames: ReadonlyMap<string, string>;
  contracts: readonly ContractFacts[];
  disclose: boolean;
}

export interface Rejection {
  code: string;
  meaning: string;
  count: number;
}

export interface ProviderMonitorRow {
  providerId: string;
  name: string;
  allocations: DisclosedValue;
  started: DisclosedValue;
  neverStarted: DisclosedValue;
  neverStartedRate: DisclosedValue;
  medianDaysToStart: number | null;
  allocatedCents: number;
  awardedCents: number;
  /** Awarded as a percentage of allocated value; null without allocated value. */
  deliveryRate: number | null;
  servicesDeclared: number;
  servicesRejected: number;
  rejectedRate: number | null;
  rejections: Rejection[];
  reports: number;
  lateReports: number;
  lateRate: number | null;
}

export interface ContractMonitorRow {
  contractId: string;
  reference: string;
  providerId: string;
  providerName: string;
  startDate: string;
  endDate: string;
  budgetCeilingCents: number | null;
  allocatedCents: number;
  awardedCents: number;
  deliveryRate: number | null;
  /** Awarded as a percentage of the budget ceiling; null without a ceiling. */
  ceilingUsed: number | null;
  kpis: KpiResult[];
}

export interface ProviderMonitor {
  /** Delivery is measured up to this day: claims of later months may not have come in yet. */
  measuredUntil: string;
  disclosureApplied: boolean;
  providers: ProviderMonitorRow[];
  contracts: ContractMonitorRow[];
}

/**
 * Claims of a month come in during the first working days of the next: delivery is
 * measured to the end of last month from the 15th on, else to the end of the month before.
 */
export function measuredUntil(today: string): string {
  const firstOfMonth = `${today.slice(0, 8)}01`;
  const endOfLastMonth = addDays(firstOfMonth, -1);
  if (Number(today.slice(8, 10)) >= 15) return endOfLastMonth;
  return addDays(`${endOfLastMonth.slice(0, 8)}01`, -1);
}

function allocatedCents(allocation: MonitoredAllocation, until: string): number {
  if (allocation.contractTariffCents === null) return 0;
  const volume = allowedVolumeUntil(allocation, until);
  // Unit 83 is euros: the volume is the amount itself, in cents (CS339).
  return Math.round(allocation.unit === '83' ? volume : volume * allocation.contractTariffCents);
}

/** What a set of allocations measured: for a provider's row, and for a contract's agreements. */
interface Measured {
  allocations: number;
  started: number;
  neverStarted: number;
  /** Allocations that started long enough ago to count as never started. */
  due: number;
  allocated: number;
  awarded: number;
  declared: number;
  rejected: number;
  reports: number;
  late: number;
  daysToStart: number[];
  rejections: Map<string, number>;
}

function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function buildProviderMonitor(input: ProviderMonitorInput): ProviderMonitor {
  const until = measuredUntil(input.today);
  const neverStartedBefore = fromEpochDay(toEpochDay(input.today) - NEVER_STARTED_AFTER_DAYS);
  const count = (n: number): DisclosedValue =>
    input.disclose ? discloseCount(n) : { value: n, suppressed: false };
  const percentage = (part: number, whole: number): DisclosedValue =>
    input.disclose ? disclosePercentage(part, whole) : { value: rate(part, whole), suppressed: false };

  const measure = (allocations: readonly MonitoredAllocation[]): Measured => {
    const m: Measured = {
      allocations: allocations.length,
      started: 0,
      neverStarted: 0,
      due: 0,
      allocated: 0,
      awarded: 0,
      declared: 0,
      rejected: 0,
      reports: 0,
      late: 0,
      daysToStart: [],
      rejections: new Map(),
    };
    for (const allocation of allocations) {
      const delivery = input.delivery.get(allocation.id);
      if (allocation.startDate <= neverStartedBefore) m.due += 1;
      if (delivery?.careStartedOn) {
        m.started += 1;
        m.daysToStart.push(Math.max(0, daysBetween(allocation.startDate, delivery.careStartedOn)));
      } else if (allocation.startDate <= neverStartedBefore) {
        m.neverStarted += 1;
      }
      m.allocated += allocatedCents(allocation, until);
      if (!delivery) continue;
      m.awarded += delivery.awardedCents;
      m.declared += delivery.servicesDeclared;
      m.rejected += delivery.servicesRejected;
      m.reports += delivery.reports;
      m.late += delivery.lateReports;
      for (const [code, n] of Object.entries(delivery.rejectionCodes))
        m.rejections.set(code, (m.rejections.get(code) ?? 0) + n);
    }
    return m;
  };
  // A median of a handful of clients would tell one client's wait: hidden with their count.
  const medianWait = (m: Measured) =>
    input.disclose && isSecretCount(m.started) ? null : median(m.daysToStart);

  const byProvider = new Map<string, MonitoredAllocation[]>();
  for (const allocation of input.allocations) {
    byProvider.set(allocation.providerId, [...(byProvider.get(allocation.providerId) ?? []), allocation]);
  }
  const providers: ProviderMonitorRow[] = [];
  for (const [providerId, allocations] of byProvider) {
    const measured = measure(allocations);
    const { started, neverStarted, due, allocated, awarded, declared, rejected, reports, late, rejections } =
      measured;
    providers.push({
      providerId,
      name: input.providerNames.get(providerId) ?? '',
      allocations: count(allocations.length),
      started: count(started),
      neverStarted: count(neverStarted),
      neverStartedRate: percentage(neverStarted, due),
      medianDaysToStart: medianWait(measured),
      allocatedCents: allocated,
      awardedCents: awarded,
      deliveryRate: rate(awarded, allocated),
      servicesDeclared: declared,
      servicesRejected: rejected,
      rejectedRate: rate(rejected, declared),
      rejections: [...rejections.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([code, n]) => ({ code, meaning: returnCodeMeaning(code), count: n })),
      reports,
      lateReports: late,
      lateRate: rate(late, reports),
    });
  }
  // Lowest delivery first: the provider that delivers least is what the monitor is for.
  providers.sort((a, b) => (a.deliveryRate ?? 101) - (b.deliveryRate ?? 101) || a.name.localeCompare(b.name));

  const contracts: ContractMonitorRow[] = input.contracts.map((contract) => {
    const measured = measure(input.allocations.filter((a) => a.contractId === contract.id));
    const { allocated, awarded } = measured;
    const values: Record<KpiIndicator, number | null> = {
      median_days_to_start: medianWait(measured),
      never_started_share: percentage(measured.neverStarted, measured.due).value,
      delivery_rate: rate(awarded, allocated),
      rejected_services_share: rate(measured.rejected, measured.declared),
      late_reports_share: rate(measured.late, measured.reports),
    };
    return {
      contractId: contract.id,
      reference: contract.reference,
      providerId: contract.providerId,
      providerName: input.providerNames.get(contract.providerId) ?? '',
      startDate: contract.startDate,
      endDate: contract.endDate,
      budgetCeilingCents: contract.budgetCeilingCents,
      allocatedCents: allocated,
      awardedCents: awarded,
      deliveryRate: rate(awarded, allocated),
      ceilingUsed:
        contract.budgetCeilingCents !== null && contract.budgetCeilingCents > 0
          ? rate(awarded, contract.budgetCeilingCents)
          : null,
      kpis: contract.kpis.map((kpi) => {
        const value = values[kpi.indicator];
        return {
          indicator: kpi.indicator,
          target: kpi.target,
          measured: value,
          met:
            value === null
              ? null
              : KPI_AT_LEAST.has(kpi.indicator)
                ? value >= kpi.target
                : value <= kpi.target,
        };
      }),
    };
  });
  contracts.sort(
    (a, b) => (b.ceilingUsed ?? -1) - (a.ceilingUsed ?? -1) || a.reference.localeCompare(b.reference),
  );
  return { measuredUntil: until, disclosureApplied: input.disclose, providers, contracts };
}
