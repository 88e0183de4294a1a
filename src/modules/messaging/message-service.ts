/**
 * Reading the message exchange: lists of messages and refused documents, and one message with
 * its document. A provider user sees only its own provider's messages; the municipal roles that
 * manage contracts and the registry see all.
 */
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { notFound, validationFailed } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import type { Role } from '../../shared/roles.js';
import {
  type AllocationListItem,
  type AllocationStatus,
  allocationSubjects,
  allocationsOfProvider,
} from '../cases/allocation-service.js';
import { recordProcessing } from '../processing-log/processing-log-service.js';
import { ownProviderOnly } from '../registry/provider-scope.js';
import { providerNames } from '../registry/provider-service.js';
import { findProvisions } from '../registry/provision-service.js';
import { allocationsToldIn } from './allocation-outbox.js';
import type { FindingView } from './ingest-service.js';
import { ANSWER_TERMS_WORKING_DAYS } from './ingest-service.js';
import { careReport, claim, claimedService, message, messageQuarantine } from './messaging-tables.js';
import { requestSubjects } from './request-service.js';
import type { MessageType } from './standard/message-kinds.js';
import { addWorkingDays } from './working-days.js';

export const MESSAGE_READERS: readonly Role[] = ['administrator', 'contract_manager', 'provider_user'];

export interface MessageSummary {
  id: string;
  direction: 'inbound' | 'outbound';
  standard: 'iwmo' | 'ijw';
  messageType: string;
  messageName: string;
  providerId: string;
  providerName: string;
  sender: string;
  receiver: string;
  identification: string;
  datedOn: string;
  status: string;
  returnCodes: string[];
  answersMessageId: string | null;
  answerDueOn: string | null;
  receivedAt: string;
  fetchedAt: string | null;
}

export interface MessageListQuery {
  direction?: 'inbound' | 'outbound';
  type?: MessageType;
  status?: 'accepted' | 'partly_rejected' | 'rejected' | 'ready' | 'fetched';
  providerId?: string;
  limit: number;
  offset: number;
}

const summaryColumns = {
  id: message.id,
  direction: message.direction,
  standard: message.standard,
  messageType: message.messageType,
  providerId: message.providerId,
  sender: message.sender,
  receiver: message.receiver,
  identification: message.identification,
  datedOn: message.datedOn,
  status: message.status,
  returnCodes: message.returnCodes,
  answersMessageId: message.answersMessageId,
  answerDueOn: message.answerDueOn,
  receivedAt: message.receivedAt,
  fetchedAt: message.fetchedAt,
};

type SummaryRow = Omit<MessageSummary, 'messageName' | 'providerName' | 'receivedAt' | 'fetchedAt'> & {
  receivedAt: Date;
  fetchedAt: Date | null;
};

async function summaries(ctx: TenantContext, rows: readonly SummaryRow[]): Promise<MessageSummary[]> {
  const names = await providerNames(ctx, [...new Set(rows.map((r) => r.providerId))]);
  return rows.map((r) => ({
    ...r,
    messageName: `${r.standard === 'iwmo' ? 'WMO' : 'JW'}${r.messageType}`,
    providerName: names.get(r.providerId) ?? '',
    receivedAt: r.receivedAt.toISOString(),
    fetchedAt: r.fetchedAt?.toISOString() ?? null,
  }));
}

/** Message lists carry no document and no personal data, so they are not logged. */
export async function listMessages(
  ctx: TenantContext,
  query: MessageListQuery,
): Promise<{ items: MessageSummary[]; total: number }> {
  const conditions: (SQL | undefined)[] = [ownProviderOnly(ctx, message.providerId)];
  if (query.direction) conditions.push(eq(message.direction, query.direction));
  if (query.type) conditions.push(eq(message.messageType, query.type));
  if (query.status) conditions.push(eq(message.status, query.status));
  if (query.providerId) conditions.push(eq(message.providerId, query.providerId));
  const where = and(...conditions);
  const rows = await ctx.tx
    .select(summaryColumns)
    .from(message)
    .where(where)
    .orderBy(desc(message.receivedAt), desc(message.id))
    .limit(query.limit)
    .offset(query.offset);
  const [counted] = await ctx.tx.select({ total: count() }).from(message).where(where);
  return { items: await summaries(ctx, rows), total: counted?.total ?? 0 };
}

/**
 * One message with its document. The document names residents, so the view is logged for the
 * residents whose allocations the message concerns. A provider fetching an answer of the
 * municipality marks it fetched.
 */
export async function getMessage(
  ctx: TenantContext,
  id: string,
): Promise<MessageSummary & { document: string; answers: MessageSummary[] }> {
  const [row] = await ctx.tx
    .select({ ...summaryColumns, document: message.document })
    .from(message)
    .where(and(eq(message.id, id), ownProviderOnly(ctx, message.providerId)));
  if (!row) throw notFound('Het bericht', 'id');
  const answerRows = await ctx.tx
    .select(summaryColumns)
    .from(message)
    .where(eq(message.answersMessageId, id))
    .orderBy(desc(message.receivedAt));
  if (ctx.actor.role === 'provider_user' && row.direction === 'outbound' && row.status === 'ready') {
    const fetched = await markFetched(ctx, [{ id, messageType: row.messageType }], new Date());
    row.status = 'fetched';
    row.fetchedAt = fetched.fetchedAt;
    row.answerDueOn = fetched.answerDueOn.get(id) ?? row.answerDueOn;
  }
  const concerned = await allocationsConcerned(ctx, [id, row.answersMessageId]);
  // A request (315, 317), its return message or its answer names its client by BSN.
  const requested = await requestSubjects(ctx, [id, row.answersMessageId]);
  await recordProcessing(ctx, 'message.view', 'read', [
    ...(await allocationSubjects(ctx, concerned)),
    ...requested,
  ]);
  const [summary] = await summaries(ctx, [row]);
  if (!summary) throw new Error('summary lost');
  return { ...summary, document: row.document, answers: await summaries(ctx, answerRows) };
}

/**
 * A provider takes outbound messages: they are fetched from now on, and a 301 must be returned
 * (302) within the standard's term for return messages.
 */
export async function markFetched(
  ctx: TenantContext,
  messages: readonly { id: string; messageType: string }[],
  fetchedAt: Date,
): Promise<{ fetchedAt: Date; answerDueOn: Map<string, string> }> {
  const answerDueOn = new Map<string, string>();
  const returnDue = addWorkingDays(todayInNetherlands(fetchedAt), ANSWER_TERMS_WORKING_DAYS.returnMessage);
  const allocations = messages.filter((m) => m.messageType === '301').map((m) => m.id);
  const others = messages.filter((m) => m.messageType !== '301').map((m) => m.id);
  if (allocations.length > 0) {
    await ctx.tx
      .update(message)
      .set({ status: 'fetched', fetchedAt, answerDueOn: returnDue })
      .where(and(inArray(message.id, allocations), eq(message.status, 'ready')));
    for (const id of allocations) answerDueOn.set(id, returnDue);
  }
  if (others.length > 0) {
    await ctx.tx
      .update(message)
      .set({ status: 'fetched', fetchedAt })
      .where(and(inArray(message.id, others), eq(message.status, 'ready')));
  }
  return { fetchedAt, answerDueOn };
}

/**
 * The allocations these messages concern: reported on, declared against, or told in a 301 (a
 * 302 concerns the allocations of the 301 it answers, an answer those of the message it answers).
 */
async function allocationsConcerned(ctx: TenantContext, ids: readonly (string | null)[]): Promise<string[]> {
  const messageIds = ids.filter((id): id is string => id !== null);
  if (messageIds.length === 0) return [];
  const reports = await ctx.tx
    .select({ id: careReport.allocationId })
    .from(careReport)
    .where(inArray(careReport.messageId, messageIds));
  const services = await ctx.tx
    .select({ id: claimedService.allocationId })
    .from(claimedService)
    .innerJoin(
      claim,
      and(eq(claim.municipalityCode, claimedService.municipalityCode), eq(claim.id, claimedService.claimId)),
    )
    .where(inArray(claim.messageId, messageIds));
  const told = await allocationsToldIn(ctx, messageIds);
  return [...new Set([...[...reports, ...services].flatMap((r) => (r.id ? [r.id] : [])), ...told])];
}

export interface QuarantineItem {
  id: string;
  providerId: string | null;
  providerName: string | null;
  channel: string;
  fileName: string | null;
  sizeBytes: number;
  sha256: string;
  reasonCode: string;
  reason: string;
  line: number | null;
  receivedAt: string;
  findings: FindingView[];
}

/** Refused documents, newest first; their bytes stay in the database for inspection. */
export async function listQuarantine(
  ctx: TenantContext,
  query: { limit: number; offset: number },
): Promise<{ items: QuarantineItem[]; total: number }> {
  const where = ownProviderOnly(ctx, messageQuarantine.providerId);
  const rows = await ctx.tx
    .select({
      id: messageQuarantine.id,
      providerId: messageQuarantine.providerId,
      channel: messageQuarantine.channel,
      fileName: messageQuarantine.fileName,
      sizeBytes: messageQuarantine.sizeBytes,
      sha256: messageQuarantine.sha256,
      reasonCode: messageQuarantine.reasonCode,
      reason: messageQuarantine.reason,
      line: messageQuarantine.line,
      receivedAt: messageQuarantine.receivedAt,
      violations: messageQuarantine.violations,
    })
    .from(messageQuarantine)
    .where(where)
    .orderBy(desc(messageQuarantine.receivedAt), desc(messageQuarantine.id))
    .limit(query.limit)
    .offset(query.offset);
  const [counted] = await ctx.tx.select({ total: count() }).from(messageQuarantine).where(where);
  const names = await providerNames(ctx, [
    ...new Set(rows.flatMap((r) => (r.providerId ? [r.providerId] : []))),
  ]);
  return {
    items: rows.map(({ violations, ...r }) => ({
      ...r,
      providerName: r.providerId ? (names.get(r.providerId) ?? null) : null,
      receivedAt: r.receivedAt.toISOString(),
      findings: violations.map((v) => ({ ...v, returnCode: null, returnCodeMeaning: null })),
    })),
    total: counted?.total ?? 0,
  };
}

/**
 * A provider's allocations for the portal: a provider user sees its own, the municipal roles
 * name the provider. Every listed resident is written to the processing log.
 */
export async function providerAllocationPage(
  ctx: TenantContext,
  query: { providerId?: string; status?: AllocationStatus; limit: number; offset: number },
): Promise<{
  items: (AllocationListItem & {
    provisionName: string;
    productCategory: string | null;
    productCode: string | null;
  })[];
  total: number;
}> {
  const providerId = ctx.actor.role === 'provider_user' ? ctx.actor.providerId : query.providerId;
  if (!providerId)
    throw validationFailed('providerId', 'Kies de aanbieder waarvan u de toewijzingen wilt zien.');
  const page = await allocationsOfProvider(ctx, providerId, query);
  const provisions = new Map(
    (await findProvisions(ctx, [...new Set(page.items.map((i) => i.provisionId))])).map((p) => [p.id, p]),
  );
  await recordProcessing(
    ctx,
    'message.view',
    'read',
    page.items.map((i) => ({ residentId: i.residentId, bsn: i.bsn })),
  );
  return {
    total: page.total,
    items: page.items.map((i) => ({
      ...i,
      provisionName: provisions.get(i.provisionId)?.name ?? '',
      productCategory: provisions.get(i.provisionId)?.productCategory ?? null,
      productCode: provisions.get(i.provisionId)?.productCode ?? null,
    })),
  };
}

export interface ClaimSummary {
  id: string;
  messageId: string;
  answerMessageId: string | null;
  providerId: string;
  providerName: string;
  standard: 'iwmo' | 'ijw';
  claimNumber: string;
  periodStart: string;
  periodEnd: string;
  submittedCents: number;
  awardedCents: number;
  status: 'awarded' | 'partly_awarded' | 'rejected';
  services: number;
  rejectedServices: number;
}

/**
 * Claims (claims) with what was asked and what was awarded, newest period first: the
 * provider's own, or for the municipality all or one provider's. Amounts and counts only, no
 * personal data, so not logged.
 */
export async function listClaims(
  ctx: TenantContext,
  query: { providerId?: string; status?: ClaimSummary['status']; limit: number; offset: number },
): Promise<{ items: ClaimSummary[]; total: number }> {
  const where = and(
    ownProviderOnly(ctx, claim.providerId),
    query.providerId ? eq(claim.providerId, query.providerId) : undefined,
    query.status ? eq(claim.status, query.status) : undefined,
  );
  const serviceCounts = ctx.tx
    .select({
      claimId: claimedService.claimId,
      services: sql<number>`count(*)::int`.as('services'),
      rejected: sql<number>`(count(*) filter (where not ${claimedService.approved}))::int`.as('rejected'),
    })
    .from(claimedService)
    .groupBy(claimedService.claimId)
    .as('service_counts');
  const rows = await ctx.tx
    .select({
      id: claim.id,
      messageId: claim.messageId,
      answerMessageId: claim.answerMessageId,
      providerId: claim.providerId,
      standard: claim.standard,
      claimNumber: claim.claimNumber,
      periodStart: claim.periodStart,
      periodEnd: claim.periodEnd,
      submittedCents: claim.submittedCents,
      awardedCents: claim.awardedCents,
      status: claim.status,
      services: sql<number>`coalesce(${serviceCounts.services}, 0)`.mapWith(Number),
      rejectedServices: sql<number>`coalesce(${serviceCounts.rejected}, 0)`.mapWith(Number),
    })
    .from(claim)
    .leftJoin(serviceCounts, eq(serviceCounts.claimId, claim.id))
    .where(where)
    .orderBy(desc(claim.periodStart), asc(claim.claimNumber))
    .limit(query.limit)
    .offset(query.offset);
  const [counted] = await ctx.tx.select({ total: count() }).from(claim).where(where);
  const names = await providerNames(ctx, [...new Set(rows.map((r) => r.providerId))]);
  return {
    items: rows.map((r) => ({ ...r, providerName: names.get(r.providerId) ?? '' })),
    total: counted?.total ?? 0,
  };
}
