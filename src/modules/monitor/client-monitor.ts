/**
 * The client monitor: was each resident's limitation compensated? Compensation rates per
 * provision, provider, law, district and quarter; ZRM change per domain; lead times against the
 * legal decision term. Pure aggregation of the cases module's outcome facts. Roles without case
 * access see every figure through the CBS disclosure rule (small counts secret, others rounded).
 */
import { type DisclosedValue, discloseCount, disclosePercentage } from '../../shared/disclosure.js';
import { daysBetween } from '../cases/calendar-date.js';
import type { OutcomeFact } from '../cases/outcome-facts.js';
import { ZRM_DOMAIN_LABELS, ZRM_DOMAINS, type ZrmDomain } from '../cases/self-sufficiency.js';

export interface CompensationRow {
  key: string;
  label: string;
  evaluated: DisclosedValue;
  compensated: DisclosedValue;
  partlyCompensated: DisclosedValue;
  notCompensated: DisclosedValue;
  /** Share of evaluated cases that were compensated, in whole percent. */
  compensationRate: DisclosedValue;
}

export interface LeadTimeRow {
  law: string;
  decided: DisclosedValue;
  medianDays: number | null;
  decidedLate: DisclosedValue;
  lateShare: DisclosedValue;
}

export interface ZrmChangeRow {
  domain: ZrmDomain;
  label: string;
  improved: DisclosedValue;
  same: DisclosedValue;
  worse: DisclosedValue;
}

export interface ClientMonitor {
  disclosureApplied: boolean;
  byProvision: CompensationRow[];
  byProvider: CompensationRow[];
  byLaw: CompensationRow[];
  byDistrict: CompensationRow[];
  byQuarter: CompensationRow[];
  leadTimes: LeadTimeRow[];
  zrmChange: ZrmChangeRow[];
}

export interface MonitorLabels {
  provision: Map<string, string>;
  provider: Map<string, string>;
  law: Record<string, string>;
  /** resident id → district code, and district code → name. */
  residentDistrict: Map<string, string | null>;
  district: Map<string, string>;
}

interface Tally {
  evaluated: number;
  compensated: number;
  partly: number;
  not: number;
}

const exact = (n: number): DisclosedValue => ({ value: n, suppressed: false });
const exactRate = (numerator: number, denominator: number): DisclosedValue =>
  denominator === 0
    ? { value: null, suppressed: false }
    : { value: Math.round((numerator / denominator) * 100), suppressed: false };

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-K${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

export function buildClientMonitor(
  facts: readonly OutcomeFact[],
  labels: MonitorLabels,
  disclose: boolean,
): ClientMonitor {
  const count = disclose ? discloseCount : exact;
  const rate = disclose ? disclosePercentage : exactRate;

  function compensation(
    keysOf: (fact: OutcomeFact) => string[],
    labelOf: (key: string) => string,
  ): CompensationRow[] {
    const tallies = new Map<string, Tally>();
    for (const fact of facts) {
      if (!fact.outcome) continue;
      for (const key of keysOf(fact)) {
        const t = tallies.get(key) ?? { evaluated: 0, compensated: 0, partly: 0, not: 0 };
        t.evaluated += 1;
        if (fact.outcome === 'compensated') t.compensated += 1;
        else if (fact.outcome === 'partly_compensated') t.partly += 1;
        else t.not += 1;
        tallies.set(key, t);
      }
    }
    return [...tallies.entries()]
      .map(([key, t]) => ({
        key,
        label: labelOf(key),
        evaluated: count(t.evaluated),
        compensated: count(t.compensated),
        partlyCompensated: count(t.partly),
        notCompensated: count(t.not),
        compensationRate: rate(t.compensated, t.evaluated),
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  }

  const laws = [...new Set(facts.map((f) => f.law))].sort();
  const leadTimes: LeadTimeRow[] = laws.map((law) => {
    const decided = facts.filter((f) => f.law === law);
    const late = decided.filter((f) => f.decisionDueDate !== null && f.decidedOn > f.decisionDueDate).length;
    return {
      law: labels.law[law] ?? law,
      decided: count(decided.length),
      medianDays: median(decided.map((f) => daysBetween(f.reportDate, f.decidedOn))),
      decidedLate: count(late),
      lateShare: rate(late, decided.length),
    };
  });

  const zrmChange: ZrmChangeRow[] = ZRM_DOMAINS.map((domain) => {
    let improved = 0;
    let same = 0;
    let worse = 0;
    for (const fact of facts) {
      if (!fact.goalDomains.includes(domain)) continue;
      const before = fact.zrmIntake?.[domain];
      const after = fact.zrmAfter?.[domain];
      if (before === undefined || after === undefined) continue;
      if (after > before) improved += 1;
      else if (after < before) worse += 1;
      else same += 1;
    }
    return {
      domain,
      label: ZRM_DOMAIN_LABELS[domain],
      improved: count(improved),
      same: count(same),
      worse: count(worse),
    };
  }).filter((row) => row.improved.value !== 0 || row.same.value !== 0 || row.worse.value !== 0);

  return {
    disclosureApplied: disclose,
    byProvision: compensation(
      (f) => f.provisionIds,
      (k) => labels.provision.get(k) ?? k,
    ),
    byProvider: compensation(
      (f) => f.providerIds,
      (k) => labels.provider.get(k) ?? k,
    ),
    byLaw: compensation(
      (f) => [f.law],
      (k) => labels.law[k] ?? k,
    ),
    byDistrict: compensation(
      (f) => [labels.residentDistrict.get(f.residentId) ?? 'onbekend'],
      (k) => labels.district.get(k) ?? 'Onbekende wijk',
    ),
    byQuarter: compensation(
      (f) => (f.evaluatedOn ? [quarterOf(f.evaluatedOn)] : []),
      (k) => k,
    ),
    leadTimes,
    zrmChange,
  };
}
