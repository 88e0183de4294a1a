/**
 * Receiving providers' messages: read each one safely, validate it against the standard's
 * schema, apply the standard's rules, store what it says and answer it with the return message
 * (306, 308) or the claim answer (325) — all in the caller's transaction, so a message is
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
 *
 * Messages are taken in batches (one, over the API; hundreds, from an import): the facts the
 * rules need are loaded for the whole batch in a few set queries and kept current in memory as
 * each message is applied in order, and what the batch writes goes to the database in a few
 * multi-row statements. A batch behaves exactly as its messages received one by one.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import type { TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { allocationSubjects, setAllocationStatuses } from '../cases/allocation-service.js';
import { recordProcessing } from '../processing-log/processing-log-service.js';
import { providerIdentities } from '../registry/provider-service.js';
import { residentIdsByBsn } from '../registry/resident-service.js';
import { allocationsToldIn } from './allocation-outbox.js';
import {
  type CareStartMessage,
  type CareStopMessage,
  type ClaimMessage,
  type MessageHeader,
  signedCents,
} from './codec/provider-messages.js';
import { buildReturnMessage } from './codec/return-messages.js';
import { type AnswerDocument, answerDocument, newIdentification } from './ingest-answers.js';
import { IngestFacts } from './ingest-facts.js';
import {
  type FindingView,
  findingView,
  positionOf,
  type QuarantineReasonCode,
  type ReadMessage,
  type ReadRequest,
  type ReadReturn,
  type Refusal,
  readDocument,
  refusal,
  sha256Of,
} from './ingest-read.js';
import { applyRequests } from './ingest-requests.js';
import {
  allocationRequest,
  careReport,
  claim,
  claimedService,
  message,
  messageQuarantine,
} from './messaging-tables.js';
import { checkCareRules, checkClaimRules } from './rules/cross-message-rules.js';
import { checkMessageRules } from './rules/message-rules.js';
import { HEADER_PATH, type RuleFinding, returnCodesOf } from './rules/rule.js';
import { type MessageKind, type MessageType, messageKind } from './standard/message-kinds.js';
import { returnCodeMeaning } from './standard/return-codes.js';
import { addWorkingDays } from './working-days.js';
import { writeMessage } from './xml/write.js';

export type { FindingView, QuarantineReasonCode } from './ingest-read.js';
export { findingView, violationView } from './ingest-read.js';

/** The working days within which the standard wants an answer (iWmo/iJw process descriptions). */
export const ANSWER_TERMS_WORKING_DAYS = {
  returnMessage: 3,
  requestAnswer: 5,
  claimAnswer: 10,
} as const;

/** Rows per insert statement: far below PostgreSQL's 65,535 parameters at twenty columns. */
const ROWS_PER_STATEMENT = 1000;

export interface ReturnMessageView {
  id: string;
  name: string;
  identification: string;
  document: string;
}

export type MessageOutcomeStatus = 'accepted' | 'partly_rejected' | 'rejected';

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
      status: MessageOutcomeStatus;
      findings: FindingView[];
      returnMessage: ReturnMessageView | null;
    };

export interface ReceivedDocument {
  bytes: Uint8Array;
  fileName: string | null;
  channel: 'api' | 'portal' | 'import';
  /** The provider on whose behalf the document is sent. */
  providerId: string;
  /** When it was received; the batch's `now` when absent (an import replays history). */
  receivedAt?: Date;
}

export interface IngestOptions {
  /** Record element positions so findings carry line numbers (off in bulk loads). */
  positions?: boolean;
  now?: Date;
  /**
   * Judge the messages as if received, against what the municipality knows, but store nothing:
   * the provider's check before sending. Only the reading of personal data is logged.
   */
  dryRun?: boolean;
}

export async function receiveMessage(
  ctx: TenantContext,
  received: ReceivedDocument,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const [result] = await receiveMessages(ctx, [received], options);
  if (!result) throw new Error('no result for the message');
  return result;
}

/** What the batch will write, collected while its messages are applied in order. */
class BatchWrites {
  readonly quarantine: (typeof messageQuarantine.$inferInsert)[] = [];
  readonly inbound: (typeof message.$inferInsert)[] = [];
  readonly outbound: (typeof message.$inferInsert)[] = [];
  readonly reports: (typeof careReport.$inferInsert)[] = [];
  /** Report ids withdrawn, by the message that withdrew them. */
  readonly withdrawals = new Map<string, string[]>();
  readonly claims: (typeof claim.$inferInsert)[] = [];
  readonly services: (typeof claimedService.$inferInsert)[] = [];
  readonly requests: (typeof allocationRequest.$inferInsert)[] = [];

  /** 301s a return message answered: when, and with which codes. */
  readonly answeredAllocations: { id: string; answeredAt: Date; returnCodes: string[] }[] = [];

  async flush(
    ctx: TenantContext,
    facts: IngestFacts | undefined,
    returnSubjects: readonly { residentId: string; bsn: string }[],
  ): Promise<void> {
    await insertAll(ctx, messageQuarantine, this.quarantine);
    await insertAll(ctx, message, this.inbound);
    await insertAll(ctx, message, this.outbound);
    for (const answered of this.answeredAllocations) {
      await ctx.tx
        .update(message)
        .set({
          answeredAt: answered.answeredAt,
          returnCodes: answered.returnCodes,
          status: 'fetched',
          fetchedAt: sql`coalesce(${message.fetchedAt}, ${answered.answeredAt})`,
        })
        .where(eq(message.id, answered.id));
    }
    await insertAll(ctx, careReport, this.reports);
    for (const [messageId, ids] of this.withdrawals) {
      await ctx.tx.update(careReport).set({ withdrawnBy: messageId }).where(inArray(careReport.id, ids));
    }
    await insertAll(ctx, claim, this.claims);
    await insertAll(ctx, claimedService, this.services);
    await insertAll(ctx, allocationRequest, this.requests);
    if (facts) await setAllocationStatuses(ctx, facts.allocationStatus);
    // Every resident whose allocation a message named was processed, whether the message stood.
    await recordProcessing(ctx, 'message.receive', 'create', [...residentsOf(facts), ...returnSubjects]);
  }
}

async function insertAll<Row extends Record<string, unknown>>(
  ctx: TenantContext,
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's table type is generic over its columns; rows are typed by the caller's $inferInsert
  table: any,
  rows: readonly Row[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await ctx.tx.insert(table).values(rows.slice(i, i + ROWS_PER_STATEMENT));
  }
}

export async function receiveMessages(
  ctx: TenantContext,
  documents: readonly ReceivedDocument[],
  options: IngestOptions = {},
): Promise<IngestResult[]> {
  const now = options.now ?? new Date();
  const withPositions = options.positions ?? documents.length === 1;
  const writes = new BatchWrites();
  const results: (IngestResult | undefined)[] = new Array(documents.length);

  const quarantine = (index: number, refused: Refusal, sha256: string): IngestResult => {
    const received = documents[index] as ReceivedDocument;
    const id = randomUUID();
    writes.quarantine.push({
      municipalityCode: ctx.municipalityCode,
      id,
      providerId: received.providerId,
      accountId: ctx.actor.id,
      channel: received.channel,
      fileName: received.fileName,
      sizeBytes: received.bytes.byteLength,
      sha256,
      reasonCode: refused.reasonCode,
      reason: refused.reason,
      line: refused.at?.line ?? null,
      columnNumber: refused.at?.column ?? null,
      violations: refused.findings.map((f) => ({
        code: f.code,
        message: f.message,
        path: f.path,
        line: f.line ?? 0,
        column: f.column ?? 0,
      })),
      document: received.bytes,
      receivedAt: received.receivedAt ?? now,
    });
    const result: IngestResult = {
      outcome: 'quarantined',
      quarantineId: id,
      reasonCode: refused.reasonCode,
      reason: refused.reason,
      findings: refused.findings,
      returnMessage: null,
    };
    results[index] = result;
    return result;
  };

  // 1. Read every document, without the database.
  const providers = await providerIdentities(ctx, [...new Set(documents.map((d) => d.providerId))]);
  const readable: { index: number; read: AnyRead; sha256: string }[] = [];
  for (const [index, received] of documents.entries()) {
    const sha256 = sha256Of(received.bytes);
    const read = readDocument(received.bytes, withPositions);
    if (!read.ok) {
      quarantine(index, read, sha256);
      continue;
    }
    const provider = providers.get(received.providerId);
    if (!provider) throw new Error(`provider ${received.providerId} does not exist`);
    if (read.header.sender !== provider.agbCode) {
      quarantine(
        index,
        refusal(
          'WRONG_SENDER',
          read.decoded.type === '302'
            ? `Ontvanger ${read.header.sender} van de toewijzing is niet de AGB-code van ${provider.name} (${provider.agbCode}); een aanbieder kan alleen toewijzingen aan zichzelf retourneren.`
            : `Afzender ${read.header.sender} is niet de AGB-code van ${provider.name} (${provider.agbCode}); een aanbieder kan alleen eigen berichten indienen.`,
        ),
        sha256,
      );
      continue;
    }
    if (read.header.receiver !== ctx.municipalityCode) {
      quarantine(
        index,
        refusal(
          'WRONG_RECEIVER',
          `Ontvanger ${read.header.receiver} is niet deze gemeente (${ctx.municipalityCode}).`,
        ),
        sha256,
      );
      continue;
    }
    readable.push({ index, read, sha256 });
  }

  // 2. Messages seen before (TR056 key: sender, standard, type, identification).
  const keyOf = (r: AnyRead) =>
    `${r.header.sender}|${r.kind.standard}|${r.kind.type}|${r.header.identification}`;
  const earlier = await earlierMessages(
    ctx,
    readable.map((r) => r.read),
  );
  const seenInBatch = new Map<string, { index: number; sha256: string }>();
  const toApply: typeof readable = [];
  const replays: { index: number; of: number | string; kindName: string }[] = [];
  for (const item of readable) {
    const key = keyOf(item.read);
    const before = earlier.get(key) ?? seenInBatch.get(key);
    if (before === undefined) {
      seenInBatch.set(key, { index: item.index, sha256: item.sha256 });
      toApply.push(item);
      continue;
    }
    if (before.sha256 === item.sha256) {
      replays.push({
        index: item.index,
        of: 'id' in before ? before.id : before.index,
        kindName: item.read.kind.name,
      });
      continue;
    }
    // TR056: same identification, different content. Refused with 9056; the first one stands.
    const path =
      item.read.decoded.type === '302'
        ? 'Bericht/Header/IdentificatieRetour'
        : 'Bericht/Header/BerichtIdentificatie/Identificatie';
    const finding: FindingView = {
      code: 'TR056',
      returnCode: '9056',
      returnCodeMeaning: returnCodeMeaning('9056'),
      path,
      line: positionOf(item.read.positions, path)?.line ?? null,
      column: null,
      message: `Identificatie ${item.read.header.identification} is al gebruikt voor een ander ${item.read.kind.name}-bericht van deze afzender.`,
    };
    const result = quarantine(
      item.index,
      refusal('DUPLICATE_IDENTIFICATION', finding.message, [finding], finding),
      item.sha256,
    );
    // A return message is never answered, not even its refusal.
    const read = item.read;
    if (isReturn(read)) continue;
    // A request is refused as a whole; the first one with this identification stands.
    const answer = isRequest(read)
      ? wholeRefusal(read, todayInNetherlands(now), ['9056'])
      : answerDocument(
          read.message,
          read.decoded,
          { headerCodes: ['9056'], classCodes: new Map() },
          0,
          todayInNetherlands(now),
        );
    const answerId = storeAnswer(
      ctx,
      writes,
      answer,
      read,
      documents[item.index] as ReceivedDocument,
      null,
      ['9056'],
      now,
    );
    if (result.outcome === 'quarantined') {
      result.returnMessage = {
        id: answerId,
        name: answer.kind.name,
        identification: answer.identification,
        document: answer.document,
      };
    }
  }

  // 3. Apply the new messages in order, against facts loaded once for the batch. Return
  // messages on 301s only note the 301 they answer.
  const returns = toApply.flatMap((item) => (isReturn(item.read) ? [{ ...item, read: item.read }] : []));
  const requests = toApply.flatMap((item) => (isRequest(item.read) ? [{ ...item, read: item.read }] : []));
  const providerMessages = toApply.flatMap((item) =>
    isReturn(item.read) || isRequest(item.read) ? [] : [{ ...item, read: item.read as ReadMessage }],
  );
  const returnSubjects = await applyAllocationReturns(
    ctx,
    writes,
    returns,
    documents,
    results,
    quarantine,
    now,
  );
  const applied = await applyRequests(
    ctx,
    requests.map((item) => {
      const received = documents[item.index] as ReceivedDocument;
      return {
        read: item.read,
        sha256: item.sha256,
        providerId: received.providerId,
        bytes: received.bytes,
        receivedAt: received.receivedAt ?? now,
      };
    }),
    writes.requests,
  );
  for (const [i, done] of applied.entries()) {
    const item = requests[i];
    if (!item) continue;
    const received = documents[item.index] as ReceivedDocument;
    writes.inbound.push(done.inbound);
    const kind = messageKind(item.read.kind.standard, done.answer.type as MessageType);
    const answerId = storeAnswer(
      ctx,
      writes,
      { kind, identification: done.answer.identification, document: done.answer.document },
      item.read,
      received,
      done.messageId,
      done.answer.codes,
      received.receivedAt ?? now,
    );
    results[item.index] = {
      outcome: 'processed',
      messageId: done.messageId,
      messageName: item.read.kind.name,
      status: done.status,
      findings: done.findings,
      returnMessage: {
        id: answerId,
        name: kind.name,
        identification: done.answer.identification,
        document: done.answer.document,
      },
    };
  }
  const requestResidents = await residentIdsByBsn(
    ctx,
    applied.map((a) => a.bsn),
  );
  returnSubjects.push(...[...requestResidents].map(([bsn, residentId]) => ({ residentId, bsn })));
  const facts =
    providerMessages.length === 0
      ? undefined
      : await IngestFacts.load(
          ctx,
          providerMessages.map((item) => ({
            providerId: (documents[item.index] as ReceivedDocument).providerId,
            decoded: item.read.decoded,
          })),
        );
  for (const item of providerMessages) {
    if (!facts) break;
    results[item.index] = applyMessage(
      ctx,
      writes,
      facts,
      item.read,
      item.sha256,
      documents[item.index] as ReceivedDocument,
      now,
    );
  }

  // 4. Replays answer with what the first receipt answered.
  const storedReplays = await storedAnswers(
    ctx,
    replays.flatMap((r) => (typeof r.of === 'string' ? [r.of] : [])),
  );
  for (const replay of replays) {
    if (typeof replay.of === 'number') {
      const first = results[replay.of];
      if (!first) throw new Error('replay of a message that got no result');
      // A copy of a document refused while applied (a 302 without its 301) is refused the same way.
      results[replay.index] =
        first.outcome === 'quarantined' ? first : { ...first, outcome: 'already_processed', findings: [] };
      continue;
    }
    const stored = storedReplays.get(replay.of);
    if (!stored) throw new Error(`message ${replay.of} vanished`);
    results[replay.index] = {
      outcome: 'already_processed',
      messageId: replay.of,
      messageName: replay.kindName,
      status: stored.status,
      findings: [],
      returnMessage: stored.answer,
    };
  }

  if (options.dryRun) {
    await recordProcessing(ctx, 'message.view', 'read', [...residentsOf(facts), ...returnSubjects]);
  } else {
    await writes.flush(ctx, facts, returnSubjects);
  }
  return results.map((r, i) => {
    if (!r) throw new Error(`document ${i} got no result`);
    return r;
  });
}

function applyMessage(
  ctx: TenantContext,
  writes: BatchWrites,
  facts: IngestFacts,
  read: ReadMessage,
  sha256: string,
  received: ReceivedDocument,
  now: Date,
): IngestResult {
  const receivedAt = received.receivedAt ?? now;
  const today = todayInNetherlands(receivedAt);
  const { decoded, kind, header } = read;
  const standard = kind.standard;
  const withinMessage = checkMessageRules(decoded);
  let findings: RuleFinding[] = withinMessage;
  if (!withinMessage.some((f) => f.classPath === HEADER_PATH)) {
    findings = findings.concat(
      decoded.type === '323'
        ? checkClaimRules(
            decoded,
            facts.claimFacts(received.providerId, standard, decoded.claimNumber, today),
          )
        : checkCareRules(decoded, facts.careFacts(received.providerId, standard, today)),
    );
  }
  const { headerCodes, classCodes } = returnCodesOf(findings);
  const refused = headerCodes.length > 0;
  const linePaths =
    decoded.type === '323' ? decoded.services.map((x) => x.path) : decoded.lines.map((x) => x.path);
  const rejectedLines = linePaths.filter((path) => classCodes.has(path)).length;
  const status: MessageOutcomeStatus =
    refused || (linePaths.length > 0 && rejectedLines === linePaths.length)
      ? 'rejected'
      : classCodes.size > 0
        ? 'partly_rejected'
        : 'accepted';
  // What the list of messages shows: every return code the answer carries, the classes' too.
  const allCodes = unique([...headerCodes, ...[...classCodes.values()].flat()]);
  const messageId = randomUUID();
  const termDays =
    decoded.type === '323' ? ANSWER_TERMS_WORKING_DAYS.claimAnswer : ANSWER_TERMS_WORKING_DAYS.returnMessage;
  writes.inbound.push({
    municipalityCode: ctx.municipalityCode,
    id: messageId,
    direction: 'inbound',
    standard,
    messageType: kind.type,
    providerId: received.providerId,
    sender: header.sender,
    receiver: header.receiver,
    identification: header.identification,
    datedOn: header.datedOn,
    status,
    answerDueOn: addWorkingDays(today, termDays),
    answeredAt: receivedAt,
    returnCodes: allCodes,
    document: new TextDecoder().decode(received.bytes),
    sha256,
    receivedAt,
  });

  let awardedCents = 0;
  let claimId: string | undefined;
  if (!refused) {
    if (decoded.type === '323') {
      claimId = randomUUID();
      awardedCents = applyClaim(
        ctx,
        writes,
        facts,
        decoded,
        received.providerId,
        messageId,
        claimId,
        classCodes,
      );
    } else {
      applyCareReports(ctx, writes, facts, decoded, received.providerId, messageId, classCodes);
    }
  }

  const answer = answerDocument(read.message, decoded, { headerCodes, classCodes }, awardedCents, today);
  const answerId = storeAnswer(ctx, writes, answer, read, received, messageId, allCodes, receivedAt);
  if (claimId !== undefined) {
    const row = writes.claims.find((d) => d.id === claimId);
    if (row) row.answerMessageId = answerId;
  }
  return {
    outcome: 'processed',
    messageId,
    messageName: kind.name,
    status,
    findings: findings.map((f) => findingView(f, read.positions)),
    returnMessage: {
      id: answerId,
      name: answer.kind.name,
      identification: answer.identification,
      document: answer.document,
    },
  };
}

function applyCareReports(
  ctx: TenantContext,
  writes: BatchWrites,
  facts: IngestFacts,
  decoded: ({ type: '305' } & CareStartMessage) | ({ type: '307' } & CareStopMessage),
  providerId: string,
  messageId: string,
  classCodes: ReadonlyMap<string, readonly string[]>,
): void {
  const kind = decoded.type === '305' ? 'start' : 'stop';
  const allocations = facts.allocations(providerId, decoded.kind.standard);
  for (const line of decoded.lines) {
    if (classCodes.has(line.path) || line.allocationNumber === undefined) continue;
    const allocation = allocations.get(line.allocationNumber);
    if (!allocation) continue;
    if (line.status === '3') {
      // Withdrawal: the current report with the same key is marked, not deleted.
      const current = facts.currentReports(allocation.id, kind, line.startDate);
      if (current.length === 0) continue;
      const ids = current.map((r) => r.id);
      writes.withdrawals.set(messageId, [...(writes.withdrawals.get(messageId) ?? []), ...ids]);
      facts.withdrawReports(allocation.id, new Set(ids));
      const next =
        kind === 'start' ? 'allocated' : facts.hasCurrentStop(allocation.id) ? 'stopped' : 'started';
      facts.allocationStatus.set(allocation.id, next);
      continue;
    }
    const id = randomUUID();
    const endDate = 'endDate' in line ? (line as { endDate: string }).endDate : null;
    const reason = 'reason' in line ? (line as { reason: string }).reason : null;
    writes.reports.push({
      municipalityCode: ctx.municipalityCode,
      id,
      messageId,
      providerId,
      allocationId: allocation.id,
      kind,
      startDate: line.startDate,
      endDate,
      reason,
    });
    facts.addReport(allocation.id, {
      id,
      kind,
      allocationNumber: allocation.allocationNumber,
      startDate: line.startDate,
      endDate,
      reason,
    });
    facts.allocationStatus.set(allocation.id, kind === 'start' ? 'started' : 'stopped');
  }
}

function applyClaim(
  ctx: TenantContext,
  writes: BatchWrites,
  facts: IngestFacts,
  decoded: ClaimMessage,
  providerId: string,
  messageId: string,
  claimId: string,
  classCodes: ReadonlyMap<string, readonly string[]>,
): number {
  const standard = decoded.kind.standard;
  const allocations = facts.allocations(providerId, standard);
  let submitted = 0;
  let awarded = 0;
  let refusedCount = 0;
  for (const s of decoded.services) {
    const cents = signedCents(s.amountCents, s.debitCredit);
    const codes = classCodes.get(s.path);
    submitted += cents;
    if (codes) refusedCount += 1;
    else awarded += cents;
    writes.services.push({
      municipalityCode: ctx.municipalityCode,
      claimId,
      providerId,
      standard,
      allocationId: allocations.get(s.allocationNumber)?.id ?? null,
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
      submittedCents: cents,
      approved: codes === undefined,
      returnCodes: [...(codes ?? [])],
    });
  }
  const status =
    refusedCount === 0 ? 'awarded' : refusedCount === decoded.services.length ? 'rejected' : 'partly_awarded';
  writes.claims.push({
    municipalityCode: ctx.municipalityCode,
    id: claimId,
    messageId,
    providerId,
    standard,
    claimNumber: decoded.claimNumber,
    periodStart: decoded.periodStart,
    periodEnd: decoded.periodEnd,
    submittedCents: submitted,
    awardedCents: awarded,
    status,
  });
  facts.markClaimNumberUsed(providerId, standard, decoded.claimNumber);
  facts.addServices(
    providerId,
    standard,
    decoded.services.map((s) => ({
      referenceNumber: s.referenceNumber,
      previousReferenceNumber: s.previousReferenceNumber ?? null,
      debitCredit: s.debitCredit,
      approved: !classCodes.has(s.path),
      allocationNumber: s.allocationNumber,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      productCategory: s.productCategory,
      productCode: s.productCode,
      deliveredVolume: s.deliveredVolume,
    })),
  );
  return awarded;
}

function storeAnswer(
  ctx: TenantContext,
  writes: BatchWrites,
  answer: AnswerDocument,
  read: { kind: MessageKind; header: MessageHeader },
  received: ReceivedDocument,
  answersMessageId: string | null,
  returnCodes: readonly string[],
  at: Date,
): string {
  const id = randomUUID();
  writes.outbound.push({
    municipalityCode: ctx.municipalityCode,
    id,
    direction: 'outbound',
    standard: read.kind.standard,
    messageType: answer.kind.type,
    providerId: received.providerId,
    // The municipality sends the answer, whatever parties the document names.
    sender: read.header.receiver,
    receiver: read.header.sender,
    identification: answer.identification,
    datedOn: todayInNetherlands(at),
    status: 'ready',
    answersMessageId,
    returnCodes: [...returnCodes],
    document: answer.document,
    sha256: sha256Of(answer.document),
    receivedAt: at,
  });
  return id;
}

/**
 * Inbound messages already stored under the batch's TR056 keys, looked up key by key on the
 * identification index: a lookup by sender and identification lists alone would read every
 * inbound message of the batch's senders, a cost that grows with the table.
 */
async function earlierMessages(
  ctx: TenantContext,
  reads: readonly {
    kind: { standard: string; type: string };
    header: { identification: string; sender: string };
  }[],
): Promise<Map<string, { id: string; sha256: string }>> {
  if (reads.length === 0) return new Map();
  const keys = JSON.stringify(
    reads.map((r) => ({
      sender: r.header.sender,
      standard: r.kind.standard,
      message_type: r.kind.type,
      identification: r.header.identification,
    })),
  );
  const rows = await queryRows<{
    id: string;
    sha256: string;
    sender: string;
    standard: string;
    message_type: string;
    identification: string;
  }>(
    ctx.tx,
    sql`select m.id, m.sha256, m.sender, m.standard, m.message_type, m.identification
        from jsonb_to_recordset(${keys}::jsonb)
          as k(sender text, standard text, message_type text, identification text)
        join message m
          on m.municipality_code = ${ctx.municipalityCode} and m.direction = 'inbound'
          and m.sender = k.sender and m.standard = k.standard
          and m.message_type = k.message_type and m.identification = k.identification`,
  );
  return new Map(
    rows.map((r) => [
      `${r.sender}|${r.standard}|${r.message_type}|${r.identification}`,
      { id: r.id, sha256: r.sha256 },
    ]),
  );
}

async function storedAnswers(
  ctx: TenantContext,
  messageIds: readonly string[],
): Promise<Map<string, { status: MessageOutcomeStatus; answer: ReturnMessageView | null }>> {
  if (messageIds.length === 0) return new Map();
  const originals = await ctx.tx
    .select({ id: message.id, status: message.status, standard: message.standard })
    .from(message)
    .where(inArray(message.id, [...messageIds]));
  const answers = await ctx.tx
    .select({
      id: message.id,
      answers: message.answersMessageId,
      standard: message.standard,
      messageType: message.messageType,
      identification: message.identification,
      document: message.document,
    })
    .from(message)
    .where(
      and(
        eq(message.direction, 'outbound'),
        inArray(message.answersMessageId, [...messageIds]),
        // The return message or claim answer, not a later 319 answering a request.
        ne(message.messageType, '319'),
      ),
    );
  const answerOf = new Map(answers.map((a) => [a.answers, a]));
  return new Map(
    originals.map((o) => {
      const a = answerOf.get(o.id);
      return [
        o.id,
        {
          status: o.status as MessageOutcomeStatus,
          answer: a
            ? {
                id: a.id,
                name: `${a.standard === 'iwmo' ? 'WMO' : 'JW'}${a.messageType}`,
                identification: a.identification,
                document: a.document,
              }
            : null,
        },
      ];
    }),
  );
}

type AnyRead = ReadMessage | ReadReturn | ReadRequest;

/** A return message (316, 318) that refuses the whole message with these header codes. */
function wholeRefusal(read: ReadRequest, today: string, codes: readonly string[]): AnswerDocument {
  const identification = newIdentification();
  const built = buildReturnMessage({
    answered: read.kind,
    message: read.message,
    identification,
    datedOn: today,
    headerCodes: codes,
    classCodes: new Map(),
    refused: true,
  });
  return { kind: built.kind, identification, document: writeMessage(built.message, built.kind.schema) };
}

function isReturn(read: AnyRead): read is ReadReturn {
  return read.decoded.type === '302';
}

function isRequest(read: AnyRead): read is ReadRequest {
  return read.decoded.type === '315' || read.decoded.type === '317';
}

/**
 * Return messages on 301s (302): each is stored with its codes and notes the 301 it answers,
 * which must have gone to the same provider. Returns the residents concerned, for the log.
 */
async function applyAllocationReturns(
  ctx: TenantContext,
  writes: BatchWrites,
  items: readonly { index: number; read: ReadReturn; sha256: string }[],
  documents: readonly ReceivedDocument[],
  results: (IngestResult | undefined)[],
  quarantine: (index: number, refused: Refusal, sha256: string) => IngestResult,
  now: Date,
): Promise<{ residentId: string; bsn: string }[]> {
  if (items.length === 0) return [];
  const originals = await ctx.tx
    .select({
      id: message.id,
      providerId: message.providerId,
      standard: message.standard,
      identification: message.identification,
    })
    .from(message)
    .where(
      and(
        eq(message.direction, 'outbound'),
        eq(message.messageType, '301'),
        inArray(message.identification, [
          ...new Set(items.map((i) => i.read.decoded.original.identification)),
        ]),
      ),
    );
  const originalOf = new Map(
    originals.map((o) => [`${o.providerId}|${o.standard}|${o.identification}`, o.id]),
  );
  const answered: string[] = [];
  for (const item of items) {
    const received = documents[item.index] as ReceivedDocument;
    const { decoded, kind } = item.read;
    const originalId = originalOf.get(
      `${received.providerId}|${kind.standard}|${decoded.original.identification}`,
    );
    if (originalId === undefined) {
      quarantine(
        item.index,
        refusal(
          'NO_ORIGINAL',
          `Er is geen toewijzingsbericht (${kind.standard === 'iwmo' ? 'WMO' : 'JW'}301) met identificatie ${decoded.original.identification} aan deze aanbieder verstuurd.`,
        ),
        item.sha256,
      );
      continue;
    }
    const receivedAt = received.receivedAt ?? now;
    const returnCodes = unique(decoded.codes.map((c) => c.code));
    const id = randomUUID();
    writes.inbound.push({
      municipalityCode: ctx.municipalityCode,
      id,
      direction: 'inbound',
      standard: kind.standard,
      messageType: '302',
      providerId: received.providerId,
      sender: decoded.header.sender,
      receiver: decoded.header.receiver,
      identification: decoded.header.identification,
      datedOn: decoded.header.datedOn,
      status: 'accepted',
      answersMessageId: originalId,
      returnCodes,
      document: new TextDecoder().decode(received.bytes),
      sha256: item.sha256,
      receivedAt,
    });
    writes.answeredAllocations.push({ id: originalId, answeredAt: receivedAt, returnCodes });
    answered.push(originalId);
    results[item.index] = {
      outcome: 'processed',
      messageId: id,
      messageName: kind.name,
      status: 'accepted',
      findings: [],
      returnMessage: null,
    };
  }
  return allocationSubjects(ctx, await allocationsToldIn(ctx, answered));
}

function residentsOf(facts: IngestFacts | undefined): { residentId: string; bsn: string }[] {
  const residents = new Map(
    (facts?.loadedAllocations() ?? []).map((a) => [a.residentId, { residentId: a.residentId, bsn: a.bsn }]),
  );
  return [...residents.values()];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
