/** The client monitor: compensation, lead times and ZRM change, disclosed for roles without case access. */
import type { ClientMonitor } from '../../modules/monitor/client-monitor.js';
import { useApiGet } from './use-api.js';

export type {
  ClientMonitor,
  CompensationRow,
  LeadTimeRow,
  ZrmChangeRow,
} from '../../modules/monitor/client-monitor.js';
export type { DisclosedValue } from '../../shared/disclosure.js';

export function useClientMonitor() {
  return useApiGet<ClientMonitor>('/api/v1/monitor/clients');
}
