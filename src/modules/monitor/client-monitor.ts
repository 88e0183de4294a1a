/**
 * The client monitor: was each resident's limitation compensated? Compensation rates per
 * provision, provider, law, district and quarter; ZRM change per domain; lead times against the
 * legal decision term. Turns the cases module's outcome tallies into labelled rows, lowest
 * compensation first. Roles without case access see every figure through the CBS disclosure
 * rule (small counts secret, others rounded), applied to the final counts of each row.
 */
import { type DisclosedValue, discloseCount, disclosePercentage } from '../../shared/disclosure.js';
import type { OutcomeTallies, OutcomeTally } from '../cases/outcome-facts.js';
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
  key: string;
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
  /** neighbourhood code → district code, and district code → name. */
  neighbourhoodDistrict: Map<string, string>;
  district: Map<string, string>;
}

/** The district key for outcomes of residents without a known neighbourhood. */
export const UNKNOWN_DISTRICT = 'onbekend';

const exact = (n: number): DisclosedValue => ({ value: n, suppressed: false });
const exactRate = (numerator: number, denominator: number): DisclosedValue =>
  denominator === 0
    ? { value: null, suppressed: false }
    : { value: Math.round((numerator / denominator) * 100), suppressed: false };

/** Sums tallies that share a key after mapping (neighbourhoods into their districts). */
function regroup(tallies: readonly OutcomeTally[], keyOf: (key: string) => string): OutcomeTally[] {
  const merged = new Map<string, OutcomeTally>();
  for (const t of tallies) {
    const key = keyOf(t.key);
    const sum = merged.get(key) ?? { key, evaluated: 0, compensated: 0, partly: 0, not: 0 };
    sum.evaluated += t.evaluated;
    sum.compensated += t.compensated;
    sum.partly += t.partly;
    sum.not += t.not;
    merged.set(key, sum);
  }
  return [...merged.values()];
}

/** Lowest compensation first, so what does not work is on top; unknown rates last. */
function byRate(a: CompensationRow, b: CompensationRow): number {
  const ra = a.compensationRate.value;
  const rb = b.compensationRate.value;
  if (ra !== rb) return ra === null ? 1 : rb === null ? -1 : ra - rb;
  return a.label.localeCompare(b.label, 'nl');
}

export function buildClientMonitor(
  tallies: OutcomeTallies,
  labels: MonitorLabels,
  disclose: boolean,
): ClientMonitor {
  const count = disclose ? discloseCount : exact;
  const rate = disclose ? disclosePercentage : exactRate;

  const row = (t: OutcomeTally, label: string): CompensationRow => ({
    key: t.key,
    label,
    evaluated: count(t.evaluated),
    compensated: count(t.compensated),
    partlyCompensated: count(t.partly),
    notCompensated: count(t.not),
    compensationRate: rate(t.compensated, t.evaluated),
  });
  const rows = (list: readonly OutcomeTally[], labelOf: (key: string) => string) =>
    list.map((t) => row(t, labelOf(t.key))).sort(byRate);

  const zrm = new Map(tallies.zrmChange.map((z) => [z.domain, z]));
  return {
    disclosureApplied: disclose,
    byProvision: rows(tallies.byProvision, (k) => labels.provision.get(k) ?? k),
    byProvider: rows(tallies.byProvider, (k) => labels.provider.get(k) ?? k),
    byLaw: rows(tallies.byLaw, (k) => labels.law[k] ?? k),
    byDistrict: rows(
      regroup(tallies.byNeighbourhood, (code) => labels.neighbourhoodDistrict.get(code) ?? UNKNOWN_DISTRICT),
      (k) => labels.district.get(k) ?? 'Onbekende wijk',
    ),
    byQuarter: tallies.byQuarter.map((t) => row(t, t.key)).sort((a, b) => a.key.localeCompare(b.key)),
    leadTimes: tallies.leadTimes.map((t) => ({
      key: t.law,
      law: labels.law[t.law] ?? t.law,
      decided: count(t.decided),
      medianDays: t.medianDays,
      decidedLate: count(t.late),
      lateShare: rate(t.late, t.decided),
    })),
    zrmChange: ZRM_DOMAINS.flatMap((domain) => {
      const z = zrm.get(domain);
      if (!z || z.improved + z.same + z.worse === 0) return [];
      return [
        {
          domain,
          label: ZRM_DOMAIN_LABELS[domain],
          improved: count(z.improved),
          same: count(z.same),
          worse: count(z.worse),
        },
      ];
    }),
  };
}
