/**
 * Loads what the provider monitor needs — allocations (cases), delivery per allocation
 * (messaging), contracts and provider names (registry) — through each module's service
 * functions, and builds the monitor.
 */
import type { TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { allocationsForMonitor } from '../cases/allocation-service.js';
import type { Law } from '../cases/legal-clock.js';
import { deliveryByAllocation } from '../messaging/delivery-facts.js';
import { contractKpis, listContracts } from '../registry/contract-service.js';
import { providerNames } from '../registry/provider-service.js';
import { CASE_ROLES } from './client-monitor-service.js';
import { buildProviderMonitor, measuredUntil, type ProviderMonitor } from './provider-monitor.js';

export async function providerMonitor(
  ctx: TenantContext,
  filter: { law?: Law } = {},
  now = new Date(),
): Promise<ProviderMonitor> {
  const today = todayInNetherlands(now);
  // Participatiewet provisions have no message exchange, so nothing to measure delivery by.
  const allocations = await allocationsForMonitor(ctx, filter.law ? [filter.law] : ['wmo', 'youth']);
  const delivery = await deliveryByAllocation(ctx, measuredUntil(today));
  const contracts = await listContracts(ctx, { limit: 500, offset: 0 });
  const providerIds = new Set(allocations.map((a) => a.providerId));
  const contractIds = new Set(allocations.map((a) => a.contractId));
  const names = await providerNames(ctx, [
    ...new Set([...providerIds, ...contracts.items.map((c) => c.providerId)]),
  ]);
  const shown = contracts.items.filter((c) => contractIds.has(c.id));
  const kpis = await contractKpis(
    ctx,
    shown.map((c) => c.id),
  );
  return buildProviderMonitor({
    today,
    allocations,
    delivery,
    providerNames: names,
    // The contracts allocated under in the laws shown; a Participatiewet contract has no messages.
    contracts: shown.map((c) => ({ ...c, kpis: kpis.get(c.id) ?? [] })),
    disclose: !CASE_ROLES.includes(ctx.actor.role),
  });
}
