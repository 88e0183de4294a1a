/** The processing log (verwerkingenlog): who processed whose personal data, when and why. */
import type { ProcessingLogEntry } from '../../modules/processing-log/processing-log-service.js';
import { type ListResult, queryString } from './http.js';
import { useApiGet } from './use-api.js';

export type { ProcessingLogEntry } from '../../modules/processing-log/processing-log-service.js';

export interface ProcessingLogFilter {
  residentId: string;
  bsn: string;
  actorId: string;
  from: string;
  to: string;
}

export function useProcessingLog(
  filter: ProcessingLogFilter,
  paging: { limit: number; offset: number },
  enabled: boolean,
) {
  return useApiGet<ListResult<ProcessingLogEntry>>(enabled ? '/api/v1/processing-log' : null, {
    ...filter,
    ...paging,
  });
}

export function processingLogExportUrl(filter: ProcessingLogFilter): string {
  return `/api/v1/processing-log/export${queryString({ ...filter })}`;
}
