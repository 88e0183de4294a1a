/** The client monitor for a tenant: facts from the cases module, names from the registry. */
import type { TenantContext } from '../../server/request-context.js';
import { outcomeFacts } from '../cases/outcome-facts.js';
import { listDistricts, listNeighbourhoods } from '../geography/geography-service.js';
import { providerNames } from '../registry/provider-service.js';
import { findProvisions } from '../registry/provision-service.js';
import { LAW_LABELS } from '../registry/registry-schema.js';
import { residentNeighbourhoods } from '../registry/resident-service.js';
import { buildClientMonitor, type ClientMonitor } from './client-monitor.js';

/** Roles that may see cases see exact figures; everyone else sees disclosed ones. */
const CASE_ROLES: readonly string[] = ['case_worker'];

export async function clientMonitor(ctx: TenantContext): Promise<ClientMonitor> {
  const facts = await outcomeFacts(ctx);
  const provisions = await findProvisions(ctx, [...new Set(facts.flatMap((f) => f.provisionIds))]);
  const providers = await providerNames(ctx, [...new Set(facts.flatMap((f) => f.providerIds))]);
  const homes = await residentNeighbourhoods(
    ctx,
    facts.map((f) => f.residentId),
  );
  const neighbourhoods = new Map((await listNeighbourhoods(ctx, {})).map((n) => [n.code, n.districtCode]));
  const districts = new Map((await listDistricts(ctx)).map((d) => [d.code, d.name]));
  const residentDistrict = new Map(
    [...homes.entries()].map(([id, code]) => [id, code ? (neighbourhoods.get(code) ?? null) : null]),
  );
  return buildClientMonitor(
    facts,
    {
      provision: new Map(provisions.map((p) => [p.id, p.name])),
      provider: providers,
      law: LAW_LABELS,
      residentDistrict,
      district: districts,
    },
    !CASE_ROLES.includes(ctx.actor.role),
  );
}
