/**
 * Receiving a provider's requests (315, 317): judged by the rules within the message and across
 * messages, answered at once with the return message (316, 318), and registered with the five
 * working days the municipality has to answer them (319 or 301). Facts are loaded once per
 * batch per provider and law and kept current, so a batch behaves as its messages one by one.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { providerAllocations } from '../cases/allocation-service.js';
import { allocationIdsToldTo } from './allocation-outbox.js';
import type { RequestMessage } from './codec/request-messages.js';
import { buildReturnMessage } from './codec/return-messages.js';
import { newIdentification } from './ingest-answers.js';
import { findingView, type ReadRequest } from './ingest-read.js';
import { allocationRequest, type message, type RequestedSummary } from './messaging-tables.js';
import { checkRequestMessageRules, checkRequestRules, type RequestFacts } from './rules/request-rules.js';
import { type RuleFinding, returnCodesOf } from './rules/rule.js';
import type { Standard } from './standard/model.js';
import { addWorkingDays } from './working-days.js';
import { writeMessage } from './xml/write.js';

export const REQUEST_ANSWER_WORKING_DAYS = 5;

const LAW_OF_STANDARD = { iwmo: 'wmo', ijw: 'youth' } as const satisfies Record<Standard, string>;

export interface RequestItem {
  read: ReadRequest;
  sha256: string;
  providerId: string;
  bytes: Uint8Array;
  receivedAt: Date;
}

export interface AppliedRequest {
  messageId: string;
  status: 'accepted' | 'partly_rejected' | 'rejected';
  findings: ReturnType<typeof findingView>[];
  inbound: typeof message.$inferInsert;
  answer: { identification: string; name: string; type: string; document: string; codes: string[] };
  /** The BSN of the client, for the processing log. */
  bsn: string;
}

class ProviderRequestFacts implements RequestFacts {
  constructor(
    private readonly references: Set<string>,
    private readonly pending: Set<string>,
    private readonly told: Map<string, { allocationNumber: number; endDate: string | null }[]>,
  ) {}
  referenceUsed(reference: string): boolean {
    return this.references.has(reference);
  }
  requestPending(bsn: string): boolean {
    return this.pending.has(bsn);
  }
  currentAllocations(bsn: string, today: string): ReadonlySet<number> {
    return new Set(
      (this.told.get(bsn) ?? [])
        .filter((a) => a.endDate === null || a.endDate >= today)
        .map((a) => a.allocationNumber),
    );
  }
  register(bsn: string, references: readonly string[]): void {
    for (const r of references) this.references.add(r);
    this.pending.add(bsn);
  }
}

async function loadFacts(
  ctx: TenantContext,
  providerId: string,
  standard: Standard,
): Promise<ProviderRequestFacts> {
  const rows = await ctx.tx
    .select({
      reference: allocationRequest.reference,
      bsn: allocationRequest.bsn,
      status: allocationRequest.status,
    })
    .from(allocationRequest)
    .where(and(eq(allocationRequest.providerId, providerId), eq(allocationRequest.standard, standard)));
  // Only what the provider was told: an allocation held or not yet sent cannot be named.
  const toldIds = await allocationIdsToldTo(ctx, providerId);
  const told = new Map<string, { allocationNumber: number; endDate: string | null }[]>();
  for (const a of await providerAllocations(ctx, providerId, LAW_OF_STANDARD[standard])) {
    if (!toldIds.has(a.id)) continue;
    told.set(a.bsn, [
      ...(told.get(a.bsn) ?? []),
      { allocationNumber: a.allocationNumber, endDate: a.endDate },
    ]);
  }
  return new ProviderRequestFacts(
    new Set(rows.map((r) => r.reference)),
    new Set(rows.filter((r) => r.status === 'open' || r.status === 'in_assessment').map((r) => r.bsn)),
    told,
  );
}

/**
 * Judges and registers the requests in order. Rows go into `requests`; the inbound message and
 * its return message are handed back for the caller's batch.
 */
export async function applyRequests(
  ctx: TenantContext,
  items: readonly RequestItem[],
  requests: (typeof allocationRequest.$inferInsert)[],
): Promise<AppliedRequest[]> {
  const factsOf = new Map<string, ProviderRequestFacts>();
  const applied: AppliedRequest[] = [];
  for (const item of items) {
    const { decoded, kind, header } = item.read;
    const today = todayInNetherlands(item.receivedAt);
    const key = `${item.providerId}|${kind.standard}`;
    let facts = factsOf.get(key);
    if (!facts) {
      facts = await loadFacts(ctx, item.providerId, kind.standard);
      factsOf.set(key, facts);
    }
    const within = checkRequestMessageRules(decoded);
    const findings: RuleFinding[] = within.length > 0 ? within : checkRequestRules(decoded, facts, today);
    const { headerCodes, classCodes } = returnCodesOf(findings);
    const classes = requestClasses(decoded);
    // A class is refused with any code on it or on a class within it (a 317's products).
    const refusedClass = (path: string) =>
      [...classCodes.keys()].some((k) => k === path || k.startsWith(`${path}/`));
    const accepted = headerCodes.length > 0 ? [] : classes.filter((c) => !refusedClass(c.path));
    const status =
      accepted.length === classes.length
        ? 'accepted'
        : accepted.length === 0
          ? 'rejected'
          : 'partly_rejected';
    const messageId = randomUUID();
    const dueOn = addWorkingDays(today, REQUEST_ANSWER_WORKING_DAYS);
    for (const c of accepted) {
      requests.push({
        municipalityCode: ctx.municipalityCode,
        messageId,
        providerId: item.providerId,
        standard: kind.standard,
        requestType: decoded.type,
        reference: c.reference,
        bsn: decoded.client.bsn,
        requested: c.requested,
        receivedOn: today,
        answerDueOn: dueOn,
        status: 'open',
      });
    }
    if (accepted.length > 0)
      facts.register(
        decoded.client.bsn,
        accepted.map((c) => c.reference),
      );
    const identification = newIdentification();
    const built = buildReturnMessage({
      answered: kind,
      message: item.read.message,
      identification,
      datedOn: today,
      headerCodes,
      classCodes,
      refused: headerCodes.length > 0,
    });
    const document = writeMessage(built.message, built.kind.schema);
    const codes = [...new Set([...headerCodes, ...[...classCodes.values()].flat()])];
    applied.push({
      messageId,
      status,
      findings: findings.map((f) => findingView(f, item.read.positions)),
      bsn: decoded.client.bsn,
      inbound: {
        municipalityCode: ctx.municipalityCode,
        id: messageId,
        direction: 'inbound',
        standard: kind.standard,
        messageType: kind.type,
        providerId: item.providerId,
        sender: header.sender,
        receiver: header.receiver,
        identification: header.identification,
        datedOn: header.datedOn,
        status,
        // The return message goes at once; the answer to the request itself is tracked per
        // request (allocation_request.answer_due_on).
        answerDueOn: addWorkingDays(today, 3),
        answeredAt: item.receivedAt,
        returnCodes: codes,
        document: new TextDecoder().decode(item.bytes),
        sha256: item.sha256,
        receivedAt: item.receivedAt,
      },
      answer: { identification, name: built.kind.name, type: built.kind.type, document, codes },
    });
  }
  return applied;
}

/** The berichtklassen a request is answered per: each requested product, or the whole change. */
function requestClasses(
  decoded: RequestMessage,
): { path: string; reference: string; requested: RequestedSummary }[] {
  if (decoded.type === '315') {
    return decoded.products.map((p) => ({
      path: p.path,
      reference: p.reference,
      requested: {
        products: [
          {
            kind: 'new',
            ...(p.productCategory ? { productCategory: p.productCategory } : {}),
            ...(p.productCode ? { productCode: p.productCode } : {}),
            startDate: p.startDate,
            ...(p.endDate ? { endDate: p.endDate } : {}),
            ...(p.size ?? {}),
          },
        ],
      },
    }));
  }
  return [
    {
      path: decoded.path,
      reference: decoded.reference,
      requested: {
        reason: decoded.reason,
        products: [
          ...decoded.unchanged.map((p) => ({
            kind: 'unchanged' as const,
            allocationNumber: p.allocationNumber,
          })),
          ...decoded.changed.map((p) => ({
            kind: 'changed' as const,
            allocationNumber: p.allocationNumber,
            startDate: p.startDate,
            ...(p.endDate ? { endDate: p.endDate } : {}),
            ...(p.size ?? {}),
          })),
          ...decoded.added.map((p) => ({
            kind: 'new' as const,
            ...(p.productCategory ? { productCategory: p.productCategory } : {}),
            ...(p.productCode ? { productCode: p.productCode } : {}),
            startDate: p.startDate,
            ...(p.endDate ? { endDate: p.endDate } : {}),
            ...(p.size ?? {}),
          })),
        ],
      },
    },
  ];
}
