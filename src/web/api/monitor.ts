/**
 * The monitors: the client monitor (compensation, lead times and ZRM change) and the provider
 * monitor (delivery per provider and contract), disclosed for roles without case access.
 */
import type { ClientMonitor } from '../../modules/monitor/client-monitor.js';
import type { MonitorDimension } from '../../modules/monitor/client-monitor-service.js';
import type { ProviderMonitor } from '../../modules/monitor/provider-monitor.js';
import type { CaseSummary } from './cases.js';
import type { ListResult } from './http.js';
import { useApiGet } from './use-api.js';

export type {
  ClientMonitor,
  CompensationRow,
  LeadTimeRow,
  ZrmChangeRow,
} from '../../modules/monitor/client-monitor.js';
export type { MonitorDimension } from '../../modules/monitor/client-monitor-service.js';
export type { DisclosedValue } from '../../shared/disclosure.js';

/** Which cases the figures count: one law, and the evaluation (or decision) period. */
export interface MonitorFilter {
  law?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export type CompensationOutcome = 'compensated' | 'partly_compensated' | 'not_compensated';

export type OutcomeCase = CaseSummary & { outcome: CompensationOutcome | null; evaluatedOn: string | null };

export function useClientMonitor(filter: MonitorFilter) {
  return useApiGet<ClientMonitor & { drillDown: boolean }>('/api/v1/monitor/clients', { ...filter });
}

export function useMonitorCases(
  cell: { dimension: MonitorDimension; key: string; outcome?: CompensationOutcome | undefined } | null,
  filter: MonitorFilter,
  paging: { limit: number; offset: number },
) {
  return useApiGet<ListResult<OutcomeCase>>(cell ? '/api/v1/monitor/clients/cases' : null, {
    ...filter,
    ...cell,
    ...paging,
  });
}

export type {
  ContractMonitorRow,
  ProviderMonitor,
  ProviderMonitorRow,
  Rejection,
} from '../../modules/monitor/provider-monitor.js';
/** The provider monitor's thresholds, from the module that applies them (plain constants: nothing else is bundled). */
export { LOW_DELIVERY_RATE, NEVER_STARTED_AFTER_DAYS } from '../../modules/monitor/provider-monitor.js';

/** The laws with a message exchange, so with a delivery to measure (the API refuses others). */
export const PROVIDER_MONITOR_LAWS = ['wmo', 'youth'] as const;
export type ProviderMonitorLaw = (typeof PROVIDER_MONITOR_LAWS)[number];

/** The provider monitor: delivery per provider and contract; client counts disclosed for roles without case access. */
export function useProviderMonitor(filter: { law?: ProviderMonitorLaw | undefined }) {
  return useApiGet<ProviderMonitor>('/api/v1/monitor/providers', { ...filter });
}
