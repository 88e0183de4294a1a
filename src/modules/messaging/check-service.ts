/**
 * The checker a provider runs before sending: is this document a conforming iWmo/iJw 3.2
 * message? It reads any message type, validates it against the schema and applies the rules
 * that need nothing but the message itself. It stores nothing and needs no database, so the
 * command line (`regiekamer iwmo check`), the API and the portal share it.
 */
import type { TenantContext } from '../../server/request-context.js';
import { decodeAllocationMessage } from './codec/allocation-message.js';
import { decodeProviderMessage } from './codec/provider-messages.js';
import { decodeRequestMessage } from './codec/request-messages.js';
import { type FindingView, findingView, readAnyMessage } from './ingest-read.js';
import { receiveMessages } from './ingest-service.js';
import { checkAllocationMessageRules } from './rules/allocation-message-rules.js';
import { checkMessageRules } from './rules/message-rules.js';
import { checkRequestMessageRules } from './rules/request-rules.js';

export interface CheckResult {
  conforms: boolean;
  /** 'WMO305', 'JW323'; null when the document is not a message of the standard. */
  messageName: string | null;
  findings: FindingView[];
  /** More schema violations existed than are listed. */
  truncated: boolean;
}

export function checkDocument(bytes: Uint8Array | string): CheckResult {
  const read = readAnyMessage(bytes, true);
  if (!read.ok) {
    return {
      conforms: false,
      messageName: read.kind?.name ?? null,
      findings: read.findings,
      truncated: read.truncated ?? false,
    };
  }
  const decoded = decodeProviderMessage(read.kind, read.message);
  const request = decodeRequestMessage(read.kind, read.message);
  const ruleFindings = decoded
    ? checkMessageRules(decoded)
    : request
      ? checkRequestMessageRules(request)
      : read.kind.type === '301'
        ? checkAllocationMessageRules(decodeAllocationMessage(read.kind, read.message))
        : [];
  const findings = ruleFindings.map((f) => findingView(f, read.positions));
  return { conforms: findings.length === 0, messageName: read.kind.name, truncated: false, findings };
}

/**
 * The check a provider runs in the portal or over the API: the same, and for a start, stop or
 * claim also the rules across messages against what the municipality knows of its
 * allocations, starts and claims (TR019, TR418, ...), without storing anything.
 */
export async function checkDocumentAsProvider(
  ctx: TenantContext,
  bytes: Uint8Array,
  providerId: string,
): Promise<CheckResult> {
  const basic = checkDocument(bytes);
  if (!basic.conforms || !RECEIVABLE.has(basic.messageName?.replace(/^(WMO|JW)/, '') ?? '')) return basic;
  const [result] = await receiveMessages(ctx, [{ bytes, fileName: null, channel: 'portal', providerId }], {
    dryRun: true,
    positions: true,
  });
  if (!result || result.outcome === 'already_processed') return basic;
  if (result.outcome === 'quarantined') {
    const findings: FindingView[] =
      result.findings.length > 0
        ? result.findings
        : [
            {
              code: result.reasonCode,
              returnCode: null,
              returnCodeMeaning: null,
              path: '',
              line: null,
              column: null,
              message: result.reason,
            },
          ];
    return { ...basic, conforms: false, findings };
  }
  return { ...basic, conforms: result.findings.length === 0, findings: result.findings };
}

const RECEIVABLE = new Set(['302', '305', '307', '315', '317', '323']);
