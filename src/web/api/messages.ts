/**
 * The message exchange with providers (module `messaging`): iWmo/iJw messages sent and answered,
 * refused documents, a provider's allocations and claims, and checking or submitting an XML
 * document.
 */

// The shapes are the server's own; only types are imported (the standard's schemas stay out of
// the bundle).
import type { CheckResult } from '../../modules/messaging/check-service.js';
import type {
  FindingView,
  IngestResult,
  QuarantineReasonCode,
  ReturnMessageView,
} from '../../modules/messaging/ingest-service.js';
import type {
  ClaimSummary,
  MessageListQuery,
  MessageSummary,
  providerAllocationPage,
  QuarantineItem,
} from '../../modules/messaging/message-service.js';
import type { RequestSummary } from '../../modules/messaging/request-service.js';
import type { MessageType } from '../../modules/messaging/standard/message-kinds.js';
import { ApiError, apiRequest, fetchAllPages, type ListResult } from './http.js';
import { useApiGet } from './use-api.js';

export type {
  CheckResult,
  ClaimSummary,
  FindingView,
  MessageSummary,
  MessageType,
  QuarantineItem,
  QuarantineReasonCode,
  RequestSummary,
};
export type MessageDirection = MessageSummary['direction'];
export type MessageStatus = NonNullable<MessageListQuery['status']>;
export type MessageDetail = MessageSummary & { document: string; answers: MessageSummary[] };
export type ReturnMessage = ReturnMessageView;
export type ProviderAllocation = Awaited<ReturnType<typeof providerAllocationPage>>['items'][number];
export type ProviderAllocationStatus = ProviderAllocation['status'];

export const MESSAGE_DIRECTIONS: readonly MessageDirection[] = ['inbound', 'outbound'];
export const MESSAGE_STATUSES: readonly MessageStatus[] = [
  'accepted',
  'partly_rejected',
  'rejected',
  'ready',
  'fetched',
];
export const ALLOCATION_STATUSES: readonly ProviderAllocationStatus[] = ['allocated', 'started', 'stopped'];
export type ClaimStatus = ClaimSummary['status'];
export type ClaimStandard = ClaimSummary['standard'];
export const DECLARATION_STATUSES: readonly ClaimStatus[] = ['awarded', 'partly_awarded', 'rejected'];

export interface Paging {
  limit: number;
  offset: number;
}

// reading

export interface MessageFilter {
  direction: MessageDirection | '';
  type: MessageType | '';
  status: MessageStatus | '';
  providerId: string;
}

export function useMessages(filter: MessageFilter, paging: Paging) {
  return useApiGet<ListResult<MessageSummary>>('/api/v1/messages', { ...filter, ...paging });
}

/** One message with its document; a provider opening an answer of the municipality fetches it. */
export function useMessage(id: string) {
  return useApiGet<MessageDetail>(`/api/v1/messages/${encodeURIComponent(id)}`);
}

export function useQuarantine(paging: Paging) {
  return useApiGet<ListResult<QuarantineItem>>('/api/v1/messages/quarantine', { ...paging });
}

/**
 * A provider's allocations (personal data: every page shown is logged). A provider user gets its
 * own; a municipal role names the provider, and nothing is loaded before it has.
 */
export function useProviderAllocations(
  filter: { providerId: string; status: ProviderAllocationStatus | '' },
  paging: Paging,
  enabled: boolean,
) {
  return useApiGet<ListResult<ProviderAllocation>>(enabled ? '/api/v1/messages/allocations' : null, {
    ...filter,
    ...paging,
  });
}

export interface ClaimFilter {
  status: ClaimStatus | '';
  /** Empty for all providers (a provider user always gets its own). */
  providerId: string;
}

/** Claims with their amounts, newest period first; no personal data, so not logged. */
export function useClaims(filter: ClaimFilter, paging: Paging) {
  return useApiGet<ListResult<ClaimSummary>>('/api/v1/messages/claims', { ...filter, ...paging });
}

/** Every claim for the filter, for the CSV download. */
export function fetchAllClaims(filter: ClaimFilter): Promise<ClaimSummary[]> {
  return fetchAllPages<ClaimSummary>('/api/v1/messages/claims', { ...filter });
}

export interface ReturnCode {
  code: string;
  meaning: string;
}

/** The return codes of the standard (WJ001) with their meaning. */
export function useReturnCodes() {
  return useApiGet<ReturnCode[]>('/api/v1/messages/return-codes');
}

// checking and submitting a document

/** A document to check or submit: a chosen file, or XML pasted in the form. */
export interface XmlDocument {
  /** The file's name; null for pasted XML. */
  fileName: string | null;
  content: Blob | string;
}

export type SubmitAccepted = Extract<IngestResult, { outcome: 'processed' | 'already_processed' }>;
export type SubmitRefused = Omit<Extract<IngestResult, { outcome: 'quarantined' }>, 'reasonCode'> & {
  reasonCode: string;
};
export type SubmitResult = SubmitAccepted | SubmitRefused;

const XML = 'application/xml';

/**
 * A header value must be ISO-8859-1 for fetch; the server only shows the name again, so
 * anything outside printable ASCII becomes "_" rather than failing the upload.
 */
function headerFileName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').slice(0, 255);
}

export interface AllocationRound {
  sent: { id: string; providerId: string; identification: string; allocationNumbers: number[] }[];
  held: { allocationNumber: number; notice: string }[];
}

export type RequestStatus = RequestSummary['status'];
export const REQUEST_STATUSES: readonly RequestStatus[] = ['open', 'in_assessment', 'refused', 'granted'];
/** RedenAfwijzingVerzoek (WJ759). */
export const REFUSAL_REASON_CODES = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export interface RequestFilter {
  status: RequestStatus | '';
  overdue: boolean;
  /** Empty for all providers (a provider user always gets its own). */
  providerId: string;
}

/** Requests of providers, unanswered first; the clients shown are logged. */
export function useRequests(filter: RequestFilter, paging: Paging) {
  return useApiGet<ListResult<RequestSummary> & { overdue: number }>('/api/v1/messages/requests', {
    status: filter.status,
    overdue: filter.overdue ? 'true' : '',
    providerId: filter.providerId,
    ...paging,
  });
}

/** Answers a request with a 319: refused with its reason, or taken into assessment. */
export function answerRequest(
  id: string,
  answer: { answer: 'refused'; refusalReason: string } | { answer: 'in_assessment' } | { answer: 'granted' },
): Promise<{ requestId: string; status: RequestStatus; answerMessageId: string }> {
  return apiRequest('POST', `/api/v1/messages/requests/${id}/answer`, { body: answer });
}

/** The sending round: puts the 301s of new and changed allocations in the providers' outboxes. */
export function sendAllocations(): Promise<AllocationRound> {
  return apiRequest<AllocationRound>('POST', '/api/v1/messages/outbox', { body: {} });
}

/** Checks a document against the standard; nothing is stored. */
export function checkMessage(document: XmlDocument): Promise<CheckResult> {
  return apiRequest<CheckResult>('POST', '/api/v1/messages/check', {
    raw: { content: document.content, contentType: XML },
  });
}

function isRefusal(error: unknown): error is ApiError & { body: Record<string, unknown> } {
  if (!(error instanceof ApiError) || error.status !== 422 || error.code !== 'MESSAGE_REFUSED') return false;
  const body = error.body;
  return typeof body === 'object' && body !== null && 'quarantineId' in body && 'findings' in body;
}

/**
 * Submits a document as the provider. A refused document (quarantined, 422) is an answer too,
 * not an error: it comes back as `outcome: 'quarantined'` with its reason and findings.
 */
export async function submitMessage(document: XmlDocument): Promise<SubmitResult> {
  try {
    return await apiRequest<SubmitAccepted>('POST', '/api/v1/messages', {
      raw: { content: document.content, contentType: XML },
      headers: document.fileName ? { 'x-file-name': headerFileName(document.fileName) } : undefined,
    });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const body = error.body as {
      quarantineId: string;
      reasonCode: string;
      findings: FindingView[];
      returnMessage: ReturnMessageView | null;
    };
    return {
      outcome: 'quarantined',
      quarantineId: body.quarantineId,
      reasonCode: body.reasonCode,
      reason: error.message,
      findings: body.findings,
      returnMessage: body.returnMessage ?? null,
    };
  }
}
