/**
 * Receiving a provider's message: read it safely, validate it against the standard's schema,
 * apply the standard's rules, store what it says and answer it with the return message (306,
 * 308) or the declaration answer (325) — all in the caller's transaction, so a message is
 * applied completely or not at all.
 *
 * - A document that cannot be read, is not a message of the standard, is invalid against the
 *   schema, is not from the uploading provider or reuses an identification goes to the
 *   quarantine with its reason and changes nothing else.
 * - A message received again (same sender, type and identification, same bytes) is not
 *   processed again: the answer given the first time is returned (idempotent receipt).
 * - A rule within the message that fails refuses the whole message (return code 0001); a rule
 *   across messages refuses only its berichtklasse (a start line, a service), unless it is
 *   about the message as a whole (TR135, TR333).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import {
  type AllocationStatus,
  type ProviderAllocation,
  providerAllocations,
  setAllocationStatus,
} from '../cases/allocation-service.js';
import type { Law } from '../cases/legal-clock.js';
import { recordProcessing } from '../processing-log/processing-log-service.js';
import { providerIdentity } from '../registry/provider-service.js';
import {
  type CareStartMessage,
  type CareStopMessage,
  type DeclarationMessage,
  decodeHeader,
  decodeProviderMessage,
  type ProviderMessage,
  signedCents,
} from './codec/provider-messages.js';
import { buildDeclarationAnswer, buildReturnMessage } from './codec/return-messages.js';
import { careReport, declaration, declaredService, message, messageQuarantine } from './messaging-tables.js';
import { checkCareRules, checkDeclarationRules } from './rules/cross-message-rules.js';
import type { AllocationFacts, CareReportFacts, PriorServiceFacts } from './rules/facts.js';
import { checkMessageRules } from './rules/message-rules.js';
import { HEADER_PATH, type RuleFinding } from './rules/rule.js';
import { identifyMessage, type MessageKind } from './standard/message-kinds.js';
import type { Standard } from './standard/model.js';
import { returnCodeMeaning } from './standard/return-codes.js';
import { addWorkingDays } from './working-days.js';
import { parseSecureXml } from './xml/secure-xml.js';
import { type ElementPosition, type MessageObject, type Violation, validateMessage } from './xml/validate.js';
import { writeMessage } from './xml/write.js';

/** The working days within which the standard wants an answer (iWmo/iJw process descriptions). */
export const ANSWER_TERMS_WORKING_DAYS = {
  returnMessage: 3,
  requestAnswer: 5,
  declarationAnswer: 10,
} as const;

/** The messages this platform takes from providers today. */
const RECEIVABLE_TYPES = new Set(['305', '307', '323']);

const LAW_OF_STANDARD: Readonly<Record<Standard, Law>> = { iwmo: 'wmo', ijw: 'youth' };

export type QuarantineReasonCode =
  | 'UNREADABLE'
  | 'UNKNOWN_MESSAGE'
  | 'UNSUPPORTED_MESSAGE'
  | 'INVALID'
  | 'WRONG_SENDER'
  | 'WRONG_RECEIVER'
  | 'DUPLICATE_IDENTIFICATION';

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

export interface ReturnMessageView {
  id: string;
  name: string;
  identification: string;
  document: string;
}

export type IngestResult =
  | {
      outcome: 'quarantined';
      quarantineId: string;
      reasonCode: QuarantineReasonCode;
      reason: string;
      findings: FindingView[];
      /** The refusal the standard prescribes for a reused identification (9056), when there is one. */
      returnMessage: ReturnMessageView | null;
    }
  | {
      outcome: 'processed' | 'already_processed';
      messageId: string;
      messageName: string;
      status: 'accepted' | 'partly_rejected' | 'rejected';
      findings: FindingView[];
      returnMessage: ReturnMessageView | null;
    };

export interface ReceivedDocument {
  bytes: Uint8Array;
  fileName: string | null;
  channel: 'api' | 'portal' | 'import';
  /** The provider on whose behalf the document is sent. */
  providerId: string;
}

export interface IngestOptions {
  /** Record element positions so findings carry line numbers (off in bulk loads). */
  positions?: boolean;
  now?: Date;
}

export async function receiveMessage(
  ctx: TenantContext,
  received: ReceivedDocument,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const now = options.now ?? new Date();
  const today = todayInNetherlands(now);
  const sha256 = createHash('sha256').update(received.bytes).digest('hex');
  const quarantine = (
    reasonCode: QuarantineReasonCode,
    reason: string,
    findings: FindingView[],
    at?: FindingView,
  ) => quarantineDocument(ctx, received, sha256, reasonCode, reason, findings, at);

  const parsed = parseSecureXml(received.bytes);
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
    return quarantine('UNREADABLE', error.message, [finding], finding);
  }
  const kind = identifyMessage(parsed.root);
  if (kind === undefined) {
    const root = parsed.root;
    const reason = `Het document is geen iWmo- of iJw-bericht van release 3.2: root-element ${root.name} in namespace '${root.namespace}'.`;
    return quarantine('UNKNOWN_MESSAGE', reason, []);
  }
  if (!RECEIVABLE_TYPES.has(kind.type)) {
    return quarantine(
      'UNSUPPORTED_MESSAGE',
      `${kind.name} kan (nog) niet bij de gemeente worden ingediend; dit platform ontvangt 305, 307 en 323.`,
      [],
    );
  }
  const positions = options.positions === false ? undefined : new Map<string, ElementPosition>();
  const validated = validateMessage(parsed.root, kind.schema, { positions });
  if (!validated.ok) {
    const findings = validated.violations.map(violationView);
    const first = validated.violations[0];
    const reason = `${kind.name} voldoet niet aan het XML-schema: ${validated.violations.length}${validated.truncated ? '+' : ''} fout(en), de eerste: ${first?.message ?? 'onbekend'}`;
    return quarantine('INVALID', reason, findings, findings[0]);
  }
  const header = decodeHeader(validated.message);
  const provider = await providerIdentity(ctx, received.providerId);
  if (header.sender !== provider.agbCode) {
    return quarantine(
      'WRONG_SENDER',
      `Afzender ${header.sender} is niet de AGB-code van ${provider.name} (${provider.agbCode}); een aanbieder kan alleen eigen berichten indienen.`,
      [],
    );
  }
  if (header.receiver !== ctx.municipalityCode) {
    return quarantine(
      'WRONG_RECEIVER',
      `Ontvanger ${header.receiver} is niet deze gemeente (${ctx.municipalityCode}).`,
      [],
    );
  }

  const [earlier] = await ctx.tx
    .select()
    .from(message)
    .where(
      and(
        eq(message.direction, 'inbound'),
        eq(message.sender, header.sender),
        eq(message.standard, kind.standard),
        eq(message.messageType, kind.type),
        eq(message.identification, header.identification),
      ),
    );
  if (earlier) {
    if (earlier.sha256 === sha256) return replay(ctx, earlier.id, kind);
    // TR056: same identification, different content. Refused with 9056, the first one stands.
    const refusal = answerDocument(kind, validated.message, decodedOrUndefined(kind, validated.message), {
      headerCodes: ['9056'],
      classCodes: new Map(),
      refused: true,
      today,
    });
    const finding: FindingView = {
      code: 'TR056',
      returnCode: '9056',
      returnCodeMeaning: returnCodeMeaning('9056'),
      path: 'Bericht/Header/BerichtIdentificatie/Identificatie',
      line: positionOf(positions, 'Bericht/Header/BerichtIdentificatie/Identificatie')?.line ?? null,
      column: null,
      message: `Identificatie ${header.identification} is al gebruikt voor een ander ${kind.name}-bericht van deze afzender (ontvangen ${earlier.receivedAt.toISOString().slice(0, 10)}).`,
    };
    const result = await quarantine('DUPLICATE_IDENTIFICATION', finding.message, [finding], finding);
    if (result.outcome !== 'quarantined' || !refusal) return result;
    const refusalId = await storeAnswer(
      ctx,
      refusal,
      kind.standard,
      received.providerId,
      header.receiver,
      header.sender,
      null,
      ['9056'],
      today,
      now,
    );
    return {
      ...result,
      returnMessage: {
        id: refusalId,
        name: refusal.kind.name,
        identification: refusal.identification,
        document: refusal.document,
      },
    };
  }

  const decoded = decodeProviderMessage(kind, validated.message);
  if (decoded === undefined) throw new Error(`${kind.name} heeft geen decoder`);
  const withinMessage = checkMessageRules(decoded);
  const law = LAW_OF_STANDARD[kind.standard];
  const allocations = await providerAllocations(ctx, received.providerId, law, allocationNumbersOf(decoded));
  const allocationByNumber = new Map(allocations.map((a) => [a.allocationNumber, a]));
  const allocationFacts = new Map<number, AllocationFacts>(
    allocations.map((a) => [a.allocationNumber, factsOf(a)]),
  );

  let findings: RuleFinding[] = withinMessage;
  const refusedWithinMessage = withinMessage.some((f) => f.classPath === HEADER_PATH);
  if (!refusedWithinMessage) {
    if (decoded.type === '323') {
      findings = findings.concat(
        checkDeclarationRules(decoded, {
          allocations: allocationFacts,
          priorServices: await priorServices(ctx, received.providerId, kind.standard, decoded),
          declarationNumberUsed: await declarationNumberUsed(
            ctx,
            received.providerId,
            kind.standard,
            decoded,
          ),
          today,
        }),
      );
    } else {
      findings = findings.concat(
        checkCareRules(decoded, {
          allocations: allocationFacts,
          reports: await currentReports(ctx, allocations),
          today,
        }),
      );
    }
  }
  const headerFindings = findings.filter((f) => f.classPath === HEADER_PATH);
  const refused = headerFindings.length > 0;
  const headerCodes = refused ? unique(headerFindings.map((f) => f.rule.returnCode)) : [];
  const classCodes = new Map<string, string[]>();
  for (const f of findings) {
    if (f.classPath === HEADER_PATH) continue;
    classCodes.set(f.classPath, unique([...(classCodes.get(f.classPath) ?? []), f.rule.returnCode]));
  }
  const linePaths =
    decoded.type === '323' ? decoded.services.map((x) => x.path) : decoded.lines.map((x) => x.path);
  const rejectedLines = linePaths.filter((path) => classCodes.has(path)).length;
  const status: 'accepted' | 'partly_rejected' | 'rejected' =
    refused || (linePaths.length > 0 && rejectedLines === linePaths.length)
      ? 'rejected'
      : classCodes.size > 0
        ? 'partly_rejected'
        : 'accepted';

  // What the list of messages shows: every return code the answer carries, the classes' too.
  const allCodes = unique([...headerCodes, ...[...classCodes.values()].flat()]);
  const termDays =
    decoded.type === '323'
      ? ANSWER_TERMS_WORKING_DAYS.declarationAnswer
      : ANSWER_TERMS_WORKING_DAYS.returnMessage;
  const [stored] = await ctx.tx
    .insert(message)
    .values({
      municipalityCode: ctx.municipalityCode,
      direction: 'inbound',
      standard: kind.standard,
      messageType: kind.type,
      providerId: received.providerId,
      sender: header.sender,
      receiver: header.receiver,
      identification: header.identification,
      datedOn: header.datedOn,
      status,
      answerDueOn: addWorkingDays(today, termDays),
      answeredAt: now,
      returnCodes: allCodes,
      document: new TextDecoder().decode(received.bytes),
      sha256,
      receivedAt: now,
    })
    .returning({ id: message.id });
  if (!stored) throw new Error('insert returned no row');

  let awardedCents = 0;
  const refusedServices = new Map<string, string[]>();
  if (!refused) {
    if (decoded.type === '323') {
      for (const service of decoded.services) {
        const codes = classCodes.get(service.path);
        if (codes) refusedServices.set(service.path, codes);
      }
      awardedCents = await storeDeclaration(
        ctx,
        stored.id,
        received.providerId,
        decoded,
        allocationByNumber,
        refusedServices,
      );
    } else {
      await applyCareReports(ctx, stored.id, received.providerId, decoded, allocationByNumber, classCodes);
    }
  }

  const answer =
    decoded.type === '323'
      ? declarationAnswerDocument(decoded, headerCodes, refusedServices, awardedCents, today)
      : answerDocument(kind, validated.message, decoded, { headerCodes, classCodes, refused, today });
  let returnMessage: ReturnMessageView | null = null;
  if (answer) {
    const answerId = await storeAnswer(
      ctx,
      answer,
      kind.standard,
      received.providerId,
      header.receiver,
      header.sender,
      stored.id,
      allCodes,
      today,
      now,
    );
    returnMessage = {
      id: answerId,
      name: answer.kind.name,
      identification: answer.identification,
      document: answer.document,
    };
    if (decoded.type === '323' && !refused) {
      await ctx.tx
        .update(declaration)
        .set({ answerMessageId: answerId })
        .where(eq(declaration.messageId, stored.id));
    }
  }

  const subjects = new Map(allocations.map((a) => [a.residentId, { residentId: a.residentId, bsn: a.bsn }]));
  await recordProcessing(ctx, 'message.receive', 'create', [...subjects.values()]);

  return {
    outcome: 'processed',
    messageId: stored.id,
    messageName: kind.name,
    status,
    findings: findings.map((f) => findingView(f, positions)),
    returnMessage,
  };
}

function decodedOrUndefined(kind: MessageKind, validated: MessageObject): ProviderMessage | undefined {
  return decodeProviderMessage(kind, validated);
}

function allocationNumbersOf(decoded: ProviderMessage): number[] {
  if (decoded.type === '323') return decoded.services.map((s) => s.allocationNumber);
  return decoded.lines.flatMap((l) => (l.allocationNumber === undefined ? [] : [l.allocationNumber]));
}

function factsOf(a: ProviderAllocation): AllocationFacts {
  return {
    allocationNumber: a.allocationNumber,
    bsn: a.bsn,
    productCategory: a.productCategory,
    productCode: a.productCode,
    startDate: a.startDate,
    endDate: a.endDate,
    volume: a.volume,
    unit: a.unit,
    frequency: a.frequency,
    contractTariffCents: a.contractTariffCents,
  };
}

async function currentReports(
  ctx: TenantContext,
  allocations: readonly ProviderAllocation[],
): Promise<CareReportFacts[]> {
  if (allocations.length === 0) return [];
  const numberById = new Map(allocations.map((a) => [a.id, a.allocationNumber]));
  const rows = await ctx.tx
    .select()
    .from(careReport)
    .where(and(inArray(careReport.allocationId, [...numberById.keys()]), isNull(careReport.withdrawnBy)));
  return rows.map((r) => ({
    kind: r.kind,
    allocationNumber: numberById.get(r.allocationId) ?? -1,
    startDate: r.startDate,
    endDate: r.endDate,
    reason: r.reason,
  }));
}

async function priorServices(
  ctx: TenantContext,
  providerId: string,
  standard: Standard,
  decoded: DeclarationMessage,
): Promise<Map<string, PriorServiceFacts>> {
  const references = new Set<string>();
  for (const s of decoded.services) {
    references.add(s.referenceNumber);
    if (s.previousReferenceNumber !== undefined) references.add(s.previousReferenceNumber);
  }
  const numbers = [...new Set(decoded.services.map((s) => s.allocationNumber))];
  // Earlier services that share a reference (TR314, TR323, TR390) or an allocation (TR322, TR389).
  const [byReference, byAllocation] = await Promise.all([
    ctx.tx
      .select()
      .from(declaredService)
      .where(
        and(
          eq(declaredService.providerId, providerId),
          eq(declaredService.standard, standard),
          inArray(declaredService.referenceNumber, [...references]),
        ),
      ),
    numbers.length === 0
      ? Promise.resolve([])
      : ctx.tx
          .select()
          .from(declaredService)
          .where(
            and(
              eq(declaredService.providerId, providerId),
              eq(declaredService.standard, standard),
              inArray(declaredService.allocationNumber, numbers),
            ),
          ),
  ]);
  const result = new Map<string, PriorServiceFacts>();
  for (const row of [...byReference, ...byAllocation]) {
    const existing = result.get(row.referenceNumber);
    // A rejected service may be resent under its reference; the approved one is what counts.
    if (existing?.approved && !row.approved) continue;
    result.set(row.referenceNumber, {
      referenceNumber: row.referenceNumber,
      previousReferenceNumber: row.previousReferenceNumber,
      debitCredit: row.submittedCents < 0 ? 'C' : 'D',
      approved: row.approved,
      allocationNumber: row.allocationNumber,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      productCategory: row.productCategory,
      productCode: row.productCode,
      deliveredVolume: row.deliveredVolume,
    });
  }
  return result;
}

async function declarationNumberUsed(
  ctx: TenantContext,
  providerId: string,
  standard: Standard,
  decoded: DeclarationMessage,
): Promise<boolean> {
  const [row] = await ctx.tx
    .select({ id: declaration.id })
    .from(declaration)
    .where(
      and(
        eq(declaration.providerId, providerId),
        eq(declaration.standard, standard),
        eq(declaration.declarationNumber, decoded.declarationNumber),
      ),
    );
  return row !== undefined;
}

async function applyCareReports(
  ctx: TenantContext,
  messageId: string,
  providerId: string,
  decoded: ({ type: '305' } & CareStartMessage) | ({ type: '307' } & CareStopMessage),
  allocationByNumber: ReadonlyMap<number, ProviderAllocation>,
  classCodes: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  const kind = decoded.type === '305' ? 'start' : 'stop';
  for (const line of decoded.lines) {
    if (classCodes.has(line.path) || line.allocationNumber === undefined) continue;
    const allocation = allocationByNumber.get(line.allocationNumber);
    if (!allocation) continue;
    const endDate = 'endDate' in line ? (line as { endDate: string }).endDate : null;
    if (line.status === '3') {
      // Withdrawal: the current report with the same key is marked, not deleted.
      const current = await ctx.tx
        .select({ id: careReport.id, endDate: careReport.endDate })
        .from(careReport)
        .where(
          and(
            eq(careReport.allocationId, allocation.id),
            eq(careReport.kind, kind),
            eq(careReport.startDate, line.startDate),
            isNull(careReport.withdrawnBy),
          ),
        );
      if (current.length === 0) continue;
      await ctx.tx
        .update(careReport)
        .set({ withdrawnBy: messageId })
        .where(
          inArray(
            careReport.id,
            current.map((c) => c.id),
          ),
        );
      await setAllocationStatus(
        ctx,
        allocation.id,
        kind === 'start' ? 'allocated' : await statusAfterStopWithdrawn(ctx, allocation.id),
      );
      continue;
    }
    await ctx.tx.insert(careReport).values({
      municipalityCode: ctx.municipalityCode,
      messageId,
      providerId,
      allocationId: allocation.id,
      kind,
      startDate: line.startDate,
      endDate,
      reason: 'reason' in line ? (line as { reason: string }).reason : null,
    });
    const next: AllocationStatus = kind === 'start' ? 'started' : 'stopped';
    await setAllocationStatus(ctx, allocation.id, next);
  }
}

async function statusAfterStopWithdrawn(ctx: TenantContext, allocationId: string): Promise<AllocationStatus> {
  const [stillStopped] = await ctx.tx
    .select({ id: careReport.id })
    .from(careReport)
    .where(
      and(
        eq(careReport.allocationId, allocationId),
        eq(careReport.kind, 'stop'),
        isNull(careReport.withdrawnBy),
      ),
    );
  return stillStopped ? 'stopped' : 'started';
}

async function storeDeclaration(
  ctx: TenantContext,
  messageId: string,
  providerId: string,
  decoded: DeclarationMessage,
  allocationByNumber: ReadonlyMap<number, ProviderAllocation>,
  refusedServices: ReadonlyMap<string, readonly string[]>,
): Promise<number> {
  let submitted = 0;
  let awarded = 0;
  for (const s of decoded.services) {
    const cents = signedCents(s.amountCents, s.debitCredit);
    submitted += cents;
    if (!refusedServices.has(s.path)) awarded += cents;
  }
  const status =
    refusedServices.size === 0
      ? 'awarded'
      : refusedServices.size === decoded.services.length
        ? 'rejected'
        : 'partly_awarded';
  const [row] = await ctx.tx
    .insert(declaration)
    .values({
      municipalityCode: ctx.municipalityCode,
      messageId,
      providerId,
      standard: decoded.kind.standard,
      declarationNumber: decoded.declarationNumber,
      periodStart: decoded.periodStart,
      periodEnd: decoded.periodEnd,
      submittedCents: submitted,
      awardedCents: awarded,
      status,
    })
    .returning({ id: declaration.id });
  if (!row) throw new Error('insert returned no row');
  if (decoded.services.length > 0) {
    await ctx.tx.insert(declaredService).values(
      decoded.services.map((s) => ({
        municipalityCode: ctx.municipalityCode,
        declarationId: row.id,
        providerId,
        standard: decoded.kind.standard,
        allocationId: allocationByNumber.get(s.allocationNumber)?.id ?? null,
        allocationNumber: s.allocationNumber,
        referenceNumber: s.referenceNumber,
        previousReferenceNumber: s.previousReferenceNumber ?? null,
        productCategory: s.productCategory,
        productCode: s.productCode,
        periodStart: s.periodStart,
        periodEnd: s.periodEnd,
        deliveredVolume: s.deliveredVolume,
        unit: s.unit,
        tariffCents: s.tariffCents ?? null,
        submittedCents: signedCents(s.amountCents, s.debitCredit),
        approved: !refusedServices.has(s.path),
        returnCodes: [...(refusedServices.get(s.path) ?? [])],
      })),
    );
  }
  return awarded;
}

async function storeAnswer(
  ctx: TenantContext,
  answer: AnswerDocument,
  standard: Standard,
  providerId: string,
  sender: string,
  receiver: string,
  answersMessageId: string | null,
  returnCodes: readonly string[],
  today: string,
  now: Date,
): Promise<string> {
  const [row] = await ctx.tx
    .insert(message)
    .values({
      municipalityCode: ctx.municipalityCode,
      direction: 'outbound',
      standard,
      messageType: answer.kind.type,
      providerId,
      sender,
      receiver,
      identification: answer.identification,
      datedOn: today,
      status: 'ready',
      answersMessageId,
      returnCodes: [...returnCodes],
      document: answer.document,
      sha256: createHash('sha256').update(answer.document).digest('hex'),
      receivedAt: now,
    })
    .returning({ id: message.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

interface AnswerDocument {
  kind: MessageKind;
  identification: string;
  document: string;
}

function newIdentification(): string {
  // LDT_IdentificatieBericht: at most 12 characters, unique per message type for the sender.
  return randomBytes(6).toString('hex');
}

function answerDocument(
  kind: MessageKind,
  validated: MessageObject,
  decoded: ProviderMessage | undefined,
  options: {
    headerCodes: readonly string[];
    classCodes: ReadonlyMap<string, readonly string[]>;
    refused: boolean;
    today: string;
  },
): AnswerDocument | undefined {
  const identification = newIdentification();
  if (kind.type === '323') {
    if (decoded?.type !== '323') return undefined;
    return declarationAnswerDocument(
      decoded,
      options.headerCodes,
      new Map(),
      0,
      options.today,
      identification,
    );
  }
  const built = buildReturnMessage({
    answered: kind,
    message: validated,
    identification,
    datedOn: options.today,
    headerCodes: options.headerCodes,
    classCodes: options.classCodes,
    refused: options.refused,
  });
  return { kind: built.kind, identification, document: writeMessage(built.message, built.kind.schema) };
}

function declarationAnswerDocument(
  decoded: DeclarationMessage,
  refusalCodes: readonly string[],
  refusedServices: ReadonlyMap<string, readonly string[]>,
  awardedCents: number,
  today: string,
  identification = newIdentification(),
): AnswerDocument {
  const built = buildDeclarationAnswer({
    declaration: decoded,
    identification,
    datedOn: today,
    refusalCodes,
    refusedServices,
    awardedCents,
  });
  return { kind: built.kind, identification, document: writeMessage(built.message, built.kind.schema) };
}

async function replay(ctx: TenantContext, messageId: string, kind: MessageKind): Promise<IngestResult> {
  const [original] = await ctx.tx.select().from(message).where(eq(message.id, messageId));
  const [answer] = await ctx.tx
    .select()
    .from(message)
    .where(and(eq(message.answersMessageId, messageId), eq(message.direction, 'outbound')));
  if (!original) throw new Error('message vanished');
  return {
    outcome: 'already_processed',
    messageId,
    messageName: kind.name,
    status: original.status as 'accepted' | 'partly_rejected' | 'rejected',
    findings: [],
    returnMessage: answer
      ? {
          id: answer.id,
          name: `${kind.standard === 'iwmo' ? 'WMO' : 'JW'}${answer.messageType}`,
          identification: answer.identification,
          document: answer.document,
        }
      : null,
  };
}

async function quarantineDocument(
  ctx: TenantContext,
  received: ReceivedDocument,
  sha256: string,
  reasonCode: QuarantineReasonCode,
  reason: string,
  findings: FindingView[],
  at?: FindingView,
): Promise<IngestResult> {
  const [row] = await ctx.tx
    .insert(messageQuarantine)
    .values({
      municipalityCode: ctx.municipalityCode,
      providerId: received.providerId,
      accountId: ctx.actor.id,
      channel: received.channel,
      fileName: received.fileName,
      sizeBytes: received.bytes.byteLength,
      sha256,
      reasonCode,
      reason,
      line: at?.line ?? null,
      columnNumber: at?.column ?? null,
      violations: findings.map((f) => ({
        code: f.code,
        message: f.message,
        path: f.path,
        line: f.line ?? 0,
        column: f.column ?? 0,
      })),
      document: received.bytes,
    })
    .returning({ id: messageQuarantine.id });
  if (!row) throw new Error('insert returned no row');
  return { outcome: 'quarantined', quarantineId: row.id, reasonCode, reason, findings, returnMessage: null };
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

function positionOf(
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

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
