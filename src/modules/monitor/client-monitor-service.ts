/** The client monitor for a tenant: tallies from the cases module, names from the registry. */
import type { TenantContext } from '../../server/request-context.js';
import { casesBehindOutcome, type OutcomeCaseSummary } from '../cases/case-service.js';
import {
  type OutcomeCell,
  type OutcomeDimension,
  type OutcomeFilter,
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

export async function clientMonitor(ctx: TenantContext, filter: OutcomeFilter = {}): Promise<ClientMonitor> {
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
    !CASE_ROLES.includes(ctx.actor.role),
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
  filter: OutcomeFilter = {},
): Promise<OutcomeCaseSummary[]> {
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
  return casesBehindOutcome(ctx, cell, filter);
}
