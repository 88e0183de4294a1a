/**
 * A simulator that plays the municipality's care providers, for the demo and for tests. Each
 * provider takes the allocation messages (301) from its outbox and returns each one (302); for
 * every allocation it was told of it starts care (305), sends a claim each month (323) and stops
 * care when the allocation ends (307), through the same receiving service a real provider's
 * message takes, so the messages meet the same schema and rules and get the same answers.
 *
 * Behaviour is per provider: how long it takes to start, how many allocations it never starts,
 * what share of the allocated volume it delivers, and how often it makes a realistic mistake (a
 * tariff that is not the contract's, more than allocated, an allocation start date that does not
 * match). Everything is derived from a seed and the allocation, so the same run gives the same
 * messages, byte for byte: running it again is answered as "already processed", not twice.
 */
import { createHash } from 'node:crypto';
import type { TenantContext } from '../../server/request-context.js';
import { allocationSubjects, providerAllocations } from '../cases/allocation-service.js';
import { allowedVolumeBetween } from '../cases/allocation-volume.js';
import { addDays, fromEpochDay, toEpochDay } from '../cases/calendar-date.js';
import { allocationMessagesTo, allocationsToldIn } from '../messaging/allocation-outbox.js';
import { decodeAllocationMessage } from '../messaging/codec/allocation-message.js';
import {
  type OutgoingEnvelope,
  type OutgoingService,
  writeAllocationRequest,
  writeCareStart,
  writeCareStop,
  writeChangeRequest,
  writeClaim,
} from '../messaging/codec/provider-message-writer.js';
import { buildReturnMessage } from '../messaging/codec/return-messages.js';
import { readAnyMessage } from '../messaging/ingest-read.js';
import { receiveMessages } from '../messaging/ingest-service.js';
import { markFetched } from '../messaging/message-service.js';
import type { Standard } from '../messaging/standard/model.js';
import { addWorkingDays } from '../messaging/working-days.js';
import { writeMessage } from '../messaging/xml/write.js';
import { recordProcessing } from '../processing-log/processing-log-service.js';
import { listProviders } from '../registry/provider-service.js';
import { createRng } from './demo-generator.js';

export interface ProviderBehaviour {
  /** Days from the allocation's start to the start of care, inclusive range. */
  startLagDays: readonly [number, number];
  /** Share of allocations whose care never starts. */
  neverStartShare: number;
  /** Share of the allocated volume delivered and declared. */
  deliveryShare: number;
  /** Chance that a message carries a realistic mistake. */
  mistakeRate: number;
  /** Days from a start or stop of care to the message that reports it, inclusive range. */
  reportLagDays: readonly [number, number];
}

export const ORDINARY_PROVIDER: ProviderBehaviour = {
  startLagDays: [0, 6],
  neverStartShare: 0.02,
  deliveryShare: 0.95,
  mistakeRate: 0.04,
  reportLagDays: [0, 3],
};

export interface SimulationOptions {
  /** Simulate up to and including this day; nothing is dated later. */
  until: string;
  seed: number;
  /** Behaviour per provider (by AGB code); ORDINARY_PROVIDER when absent. */
  behaviourOf?: (provider: { agbCode: string; name: string }) => ProviderBehaviour;
  onProgress?: (step: string) => void;
  /**
   * Where the providers learn their allocations: from the 301s in their outbox (the default,
   * returning each with a 302), or straight from the allocations, for a benchmark volume that
   * was loaded without 301s and measures only the starts, stops and claims.
   */
  source?: 'outbox' | 'allocations';
}

export interface SimulationSummary {
  providers: number;
  messages: number;
  /** Messages the municipality answered with at least one refusal. */
  withFindings: number;
  alreadyProcessed: number;
  quarantined: number;
}

/** Messages per transaction: the facts for a batch are loaded once. */
const SIMULATION_BATCH = 250;

const STANDARD_OF_LAW = { wmo: 'iwmo', youth: 'ijw' } as const satisfies Record<string, Standard>;
/** RedenBeeindiging "levering volgens plan beëindigd": 19 in WMO588, 31 in JZ588. */
const NORMAL_END_REASON: Readonly<Record<Standard, string>> = { iwmo: '19', ijw: '31' };

interface SimulatedEvent {
  date: string;
  /** Sort order within a day: starts before claims before stops. */
  order: number;
  providerId: string;
  write: () => string;
}

/** A message the simulator will send: who sends it, on which day, and the document. */
export interface PlannedMessage {
  date: string;
  providerId: string;
  providerName: string;
  /** Writes the document (validated against the schema) when it is needed. */
  write: () => string;
}

/** An allocation as the provider knows it: from the last 301 that told it. */
interface KnownAllocation {
  allocationNumber: number;
  productCategory: string;
  productCode: string | null;
  startDate: string;
  endDate: string | null;
  volume: number;
  unit: string;
  frequency: string;
  client: { bsn: string; dateOfBirth: string; familyName: string };
  /** The day the provider returned the 301 that told it: it acts on it from then on. */
  knownOn: string;
  /** The provider's own contract tariff for the product, in cents. */
  contractTariffCents: number | null;
}

/** A 301 the provider took from its outbox, and the day it did. */
export interface FetchedAllocationMessage {
  messageId: string;
  fetchedOn: string;
}

export interface ProviderPlan {
  /** In the order the providers send them. */
  messages: PlannedMessage[];
  fetched: FetchedAllocationMessage[];
}

/**
 * Every message the providers would send up to `until`, in the order they send them, and the
 * 301s they take from the outbox for it.
 */
export async function planProviderMessages(
  ctx: TenantContext,
  options: SimulationOptions,
): Promise<ProviderPlan> {
  const providers = (await listProviders(ctx, { limit: 500, offset: 0 })).items;
  const events: SimulatedEvent[] = [];
  const fetched: FetchedAllocationMessage[] = [];
  for (const provider of providers) {
    const behaviour = options.behaviourOf?.(provider) ?? ORDINARY_PROVIDER;
    const sent = await allocationMessagesTo(ctx, provider.id);
    for (const law of ['wmo', 'youth'] as const) {
      const standard = STANDARD_OF_LAW[law];
      // The provider knows its own contract tariffs; everything else it learns from the 301s.
      const allocations = await providerAllocations(ctx, provider.id, law);
      const tariffs = new Map(allocations.map((a) => [a.allocationNumber, a.contractTariffCents]));
      const known = new Map<number, KnownAllocation>();
      if (options.source === 'allocations') {
        for (const a of allocations) {
          const familyName = a.name.split(/\s+/).at(-1) ?? 'Onbekend';
          known.set(a.allocationNumber, {
            ...a,
            client: { bsn: a.bsn, dateOfBirth: a.dateOfBirth, familyName },
            knownOn: '0001-01-01',
          });
        }
      }
      for (const allocationMessage of options.source === 'allocations' ? [] : sent) {
        if (allocationMessage.standard !== standard) continue;
        const rng = createRng(options.seed, `return-${allocationMessage.identification}`);
        const returnedOn = addWorkingDays(allocationMessage.datedOn, rng.int(0, 2));
        if (returnedOn > options.until) continue;
        const read = readAnyMessage(allocationMessage.document, false);
        if (!read.ok) throw new Error(`301 ${allocationMessage.identification} in the outbox is unreadable`);
        const decoded = decodeAllocationMessage(read.kind, read.message);
        fetched.push({ messageId: allocationMessage.id, fetchedOn: returnedOn });
        events.push({
          date: returnedOn,
          order: -1,
          providerId: provider.id,
          write: () => {
            const built = buildReturnMessage({
              answered: read.kind,
              message: read.message,
              identification: simulatedIdentification(options.seed, allocationMessage.identification),
              datedOn: returnedOn,
              headerCodes: [],
              classCodes: new Map(),
              refused: false,
            });
            return writeMessage(built.message, built.kind.schema);
          },
        });
        for (const told of decoded.products) {
          if (told.productCategory === undefined || told.volume === undefined) continue;
          known.set(told.allocationNumber, {
            allocationNumber: told.allocationNumber,
            productCategory: told.productCategory,
            productCode: told.productCode ?? null,
            startDate: told.startDate,
            endDate: told.endDate ?? null,
            volume: told.volume,
            unit: told.unit ?? '',
            frequency: told.frequency ?? '',
            client: decoded.client,
            knownOn: known.get(told.allocationNumber)?.knownOn ?? returnedOn,
            contractTariffCents: tariffs.get(told.allocationNumber) ?? null,
          });
        }
      }
      events.push(
        ...providerEvents(ctx.municipalityCode, provider, law, [...known.values()], behaviour, options),
      );
    }
  }
  events.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  const names = new Map(providers.map((p) => [p.id, p.name]));
  const messages = events.map((e) => ({
    date: e.date,
    providerId: e.providerId,
    providerName: names.get(e.providerId) ?? 'aanbieder',
    write: e.write,
  }));
  return { messages, fetched };
}

/** LDT_IdentificatieBericht (at most 12 characters), the same in every run with this seed. */
function simulatedIdentification(seed: number, of: string): string {
  return createHash('sha256').update(`${seed}|${of}`).digest('hex').slice(0, 12);
}

/** Runs in the caller's transaction; each message is received as its provider would send it. */
export async function simulateProviders(
  ctx: TenantContext,
  options: SimulationOptions,
): Promise<SimulationSummary> {
  const { messages: events, fetched } = await planProviderMessages(ctx, options);
  // Each provider takes its 301s from the outbox on the day it returns them.
  const fetchedOn = new Map<string, string[]>();
  for (const f of fetched) fetchedOn.set(f.fetchedOn, [...(fetchedOn.get(f.fetchedOn) ?? []), f.messageId]);
  for (const [date, ids] of fetchedOn) {
    await markFetched(
      ctx,
      ids.map((id) => ({ id, messageType: '301' })),
      new Date(`${date}T09:00:00Z`),
    );
  }
  // The providers read their clients in those 301s, as a provider's software fetching them would.
  const read = await allocationsToldIn(
    ctx,
    fetched.map((f) => f.messageId),
  );
  await recordProcessing(ctx, 'message.view', 'read', await allocationSubjects(ctx, read));
  const summary: SimulationSummary = {
    providers: new Set(events.map((e) => e.providerId)).size,
    messages: 0,
    withFindings: 0,
    alreadyProcessed: 0,
    quarantined: 0,
  };
  // Received in batches, in the order the providers sent them; each message dated its own day.
  for (let first = 0; first < events.length; first += SIMULATION_BATCH) {
    const batch = events.slice(first, first + SIMULATION_BATCH);
    const results = await receiveMessages(
      ctx,
      batch.map((event) => ({
        bytes: new TextEncoder().encode(event.write()),
        fileName: null,
        channel: 'import' as const,
        providerId: event.providerId,
        receivedAt: new Date(`${event.date}T10:00:00Z`),
      })),
      { positions: false },
    );
    for (const result of results) {
      summary.messages += 1;
      if (result.outcome === 'quarantined') summary.quarantined += 1;
      else if (result.outcome === 'already_processed') summary.alreadyProcessed += 1;
      else if (result.status !== 'accepted') summary.withFindings += 1;
    }
    options.onProgress?.(
      `${Math.min(first + SIMULATION_BATCH, events.length)} van ${events.length} aanbiedersberichten`,
    );
  }
  return summary;
}

function providerEvents(
  municipalityCode: string,
  provider: { id: string; agbCode: string },
  law: 'wmo' | 'youth',
  allocations: readonly KnownAllocation[],
  behaviour: ProviderBehaviour,
  options: SimulationOptions,
): SimulatedEvent[] {
  const standard = STANDARD_OF_LAW[law];
  const envelope = (identification: string, datedOn: string): OutgoingEnvelope => ({
    standard,
    sender: provider.agbCode,
    receiver: municipalityCode,
    identification,
    datedOn,
  });
  const events: SimulatedEvent[] = [];
  const started = new Map<number, string>();
  for (const allocation of allocations) {
    const rng = createRng(options.seed, `start-${allocation.allocationNumber}`);
    if (rng.chance(behaviour.neverStartShare)) continue;
    const startDate = addDays(
      allocation.startDate,
      rng.int(behaviour.startLagDays[0], behaviour.startLagDays[1]),
    );
    if (allocation.endDate !== null && startDate > allocation.endDate) continue;
    const datedOn = latest(
      addDays(startDate, rng.int(behaviour.reportLagDays[0], behaviour.reportLagDays[1])),
      allocation.knownOn,
    );
    if (datedOn > options.until) continue;
    started.set(allocation.allocationNumber, startDate);
    const mistake = rng.chance(behaviour.mistakeRate / 2);
    const client = allocation.client;
    events.push({
      date: datedOn,
      order: 0,
      providerId: provider.id,
      write: () =>
        writeCareStart(envelope(`S${allocation.allocationNumber}`, datedOn), client, [
          {
            allocationNumber: allocation.allocationNumber,
            productCategory: allocation.productCategory,
            productCode: allocation.productCode,
            // A realistic mistake: the start date of care where the allocation's belongs (TR019).
            allocationStartDate: mistake ? startDate : allocation.startDate,
            startDate,
            status: '1',
          },
        ]),
    });
    if (mistake && startDate !== allocation.startDate) started.delete(allocation.allocationNumber);
    if (allocation.endDate !== null && started.has(allocation.allocationNumber)) {
      const stoppedOn = latest(
        addDays(
          allocation.endDate,
          rng.int(Math.max(1, behaviour.reportLagDays[0]), Math.max(1, behaviour.reportLagDays[1])),
        ),
        datedOn,
      );
      if (stoppedOn <= options.until) {
        events.push({
          date: stoppedOn,
          order: 2,
          providerId: provider.id,
          write: () =>
            writeCareStop(envelope(`E${allocation.allocationNumber}`, stoppedOn), client, [
              {
                allocationNumber: allocation.allocationNumber,
                productCategory: allocation.productCategory,
                productCode: allocation.productCode,
                allocationStartDate: allocation.startDate,
                startDate,
                status: '1',
                reason: NORMAL_END_REASON[standard],
                endDate: allocation.endDate ?? stoppedOn,
              },
            ]),
        });
      }
    }
  }
  events.push(...monthlyClaims(provider.id, standard, allocations, started, behaviour, options, envelope));
  events.push(...recentRequests(provider.id, allocations, started, options, envelope));
  return events;
}

/** Share of allocations whose provider asks for more at some point (317). */
const CHANGE_REQUEST_SHARE = 0.3;
/** Share of ended allocations whose provider asks for a new one (315). */
const NEW_REQUEST_SHARE = 0.5;
/**
 * Only requests of the last weeks before `until` are sent, so some wait for an answer and some
 * too long; older ones would all be overdue, as nobody plays the municipality's answers.
 */
const REQUEST_WINDOW_DAYS = 15;

/**
 * A few requests in the weeks before `until`: more of a current allocation (317, naming every
 * current allocation of the client, TR349) or a new allocation after one ended (315). One per
 * client (TR374), each with its own reference (TR347).
 */
function recentRequests(
  providerId: string,
  allocations: readonly KnownAllocation[],
  started: ReadonlyMap<number, string>,
  options: SimulationOptions,
  envelope: (identification: string, datedOn: string) => OutgoingEnvelope,
): SimulatedEvent[] {
  const events: SimulatedEvent[] = [];
  const asked = new Set<string>();
  const sorted = [...allocations].sort((a, b) => a.allocationNumber - b.allocationNumber);
  for (const allocation of sorted) {
    const { client } = allocation;
    if (asked.has(client.bsn)) continue;
    // The day of a request follows from the allocation and the seed, not from `until`: a run on
    // a later day sends the same request again, byte for byte, and it is processed once.
    const rng = createRng(options.seed, `request-${allocation.allocationNumber}`);
    const changeOn = addDays(allocation.startDate, rng.int(30, 400));
    const newOn = allocation.endDate === null ? null : addDays(allocation.endDate, rng.int(10, 120));
    const inWindow = (date: string) =>
      date <= options.until && date >= addDays(options.until, -REQUEST_WINDOW_DAYS);
    const wantsChange = rng.chance(CHANGE_REQUEST_SHARE) && inWindow(changeOn);
    const wantsNew = rng.chance(NEW_REQUEST_SHARE) && newOn !== null && inWindow(newOn);
    const datedOn = wantsChange ? changeOn : wantsNew ? newOn : null;
    if (datedOn === null || datedOn < allocation.knownOn) continue;
    const current = (a: KnownAllocation) =>
      a.client.bsn === client.bsn && a.knownOn <= datedOn && (a.endDate === null || a.endDate >= datedOn);
    if (wantsChange && current(allocation) && started.has(allocation.allocationNumber)) {
      asked.add(client.bsn);
      const others = sorted.filter((a) => current(a) && a.allocationNumber !== allocation.allocationNumber);
      const reference = `W${allocation.allocationNumber}`;
      events.push({
        date: datedOn,
        order: 3,
        providerId,
        write: () =>
          writeChangeRequest(envelope(reference, datedOn), client.bsn, {
            reference,
            reason: '1',
            unchanged: others.map((a) => a.allocationNumber),
            changed: [
              {
                allocationNumber: allocation.allocationNumber,
                startDate: addDays(datedOn, 7),
                endDate: allocation.endDate,
                volume: allocation.volume + 1,
                unit: allocation.unit,
                frequency: allocation.frequency,
              },
            ],
          }),
      });
      continue;
    }
    if (datedOn !== newOn || sorted.some(current)) continue;
    asked.add(client.bsn);
    const reference = `N${allocation.allocationNumber}`;
    events.push({
      date: datedOn,
      order: 3,
      providerId,
      write: () =>
        writeAllocationRequest(envelope(reference, datedOn), client, [
          {
            reference,
            productCategory: allocation.productCategory,
            productCode: allocation.productCode,
            startDate: addDays(datedOn, 14),
            endDate: addDays(datedOn, 14 + 180),
            volume: allocation.volume,
            unit: allocation.unit,
            frequency: allocation.frequency,
          },
        ]),
    });
  }
  return events;
}

function monthlyClaims(
  providerId: string,
  standard: Standard,
  allocations: readonly KnownAllocation[],
  started: ReadonlyMap<number, string>,
  behaviour: ProviderBehaviour,
  options: SimulationOptions,
  envelope: (identification: string, datedOn: string) => OutgoingEnvelope,
): SimulatedEvent[] {
  const claimDate = (month: string) =>
    addWorkingDays(
      lastDayOf(month),
      createRng(options.seed, `claim-${providerId}-${standard}-${month}`).int(1, 6),
    );
  const byMonth = new Map<string, OutgoingService[]>();
  for (const allocation of allocations) {
    const careStart = started.get(allocation.allocationNumber);
    if (careStart === undefined || allocation.contractTariffCents === null || allocation.productCode === null)
      continue;
    for (let month = monthOf(careStart); ; month = nextMonth(month)) {
      const monthStart = `${month}-01`;
      const monthEnd = lastDayOf(month);
      if (allocation.endDate !== null && monthStart > allocation.endDate) break;
      if (monthEnd >= options.until) break;
      // TR387/TR388: the period is the month, cut to the allocation where it starts or ends in it.
      const periodStart = allocation.startDate > monthStart ? allocation.startDate : monthStart;
      const periodEnd =
        allocation.endDate !== null && allocation.endDate < monthEnd ? allocation.endDate : monthEnd;
      const deliveredFrom = careStart > periodStart ? careStart : periodStart;
      if (deliveredFrom > periodEnd) continue;
      // Not in a claim sent before the provider was told of the allocation.
      if (claimDate(month) < allocation.knownOn) continue;
      const rng = createRng(options.seed, `claim-${allocation.allocationNumber}-${month}`);
      const allowed = allowedVolumeBetween(allocation, deliveredFrom, periodEnd);
      // Whole units only: less than half a unit is not declared, more is rounded.
      if (allowed < 0.5) continue;
      let volume = Math.round(allowed * behaviour.deliveryShare * (0.85 + 0.15 * rng.next()));
      if (volume < 1) continue;
      let tariff = allocation.contractTariffCents;
      if (rng.chance(behaviour.mistakeRate)) {
        // A realistic mistake: last year's tariff (TR418) or more than was allocated (TR321).
        if (rng.chance(0.5)) tariff += 50;
        else volume = Math.ceil(allowed * 2) + 1;
      }
      const euros = allocation.unit === '83';
      const service: OutgoingService = {
        bsn: allocation.client.bsn,
        referenceNumber: `R${month.replace('-', '')}${allocation.allocationNumber}`,
        allocationNumber: allocation.allocationNumber,
        productCategory: allocation.productCategory,
        productCode: allocation.productCode,
        periodStart,
        periodEnd,
        deliveredVolume: volume,
        unit: allocation.unit,
        ...(euros ? {} : { tariffCents: tariff }),
        amountCents: euros ? volume : volume * tariff,
        debitCredit: 'D',
      };
      byMonth.set(month, [...(byMonth.get(month) ?? []), service]);
    }
  }
  const events: SimulatedEvent[] = [];
  for (const [month, services] of byMonth) {
    const datedOn = claimDate(month);
    if (datedOn > options.until) continue;
    const number = `D${month.replace('-', '')}`;
    events.push({
      date: datedOn,
      order: 1,
      providerId,
      write: () =>
        writeClaim(
          envelope(number, datedOn),
          { number, periodStart: `${month}-01`, periodEnd: lastDayOf(month) },
          services,
        ),
    });
  }
  return events;
}

function latest(a: string, b: string): string {
  return a > b ? a : b;
}

function monthOf(date: string): string {
  return date.slice(0, 7);
}

function nextMonth(month: string): string {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

function lastDayOf(month: string): string {
  return fromEpochDay(toEpochDay(`${nextMonth(month)}-01`) - 1);
}
