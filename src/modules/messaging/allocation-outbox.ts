/**
 * The outbox of allocation messages (301). A decision's allocations are composed into 301s per
 * client, provider and law, checked against the schema and the 301 rules, and stored as
 * outbound messages with status "ready" until the provider fetches them.
 *
 * Following the standard's process description, a 301 holds every allocation of the client at
 * that provider that is valid on or after the day the message is made, plus every allocation
 * that changed since the previous 301. Which version of each allocation a 301 told is kept in
 * allocation_message, so composing again sends only what is new or changed.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import {
  allocationsOfCases,
  allocationsOfResidentsAt,
  type ProviderAllocation,
} from '../cases/allocation-service.js';
import { recordProcessing } from '../processing-log/processing-log-service.js';
import { providerIdentities } from '../registry/provider-service.js';
import { type ResidentIdentity, residentIdentities } from '../registry/resident-service.js';
import {
  type AllocatedProduct,
  type AllocationClient,
  allocationMessageObject,
  decodeAllocationMessage,
  STANDARD_OF_ALLOCATION_LAW,
} from './codec/allocation-message.js';
import { newIdentification } from './ingest-answers.js';
import { sha256Of } from './ingest-read.js';
import { allocationMessage, message } from './messaging-tables.js';
import { grantRequests, type PendingProductRequest, pendingProductRequests } from './request-service.js';
import { checkAllocationMessageRules } from './rules/allocation-message-rules.js';
import { messageKind } from './standard/message-kinds.js';
import { InvalidMessageError, writeMessage } from './xml/write.js';

/** RedenWijziging 05 (WMO002/JZ002): reassessment, the allocation is shortened or reduced. */
const SHORTENED = '05';
/** RedenWijziging 12: the change follows the provider's request for a change (IV093). */
const BY_PROVIDER = '12';
const NO_END = '9999-12-31';

export interface ComposedMessage {
  id: string;
  providerId: string;
  residentId: string;
  identification: string;
  allocationNumbers: number[];
}

/** An allocation that could not be told: the reason is for the case worker, in Dutch. */
export interface HeldAllocation {
  allocationId: string;
  allocationNumber: number;
  residentId: string;
  reason: string;
}

export interface ComposeResult {
  messages: ComposedMessage[];
  held: HeldAllocation[];
}

/**
 * A request for a change (317) the municipality grants: the 301 to its provider for its client
 * answers it, with its ReferentieAanbieder in every product (TR379).
 */
export interface ChangeGrant {
  requestId: string;
  providerId: string;
  standard: 'iwmo' | 'ijw';
  bsn: string;
  reference: string;
}

interface ToldVersion {
  allocatedOn: string;
  allocatedAt: string;
  endDate: string | null;
  volume: number;
  unit: string;
  frequency: string;
}

/** An allocation_message row with the 301 it belongs to. */
const TOLD_IN_MESSAGE = and(
  eq(message.municipalityCode, allocationMessage.municipalityCode),
  eq(message.id, allocationMessage.messageId),
);

const DUTCH_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * Composes the 301s that are due for these cases (all cases when absent) and puts them in the
 * outbox, in the caller's transaction. Allocations of a resident whose BRP name or address is
 * missing are held, with the reason, and composed once the registry has them.
 */
export async function composeAllocationMessages(
  ctx: TenantContext,
  options: { caseIds?: readonly string[]; now?: Date; changeGrant?: ChangeGrant } = {},
): Promise<ComposeResult> {
  const now = options.now ?? new Date();
  // One composer per municipality at a time: a sending round next to a decision would otherwise
  // both find the same allocation untold and send it twice. Released with the transaction.
  await ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`allocation-outbox:${ctx.municipalityCode}`}))`,
  );
  const today = todayInNetherlands(now);
  const time = DUTCH_TIME.format(now);
  // Participatiewet provisions are not exchanged through iWmo or iJw.
  const candidates = (await allocationsOfCases(ctx, options.caseIds)).filter(exchangedLaw);
  const told = await lastToldVersions(
    ctx,
    candidates.map((a) => a.id),
  );
  const due = candidates.filter((a) => changedSince(a, told.get(a.id)));
  if (due.length === 0) return { messages: [], held: [] };

  const groups = new Map<string, ProviderAllocation[]>();
  for (const a of due) {
    const key = `${a.providerId}|${a.residentId}|${a.law}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const providerIds = [...new Set(due.map((a) => a.providerId))];
  const providers = await providerIdentities(ctx, providerIds);
  const identities = await residentIdentities(ctx, [...new Set(due.map((a) => a.residentId))]);
  // The full set: every allocation of these residents at each provider, not only the due ones.
  const fullSets = new Map<string, ProviderAllocation[]>();
  for (const providerId of providerIds) {
    const residents = due.filter((a) => a.providerId === providerId).map((a) => a.residentId);
    for (const a of await allocationsOfResidentsAt(ctx, providerId, residents)) {
      const key = `${a.providerId}|${a.residentId}|${a.law}`;
      fullSets.set(key, [...(fullSets.get(key) ?? []), a]);
    }
  }
  const repeated = await lastToldVersions(
    ctx,
    [...fullSets.values()].flat().map((a) => a.id),
  );
  // A provider's pending request for the product is answered by the 301 that allocates it.
  const requests = await pendingProductRequests(
    ctx,
    providerIds,
    [...identities.values()].map((i) => i.bsn),
  );
  const grants: { requestId: string; messageId: string }[] = [];

  const result: ComposeResult = { messages: [], held: [] };
  const messageRows: (typeof message.$inferInsert)[] = [];
  const versionRows: (typeof allocationMessage.$inferInsert)[] = [];
  const subjects: { residentId: string; bsn: string }[] = [];
  for (const [key, dueHere] of groups) {
    const first = dueHere[0];
    if (!first) continue;
    const provider = providers.get(first.providerId);
    if (!provider) throw new Error(`provider ${first.providerId} vanished`);
    const identity = identities.get(first.residentId);
    const client = identity ? allocationClient(identity) : 'De inwoner bestaat niet meer.';
    if (typeof client === 'string') {
      result.held.push(
        ...dueHere.map((a) => ({
          allocationId: a.id,
          allocationNumber: a.allocationNumber,
          residentId: a.residentId,
          reason: client,
        })),
      );
      continue;
    }
    const dueIds = new Set(dueHere.map((a) => a.id));
    const included = (fullSets.get(key) ?? [])
      .filter((a) => dueIds.has(a.id) || (a.endDate ?? NO_END) >= today)
      .sort((a, b) => a.allocationNumber - b.allocationNumber);
    const granting: PendingProductRequest[] = [];
    const standard = first.law === 'youth' ? 'ijw' : 'iwmo';
    const changeGrant =
      options.changeGrant?.providerId === first.providerId &&
      options.changeGrant.bsn === client.bsn &&
      options.changeGrant.standard === standard
        ? options.changeGrant
        : undefined;
    const products: AllocatedProduct[] = included.map((a) => {
      const previous = repeated.get(a.id);
      const isNew = dueIds.has(a.id);
      const request = previous || changeGrant ? undefined : takeRequest(requests, a, standard, client.bsn);
      if (request) granting.push(request);
      return {
        allocationNumber: a.allocationNumber,
        providerReference: changeGrant?.reference ?? request?.reference ?? null,
        productCategory: a.productCategory,
        productCode: a.productCode,
        allocatedOn: isNew || !previous ? today : previous.allocatedOn,
        allocatedAt: isNew || !previous ? time : previous.allocatedAt,
        startDate: a.startDate,
        endDate: a.endDate,
        changeReason: changeReasonOf(a, isNew ? previous : undefined, changeGrant !== undefined),
        volume: a.volume,
        unit: a.unit,
        frequency: a.frequency,
      };
    });
    if (!exchangedLaw(first)) continue;
    const kind = messageKind(STANDARD_OF_ALLOCATION_LAW[first.law], '301');
    const identification = newIdentification();
    const object = allocationMessageObject(
      {
        standard: kind.standard,
        sender: ctx.municipalityCode,
        receiver: provider.agbCode,
        identification,
        datedOn: today,
      },
      client,
      products,
    );
    const broken = checkAllocationMessageRules(decodeAllocationMessage(kind, object));
    if (broken.length > 0) {
      requests.push(...granting);
      const reason = broken.map((f) => `${f.rule.code}: ${f.message}`).join(' ');
      result.held.push(
        ...dueHere.map((a) => ({
          allocationId: a.id,
          allocationNumber: a.allocationNumber,
          residentId: a.residentId,
          reason,
        })),
      );
      continue;
    }
    let document: string;
    try {
      document = writeMessage(object, kind.schema);
    } catch (error) {
      // Registry data the XSD refuses holds this client's allocations, not the whole round.
      if (!(error instanceof InvalidMessageError)) throw error;
      result.held.push(
        ...dueHere.map((a) => ({
          allocationId: a.id,
          allocationNumber: a.allocationNumber,
          residentId: a.residentId,
          reason: `De gegevens van de inwoner passen niet in het toewijzingsbericht: ${error.message}`,
        })),
      );
      // The requests go back: a later round may still answer them.
      requests.push(...granting);
      continue;
    }
    const id = randomUUID();
    messageRows.push({
      municipalityCode: ctx.municipalityCode,
      id,
      direction: 'outbound',
      standard: kind.standard,
      messageType: '301',
      providerId: first.providerId,
      sender: ctx.municipalityCode,
      receiver: provider.agbCode,
      identification,
      datedOn: today,
      status: 'ready',
      document,
      sha256: sha256Of(document),
      receivedAt: now,
    });
    for (const [index, a] of included.entries()) {
      const told = products[index];
      if (!told) continue;
      versionRows.push({
        municipalityCode: ctx.municipalityCode,
        allocationId: a.id,
        messageId: id,
        allocatedOn: told.allocatedOn,
        allocatedAt: told.allocatedAt,
        toldEndDate: a.endDate,
        toldVolume: a.volume,
        toldUnit: a.unit,
        toldFrequency: a.frequency,
        isNewVersion: dueIds.has(a.id),
      });
    }
    for (const request of granting) grants.push({ requestId: request.id, messageId: id });
    if (changeGrant) grants.push({ requestId: changeGrant.requestId, messageId: id });
    subjects.push({ residentId: first.residentId, bsn: client.bsn });
    result.messages.push({
      id,
      providerId: first.providerId,
      residentId: first.residentId,
      identification,
      allocationNumbers: products.map((p) => p.allocationNumber),
    });
  }
  for (let i = 0; i < messageRows.length; i += 500) {
    await ctx.tx.insert(message).values(messageRows.slice(i, i + 500));
  }
  for (let i = 0; i < versionRows.length; i += 1000) {
    await ctx.tx.insert(allocationMessage).values(versionRows.slice(i, i + 1000));
  }
  await grantRequests(ctx, grants, now);
  if (subjects.length > 0) await recordProcessing(ctx, 'message.send', 'create', subjects);
  // The identity of a held client was read to compose its message, even though none went out.
  const heldSubjects = [...new Set(result.held.map((h) => h.residentId))].flatMap((residentId) => {
    const identity = identities.get(residentId);
    return identity ? [{ residentId, bsn: identity.bsn }] : [];
  });
  if (heldSubjects.length > 0) await recordProcessing(ctx, 'message.send', 'read', heldSubjects);
  return result;
}

/** The first pending request of this client at this provider for the allocation's product; taken. */
function takeRequest(
  requests: PendingProductRequest[],
  a: ProviderAllocation,
  standard: 'iwmo' | 'ijw',
  bsn: string,
): PendingProductRequest | undefined {
  const index = requests.findIndex(
    (r) =>
      r.providerId === a.providerId &&
      r.standard === standard &&
      r.bsn === bsn &&
      r.productCategory === a.productCategory &&
      (r.productCode === undefined || r.productCode === a.productCode),
  );
  if (index < 0) return undefined;
  const [request] = requests.splice(index, 1);
  return request;
}

/** A held allocation as the case worker reads it. */
export function heldNotice(held: HeldAllocation): string {
  return `Toewijzing ${held.allocationNumber} is nog niet naar de aanbieder verstuurd: ${held.reason} Daarna verstuurt de volgende verzendronde (Berichten, door contractbeheer) haar.`;
}

/** The registry's identity as a 301 client, or why it cannot be one. */
function allocationClient(identity: ResidentIdentity): AllocationClient | string {
  if (!identity.familyName) {
    return 'De achternaam (geslachtsnaam) van de inwoner ontbreekt in de registratie; vul die aan om de toewijzing te versturen.';
  }
  if (!identity.address) {
    return 'Het BRP-adres van de inwoner ontbreekt in de registratie (TR061); vul het aan om de toewijzing te versturen.';
  }
  return {
    bsn: identity.bsn,
    dateOfBirth: identity.dateOfBirth,
    gender: identity.gender,
    familyName: identity.familyName,
    familyNamePrefix: identity.familyNamePrefix,
    givenNames: identity.givenNames,
    initials: identity.initials,
    address: identity.address,
  };
}

function exchangedLaw<A extends { law: string }>(a: A): a is A & { law: 'wmo' | 'youth' } {
  return a.law === 'wmo' || a.law === 'youth';
}

function changedSince(a: ProviderAllocation, told: ToldVersion | undefined): boolean {
  return (
    told === undefined ||
    told.endDate !== a.endDate ||
    told.volume !== a.volume ||
    told.unit !== a.unit ||
    told.frequency !== a.frequency
  );
}

/** RedenWijziging of a changed version; none for a new allocation or an unchanged one. */
function changeReasonOf(
  a: ProviderAllocation,
  changedFrom: ToldVersion | undefined,
  byProvider: boolean,
): string | null {
  if (changedFrom === undefined) return null;
  if (byProvider) return BY_PROVIDER;
  return shortened(a, changedFrom) ? SHORTENED : null;
}

function shortened(a: ProviderAllocation, told: ToldVersion): boolean {
  return (a.endDate ?? NO_END) < (told.endDate ?? NO_END) || a.volume < told.volume;
}

/** The last version of each allocation a 301 told, by allocation id. */
async function lastToldVersions(
  ctx: TenantContext,
  allocationIds: readonly string[],
): Promise<Map<string, ToldVersion>> {
  const found = new Map<string, ToldVersion>();
  const ids = [...new Set(allocationIds)];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await ctx.tx
      .select({
        allocationId: allocationMessage.allocationId,
        allocatedOn: allocationMessage.allocatedOn,
        allocatedAt: allocationMessage.allocatedAt,
        endDate: allocationMessage.toldEndDate,
        volume: allocationMessage.toldVolume,
        unit: allocationMessage.toldUnit,
        frequency: allocationMessage.toldFrequency,
      })
      .from(allocationMessage)
      .innerJoin(message, TOLD_IN_MESSAGE)
      .where(
        and(
          inArray(allocationMessage.allocationId, ids.slice(i, i + 5000)),
          // A 301 the provider returned with a refusal did not tell it: the next round sends again.
          sql`not exists (select 1 from unnest(${message.returnCodes}) as code where code <> '0200')`,
        ),
      )
      .orderBy(desc(allocationMessage.allocatedOn), desc(allocationMessage.allocatedAt));
    for (const { allocationId, ...version } of rows) {
      if (!found.has(allocationId)) found.set(allocationId, version);
    }
  }
  return found;
}

/** The allocations these 301s told: whose residents a reading or a 302 concerns. */
export async function allocationsToldIn(
  ctx: TenantContext,
  messageIds: readonly string[],
): Promise<string[]> {
  if (messageIds.length === 0) return [];
  const rows = await ctx.tx
    .selectDistinct({ id: allocationMessage.allocationId })
    .from(allocationMessage)
    .where(inArray(allocationMessage.messageId, [...messageIds]));
  return rows.map((r) => r.id);
}

export interface SentAllocationMessage {
  id: string;
  standard: 'iwmo' | 'ijw';
  identification: string;
  datedOn: string;
  status: string;
  document: string;
}

/**
 * Every 301 sent to this provider, oldest first: what a provider's software (the simulator)
 * takes from the outbox. The caller logs the reading and marks what it fetched.
 */
export async function allocationMessagesTo(
  ctx: TenantContext,
  providerId: string,
): Promise<SentAllocationMessage[]> {
  return ctx.tx
    .select({
      id: message.id,
      standard: message.standard,
      identification: message.identification,
      datedOn: message.datedOn,
      status: message.status,
      document: message.document,
    })
    .from(message)
    .where(
      and(
        eq(message.direction, 'outbound'),
        eq(message.messageType, '301'),
        eq(message.providerId, providerId),
      ),
    )
    .orderBy(asc(message.receivedAt), asc(message.identification));
}

/** The allocations a 301 has told this provider of: what it can name in its requests. */
export async function allocationIdsToldTo(ctx: TenantContext, providerId: string): Promise<Set<string>> {
  const rows = await ctx.tx
    .selectDistinct({ id: allocationMessage.allocationId })
    .from(allocationMessage)
    .innerJoin(message, TOLD_IN_MESSAGE)
    .where(eq(message.providerId, providerId));
  return new Set(rows.map((r) => r.id));
}
