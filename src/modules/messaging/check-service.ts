/**
 * The checker a provider runs before sending: is this document a conforming iWmo/iJw 3.2
 * message? It reads any message type, validates it against the schema and applies the rules
 * that need nothing but the message itself. It stores nothing and needs no database, so the
 * command line (`regiekamer iwmo check`), the API and the portal share it.
 */
import { decodeProviderMessage } from './codec/provider-messages.js';
import { type FindingView, findingView, readAnyMessage } from './ingest-read.js';
import { checkMessageRules } from './rules/message-rules.js';

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
  const findings = decoded ? checkMessageRules(decoded).map((f) => findingView(f, read.positions)) : [];
  return { conforms: findings.length === 0, messageName: read.kind.name, truncated: false, findings };
}
