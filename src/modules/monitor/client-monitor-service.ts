/** The client monitor for a tenant: tallies from the cases module, names from the registry. */
import type { TenantContext } from '../../server/request-context.js';
import { casesBehindOutcome, type OutcomeCaseSummary } from '../cases/case-service.js';
import {
  type OutcomeCell,
  type OutcomeDimension,
  type OutcomeFilter,
  outcomeGeneration,
  outcomeTallies,
} from '../cases/outcome-facts.js';
import type { CompensationOutcome } from '../cases/self-sufficiency.js';
import { listDistricts, listNeighbourhoods } from '../geography/geography-service.js';
import { providerNames } from '../registry/provider-service.js';
import { findProvisions } from '../registry/provision-service.js';
import { LAW_LABELS } from '../registry/registry-schema.js';
import { buildClientMonitor, type ClientMonitor, UNKNOWN_DISTRICT } from './client-monitor.js';

/** Roles that may see cases see exact figures and may drill down; everyone else sees disclosed ones. */
export const CASE_ROLES: readonly string[] = ['case_worker'];

/** Figures kept at most this long, so a renamed provider or district shows within a minute. */
const CACHE_TTL_MS = 60_000;
const CACHE_ENTRIES = 64;

/**
 * The monitor's computed figures per municipality, outcome generation, filter and disclosure.
 * Computing them means aggregating every decided case (a large municipality: about 100,000),
 * while they change only when an outcome is written; the generation (read per request, one row)
 * tells whether they have. One cache per app instance, so two databases never share one.
 */
export class MonitorCache {
  private readonly entries = new Map<string, { monitor: ClientMonitor; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string, compute: () => Promise<ClientMonitor>): Promise<ClientMonitor> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < CACHE_TTL_MS) {
      // Re-inserted so the least recently used entry is the first to go.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.monitor;
    }
    const monitor = await compute();
    this.entries.delete(key);
    this.entries.set(key, { monitor, at: this.now() });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= CACHE_ENTRIES) break;
      this.entries.delete(oldest);
    }
    return monitor;
  }
}

export async function clientMonitor(
  ctx: TenantContext,
  filter: OutcomeFilter = {},
  cache?: MonitorCache,
): Promise<ClientMonitor> {
  const disclose = !CASE_ROLES.includes(ctx.actor.role);
  if (!cache) return computeClientMonitor(ctx, filter, disclose);
  const generation = await outcomeGeneration(ctx);
  const key = [ctx.municipalityCode, generation, filter.law, filter.from, filter.to, disclose].join('|');
  return cache.get(key, () => computeClientMonitor(ctx, filter, disclose));
}

async function computeClientMonitor(
  ctx: TenantContext,
  filter: OutcomeFilter,
  disclose: boolean,
): Promise<ClientMonitor> {
  const tallies = await outcomeTallies(ctx, filter);
  const provisions = await findProvisions(
    ctx,
    tallies.byProvision.map((t) => t.key),
  );
  const providers = await providerNames(
    ctx,
    tallies.byProvider.map((t) => t.key),
  );
  const neighbourhoods = new Map((await listNeighbourhoods(ctx, {})).map((n) => [n.code, n.districtCode]));
  const districts = new Map((await listDistricts(ctx)).map((d) => [d.code, d.name]));
  return buildClientMonitor(
    tallies,
    {
      provision: new Map(provisions.map((p) => [p.id, p.name])),
      provider: providers,
      law: LAW_LABELS,
      neighbourhoodDistrict: neighbourhoods,
      district: districts,
    },
    disclose,
  );
}

export type MonitorDimension = Exclude<OutcomeDimension, 'neighbourhood'> | 'district';

/**
 * The cases behind one row of the client monitor, for case roles: a district is the sum of its
 * neighbourhoods, so its key becomes their codes.
 */
export async function clientMonitorCases(
  ctx: TenantContext,
  query: { dimension: MonitorDimension; key: string; outcome?: CompensationOutcome | undefined },
  filter: OutcomeFilter,
  paging: { limit: number; offset: number },
): Promise<{ items: OutcomeCaseSummary[]; total: number }> {
  let cell: OutcomeCell;
  if (query.dimension === 'district') {
    const codes =
      query.key === UNKNOWN_DISTRICT
        ? ['']
        : (await listNeighbourhoods(ctx, { districtCode: query.key })).map((n) => n.code);
    cell = { dimension: 'neighbourhood', keys: codes, outcome: query.outcome };
  } else {
    cell = { dimension: query.dimension, keys: [query.key], outcome: query.outcome };
  }
  return casesBehindOutcome(ctx, cell, filter, paging);
}
