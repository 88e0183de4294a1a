/** The client monitor: compensation, lead times and ZRM change, disclosed for roles without case access. */
import type { ClientMonitor } from '../../modules/monitor/client-monitor.js';
import type { MonitorDimension } from '../../modules/monitor/client-monitor-service.js';
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
