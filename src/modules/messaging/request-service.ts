/**
 * A provider's requests (315, 317) as the municipality works them: a list with the answer due
 * within five working days and what is overdue, and the answer itself, a 319 in the provider's
 * outbox: the request refused with its reason, or taken into assessment. A request granted is
 * answered with a 301: from a decision (315), or from the changes it asked for (317,
 * change-request-grant.ts).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { DomainError, notFound, validationFailed } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { recordProcessing } from '../processing-log/processing-log-service.js';
import { ownProviderOnly } from '../registry/provider-scope.js';
import { providerIdentities, providerNames } from '../registry/provider-service.js';
import { residentIdsByBsn } from '../registry/resident-service.js';
import { type RequestAnswer, writeRequestAnswer } from './codec/request-messages.js';
import { newIdentification } from './ingest-answers.js';
import { sha256Of } from './ingest-read.js';
import { allocationRequest, message, type RequestedSummary, type RequestStatus } from './messaging-tables.js';

/** RedenAfwijzingVerzoek (WJ759), the same in iWmo and iJw 3.2. */
export const REFUSAL_REASONS: Readonly<Record<string, string>> = {
  '1': 'Geen wijziging, maar nieuwe aanvraag',
  '2': 'Past niet binnen budget',
  '3': 'Geen contract',
  '4': 'Past niet binnen contract',
  '5': 'Andere gemeente',
  '6': 'Stapeling',
  '7': 'Zorginhoudelijke afkeur',
  '8': 'Woonplaatsbeginsel',
  '9': 'Leeftijdsgrens is bereikt',
};

export interface RequestSummary {
  id: string;
  messageId: string;
  providerId: string;
  providerName: string;
  standard: 'iwmo' | 'ijw';
  requestType: '315' | '317';
  reference: string;
  bsn: string;
  requested: RequestedSummary;
  receivedOn: string;
  answerDueOn: string;
  overdue: boolean;
  status: RequestStatus;
  refusalReason: string | null;
  answerMessageId: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
}

export interface RequestListQuery {
  status?: RequestStatus;
  /** Only open requests whose answer is overdue. */
  overdue?: boolean;
  providerId?: string;
  limit: number;
  offset: number;
}

/**
 * Open requests first, by the day their answer is due; the clients listed are logged (a
 * request names its client by BSN).
 */
export async function listRequests(
  ctx: TenantContext,
  query: RequestListQuery,
): Promise<{ items: RequestSummary[]; total: number; overdue: number }> {
  const today = todayInNetherlands();
  const scope: (SQL | undefined)[] = [ownProviderOnly(ctx, allocationRequest.providerId)];
  if (query.providerId) scope.push(eq(allocationRequest.providerId, query.providerId));
  const conditions = [...scope];
  if (query.status) conditions.push(eq(allocationRequest.status, query.status));
  if (query.overdue) {
    conditions.push(eq(allocationRequest.status, 'open'), lt(allocationRequest.answerDueOn, today));
  }
  const where = and(...conditions);
  const rows = await ctx.tx
    .select()
    .from(allocationRequest)
    .where(where)
    .orderBy(
      sql`${allocationRequest.answeredAt} asc nulls first`,
      asc(allocationRequest.answerDueOn),
      asc(allocationRequest.id),
    )
    .limit(query.limit)
    .offset(query.offset);
  const [counted] = await ctx.tx.select({ total: count() }).from(allocationRequest).where(where);
  const [late] = await ctx.tx
    .select({ total: count() })
    .from(allocationRequest)
    .where(and(...scope, eq(allocationRequest.status, 'open'), lt(allocationRequest.answerDueOn, today)));
  const names = await providerNames(ctx, [...new Set(rows.map((r) => r.providerId))]);
  const residents = await residentIdsByBsn(
    ctx,
    rows.map((r) => r.bsn),
  );
  await recordProcessing(
    ctx,
    'message.view',
    'read',
    [...residents].map(([bsn, residentId]) => ({ residentId, bsn })),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      messageId: r.messageId,
      providerId: r.providerId,
      providerName: names.get(r.providerId) ?? '',
      standard: r.standard,
      requestType: r.requestType,
      reference: r.reference,
      bsn: r.bsn,
      requested: r.requested,
      receivedOn: r.receivedOn,
      answerDueOn: r.answerDueOn,
      overdue: r.status === 'open' && r.answerDueOn < today,
      status: r.status,
      refusalReason: r.refusalReason,
      answerMessageId: r.answerMessageId,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      answeredBy: r.answeredBy,
    })),
    total: counted?.total ?? 0,
    overdue: late?.total ?? 0,
  };
}

export interface RequestAnswerInput {
  answer: 'refused' | 'in_assessment';
  refusalReason?: string | null | undefined;
}

/**
 * Answers a request with a 319 in the provider's outbox. A request may be taken into
 * assessment once, and refused while it is open or in assessment.
 */
export async function answerRequest(
  ctx: TenantContext,
  id: string,
  input: RequestAnswerInput,
  now = new Date(),
): Promise<{ requestId: string; status: RequestStatus; answerMessageId: string }> {
  const refusing = input.answer === 'refused';
  const reason = input.refusalReason ?? null;
  if (refusing && (reason === null || !Object.hasOwn(REFUSAL_REASONS, reason))) {
    throw validationFailed(
      'refusalReason',
      'Kies de reden van afwijzing (RedenAfwijzingVerzoek, 1 tot en met 9).',
    );
  }
  if (!refusing && reason !== null) {
    throw validationFailed(
      'refusalReason',
      'Een verzoek in onderzoek nemen gaat zonder reden van afwijzing.',
    );
  }
  const [row] = await ctx.tx.select().from(allocationRequest).where(eq(allocationRequest.id, id));
  if (!row) throw notFound('Het verzoek', 'id');
  if (row.status === 'refused' || row.status === 'granted' || (!refusing && row.status === 'in_assessment')) {
    throw new DomainError(
      'INVALID_STATE',
      409,
      row.status === 'refused'
        ? 'Dit verzoek is al afgewezen.'
        : row.status === 'granted'
          ? 'Dit verzoek is al toegekend met een toewijzing (301).'
          : 'Dit verzoek is al in onderzoek; de aanbieder heeft dat antwoord al.',
      'answer',
    );
  }
  const provider = (await providerIdentities(ctx, [row.providerId])).get(row.providerId);
  if (!provider) throw new Error(`provider ${row.providerId} vanished`);
  const today = todayInNetherlands(now);
  const identification = newIdentification();
  const answer: RequestAnswer = refusing ? '1' : '2';
  const document = writeRequestAnswer(
    {
      standard: row.standard,
      sender: ctx.municipalityCode,
      receiver: provider.agbCode,
      identification,
      datedOn: today,
    },
    { reference: row.reference, answer, refusalReason: reason },
  );
  const answerMessageId = randomUUID();
  await ctx.tx.insert(message).values({
    municipalityCode: ctx.municipalityCode,
    id: answerMessageId,
    direction: 'outbound',
    standard: row.standard,
    messageType: '319',
    providerId: row.providerId,
    sender: ctx.municipalityCode,
    receiver: provider.agbCode,
    identification,
    datedOn: today,
    status: 'ready',
    answersMessageId: row.messageId,
    document,
    sha256: sha256Of(document),
    receivedAt: now,
  });
  const status: RequestStatus = refusing ? 'refused' : 'in_assessment';
  // Only from the state read above: a second answer at the same time (or a grant by a 301)
  // finds it changed and gets a 409, so a provider never gets two contradicting answers.
  const updated = await ctx.tx
    .update(allocationRequest)
    .set({
      status,
      refusalReason: reason,
      answerMessageId,
      answeredAt: now,
      answeredBy: ctx.actor.name,
    })
    .where(and(eq(allocationRequest.id, id), eq(allocationRequest.status, row.status)))
    .returning({ id: allocationRequest.id });
  if (updated.length === 0) {
    throw new DomainError('INVALID_STATE', 409, 'Dit verzoek is intussen al beantwoord.', 'answer');
  }
  const residents = await residentIdsByBsn(ctx, [row.bsn]);
  await recordProcessing(
    ctx,
    'message.send',
    'create',
    [...residents].map(([bsn, residentId]) => ({ residentId, bsn })),
  );
  return { requestId: id, status, answerMessageId };
}

export interface PendingProductRequest {
  id: string;
  providerId: string;
  standard: 'iwmo' | 'ijw';
  bsn: string;
  reference: string;
  productCategory: string | undefined;
  productCode: string | undefined;
}

/**
 * Requests for an allocation (315) still waiting for it, of these providers and clients: a
 * decision that allocates the requested product answers them with its 301.
 */
export async function pendingProductRequests(
  ctx: TenantContext,
  providerIds: readonly string[],
  bsns: readonly string[],
): Promise<PendingProductRequest[]> {
  if (providerIds.length === 0 || bsns.length === 0) return [];
  const rows = await ctx.tx
    .select()
    .from(allocationRequest)
    .where(
      and(
        eq(allocationRequest.requestType, '315'),
        inArray(allocationRequest.status, ['open', 'in_assessment']),
        inArray(allocationRequest.providerId, [...new Set(providerIds)]),
        inArray(allocationRequest.bsn, [...new Set(bsns)]),
      ),
    )
    .orderBy(asc(allocationRequest.receivedOn), asc(allocationRequest.reference));
  return rows.map((r) => ({
    id: r.id,
    providerId: r.providerId,
    standard: r.standard,
    bsn: r.bsn,
    reference: r.reference,
    productCategory: r.requested.products[0]?.productCategory,
    productCode: r.requested.products[0]?.productCode,
  }));
}

/** The requests a 301 granted: answered by it. */
export async function grantRequests(
  ctx: TenantContext,
  grants: readonly { requestId: string; messageId: string }[],
  now: Date,
): Promise<void> {
  for (const grant of grants) {
    await ctx.tx
      .update(allocationRequest)
      .set({
        status: 'granted',
        answerMessageId: grant.messageId,
        answeredAt: now,
        answeredBy: ctx.actor.name,
      })
      // Not over an answer given meanwhile: the caller sees the request was not granted.
      .where(
        and(
          eq(allocationRequest.id, grant.requestId),
          inArray(allocationRequest.status, ['open', 'in_assessment']),
        ),
      );
  }
}

/** The clients of the requests these messages carry or answer: for the log when one is read. */
export async function requestSubjects(
  ctx: TenantContext,
  messageIds: readonly (string | null)[],
): Promise<{ residentId: string; bsn: string }[]> {
  const ids = messageIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return [];
  const rows = await ctx.tx
    .selectDistinct({ bsn: allocationRequest.bsn })
    .from(allocationRequest)
    .where(or(inArray(allocationRequest.messageId, ids), inArray(allocationRequest.answerMessageId, ids)));
  const residents = await residentIdsByBsn(
    ctx,
    rows.map((r) => r.bsn),
  );
  return [...residents].map(([bsn, residentId]) => ({ residentId, bsn }));
}
