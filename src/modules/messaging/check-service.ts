/**
 * The checker a provider runs before sending: is this document a conforming iWmo/iJw 3.2
 * message? It reads any message type, validates it against the schema and applies the rules
 * that need nothing but the message itself. It stores nothing and needs no database, so the
 * command line (`regiekamer iwmo check`), the API and the portal share it.
 */
import { decodeProviderMessage } from './codec/provider-messages.js';
import { type FindingView, findingView, violationView } from './ingest-service.js';
import { checkMessageRules } from './rules/message-rules.js';
import { identifyMessage } from './standard/message-kinds.js';
import { parseSecureXml } from './xml/secure-xml.js';
import { type ElementPosition, validateMessage } from './xml/validate.js';

export interface CheckResult {
  conforms: boolean;
  /** 'WMO305', 'JW323'; null when the document is not a message of the standard. */
  messageName: string | null;
  findings: FindingView[];
  /** More schema violations existed than are listed. */
  truncated: boolean;
}

export function checkDocument(bytes: Uint8Array | string): CheckResult {
  const parsed = parseSecureXml(bytes);
  if (!parsed.ok) {
    const { error } = parsed;
    return {
      conforms: false,
      messageName: null,
      truncated: false,
      findings: [
        {
          code: error.code,
          returnCode: null,
          returnCodeMeaning: null,
          path: '',
          line: error.line,
          column: error.column,
          message: error.message,
        },
      ],
    };
  }
  const kind = identifyMessage(parsed.root);
  if (kind === undefined) {
    return {
      conforms: false,
      messageName: null,
      truncated: false,
      findings: [
        {
          code: 'UNKNOWN_MESSAGE',
          returnCode: null,
          returnCodeMeaning: null,
          path: parsed.root.name,
          line: parsed.root.line,
          column: parsed.root.column,
          message: `Dit is geen iWmo- of iJw-bericht van release 3.2: root-element ${parsed.root.name} in namespace '${parsed.root.namespace}'.`,
        },
      ],
    };
  }
  const positions = new Map<string, ElementPosition>();
  const validated = validateMessage(parsed.root, kind.schema, { positions });
  if (!validated.ok) {
    return {
      conforms: false,
      messageName: kind.name,
      truncated: validated.truncated,
      findings: validated.violations.map(violationView),
    };
  }
  const decoded = decodeProviderMessage(kind, validated.message);
  const findings = decoded ? checkMessageRules(decoded).map((f) => findingView(f, positions)) : [];
  return { conforms: findings.length === 0, messageName: kind.name, truncated: false, findings };
}
