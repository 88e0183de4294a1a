/** The processing log (verwerkingenlog): who processed whose personal data, when and why. */
import { type ListResult, queryString } from './http.js';
import { useApiGet } from './use-api.js';

export interface ProcessingLogEntry {
  id: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  action: string;
  activity: string;
  activityName: string;
  purpose: string;
  legalBasis: string;
  confidentiality: string;
  retentionPeriod: string;
  residentId: string | null;
  objects: { type: string; identifierType: string; identifier: string }[];
  requestId: string;
  traceId: string;
  spanId: string;
}

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
