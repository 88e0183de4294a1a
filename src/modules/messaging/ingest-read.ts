/**
 * The first step of receiving a document, without the database: read it safely, find which
 * message it is, validate it against the schema and decode it. What fails here goes to the
 * quarantine with its reason.
 */
import { createHash } from 'node:crypto';
import { type AllocationReturnMessage, decodeAllocationReturn } from './codec/allocation-message.js';
import {
  decodeHeader,
  decodeProviderMessage,
  type MessageHeader,
  type ProviderMessage,
} from './codec/provider-messages.js';
import { decodeRequestMessage, type RequestMessage } from './codec/request-messages.js';
import type { RuleFinding } from './rules/rule.js';
import { identifyMessage, type MessageKind } from './standard/message-kinds.js';
import { returnCodeMeaning } from './standard/return-codes.js';
import { parseSecureXml } from './xml/secure-xml.js';
import { type ElementPosition, type MessageObject, type Violation, validateMessage } from './xml/validate.js';

/** The messages this platform takes from providers today. */
const RECEIVABLE_TYPES = new Set(['302', '305', '307', '315', '317', '323']);

export type QuarantineReasonCode =
  | 'UNREADABLE'
  | 'UNKNOWN_MESSAGE'
  | 'UNSUPPORTED_MESSAGE'
  | 'INVALID'
  | 'WRONG_SENDER'
  | 'WRONG_RECEIVER'
  | 'DUPLICATE_IDENTIFICATION'
  | 'NO_ORIGINAL';

export interface FindingView {
  /** The rule's code (TR307), or the schema violation's code (MISSING_ELEMENT). */
  code: string;
  /** The WJ001 return code it leads to; null for a schema violation. */
  returnCode: string | null;
  /** What the return code means in the standard (WJ001); null without a return code. */
  returnCodeMeaning: string | null;
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

export interface Refusal {
  ok: false;
  reasonCode: QuarantineReasonCode;
  reason: string;
  findings: FindingView[];
  /** Where the refusal points, for the quarantine's line and column. */
  at: FindingView | undefined;
  /** The message it is, when that could be told (an invalid one). */
  kind?: MessageKind;
  /** More schema violations existed than are listed. */
  truncated?: boolean;
}

export interface ReadMessage {
  ok: true;
  kind: MessageKind;
  message: MessageObject;
  header: MessageHeader;
  decoded: ProviderMessage;
  positions: ReadonlyMap<string, ElementPosition> | undefined;
}

/** A provider's request for an allocation (315) or a change (317). */
export interface ReadRequest {
  ok: true;
  kind: MessageKind;
  message: MessageObject;
  header: MessageHeader;
  decoded: RequestMessage;
  positions: ReadonlyMap<string, ElementPosition> | undefined;
}

/** A provider's return message on a 301: stored and noted on the 301, never answered. */
export interface ReadReturn {
  ok: true;
  kind: MessageKind;
  message: MessageObject;
  header: MessageHeader;
  decoded: AllocationReturnMessage;
  positions: ReadonlyMap<string, ElementPosition> | undefined;
}

export function sha256Of(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function refusal(
  reasonCode: QuarantineReasonCode,
  reason: string,
  findings: FindingView[] = [],
  at?: FindingView,
): Refusal {
  return { ok: false, reasonCode, reason, findings, at };
}

export interface ValidMessage {
  ok: true;
  kind: MessageKind;
  message: MessageObject;
  positions: ReadonlyMap<string, ElementPosition> | undefined;
}

/**
 * Reads any message of the standard: parse, identify, validate. `accepts` may refuse a kind
 * before it is validated (the receiving service takes only what providers send).
 */
export function readAnyMessage(
  bytes: Uint8Array | string,
  withPositions: boolean,
  accepts: (kind: MessageKind) => Refusal | undefined = () => undefined,
): ValidMessage | Refusal {
  const parsed = parseSecureXml(bytes);
  if (!parsed.ok) {
    const { error } = parsed;
    const finding: FindingView = {
      code: error.code,
      returnCode: null,
      returnCodeMeaning: null,
      path: '',
      line: error.line,
      column: error.column,
      message: error.message,
    };
    return refusal('UNREADABLE', error.message, [finding], finding);
  }
  const kind = identifyMessage(parsed.root);
  if (kind === undefined) {
    const root = parsed.root;
    const finding: FindingView = {
      code: 'UNKNOWN_MESSAGE',
      returnCode: null,
      returnCodeMeaning: null,
      path: root.name,
      line: root.line,
      column: root.column,
      message: `Het document is geen iWmo- of iJw-bericht van release 3.2: root-element ${root.name} in namespace '${root.namespace}'.`,
    };
    return refusal('UNKNOWN_MESSAGE', finding.message, [finding], finding);
  }
  const refused = accepts(kind);
  if (refused) return refused;
  const positions = withPositions ? new Map<string, ElementPosition>() : undefined;
  const validated = validateMessage(parsed.root, kind.schema, { positions });
  if (!validated.ok) {
    const findings = validated.violations.map(violationView);
    const first = validated.violations[0];
    const count = `${validated.violations.length}${validated.truncated ? '+' : ''}`;
    const result = refusal(
      'INVALID',
      `${kind.name} voldoet niet aan het XML-schema: ${count} fout(en), de eerste: ${first?.message ?? 'onbekend'}`,
      findings,
      findings[0],
    );
    return { ...result, kind, truncated: validated.truncated };
  }
  return { ok: true, kind, message: validated.message, positions };
}

/** Reads a document a provider sends to the municipality: a 302, 305, 307, 315, 317 or 323. */
export function readDocument(
  bytes: Uint8Array,
  withPositions: boolean,
): ReadMessage | ReadReturn | ReadRequest | Refusal {
  const read = readAnyMessage(bytes, withPositions, (kind) =>
    RECEIVABLE_TYPES.has(kind.type)
      ? undefined
      : refusal(
          'UNSUPPORTED_MESSAGE',
          `${kind.name} kan (nog) niet bij de gemeente worden ingediend; dit platform ontvangt 302, 305, 307, 315, 317 en 323.`,
        ),
  );
  if (!read.ok) return read;
  if (read.kind.type === '302') {
    const decoded = decodeAllocationReturn(read.kind, read.message);
    return { ...read, header: decoded.header, decoded };
  }
  const request = decodeRequestMessage(read.kind, read.message);
  if (request !== undefined) return { ...read, header: request.header, decoded: request };
  const decoded = decodeProviderMessage(read.kind, read.message);
  if (decoded === undefined) throw new Error(`${read.kind.name} heeft geen decoder`);
  return { ...read, header: decodeHeader(read.message), decoded };
}

export function violationView(v: Violation): FindingView {
  return {
    code: v.code,
    returnCode: null,
    returnCodeMeaning: null,
    path: v.path,
    line: v.line,
    column: v.column,
    message: v.message,
  };
}

export function findingView(
  f: RuleFinding,
  positions: ReadonlyMap<string, ElementPosition> | undefined,
): FindingView {
  const at = positionOf(positions, f.path) ?? positionOf(positions, f.classPath);
  return {
    code: f.rule.code,
    returnCode: f.rule.returnCode,
    returnCodeMeaning: returnCodeMeaning(f.rule.returnCode),
    path: f.path,
    line: at?.line ?? null,
    column: at?.column ?? null,
    message: f.message,
  };
}

export function positionOf(
  positions: ReadonlyMap<string, ElementPosition> | undefined,
  path: string,
): ElementPosition | undefined {
  if (!positions) return undefined;
  // A path may name a simple element the validator recorded, or a class above it.
  for (let p = path; p.length > 0; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
    const found = positions.get(p);
    if (found) return found;
  }
  return undefined;
}
