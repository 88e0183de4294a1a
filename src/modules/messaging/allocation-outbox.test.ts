/**
 * The allocation messages over the API: a decision puts a 301 in the provider's outbox; the
 * provider fetches it and returns it with a 302; a resident without a BRP address holds the
 * allocation back with the reason until a sending round finds the address; foreign, unknown and
 * repeated 302s; another provider sees nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import {
  type AllocationFixture,
  allocateAnother,
  createAllocationFixture,
  FIXTURE_AGB,
  otherProviderUser,
} from '../../test-support/allocation-fixture.js';
import { type ApiClient, createHarness, type Harness, TENANT_A } from '../../test-support/app-harness.js';
import { addDays } from '../cases/calendar-date.js';
import { buildReturnMessage } from './codec/return-messages.js';
import { readAnyMessage } from './ingest-read.js';
import { messageKind } from './standard/message-kinds.js';
import type { MessageObject } from './xml/validate.js';
import { writeMessage } from './xml/write.js';

describe('allocation messages (301) and their return (302)', () => {
  let h: Harness;
  let provider: ApiClient;
  let contractManager: ApiClient;
  const today = todayInNetherlands();
  let allocationNumber: number;
  let residentId: string;
  let worker: ApiClient;
  let fixture: AllocationFixture;

  const outbox = async (as: ApiClient) =>
    (await as.request('GET', '/api/v1/messages?direction=outbound&type=301')).json();
  const returnFor = (document: string, identification: string, codes = new Map<string, string[]>()) => {
    const read = readAnyMessage(document, false);
    if (!read.ok) throw new Error(read.reason);
    const built = buildReturnMessage({
      answered: read.kind,
      message: read.message,
      identification,
      datedOn: today,
      headerCodes: [],
      classCodes: codes,
      refused: false,
    });
    return writeMessage(built.message, built.kind.schema);
  };
  const messageCount = async (where = 'true') =>
    (
      await queryRows<{ n: number }>(
        h.database.db,
        sql`select count(*)::int as n from message where ${sql.raw(where)}`,
      )
    )[0]?.n;
  const post = (as: ApiClient, xml: string) =>
    as.request('POST', '/api/v1/messages', xml, { 'content-type': 'application/xml' });

  beforeAll(async () => {
    h = await createHarness();
    fixture = await createAllocationFixture(h, {
      startDate: addDays(today, 7),
      endDate: addDays(today, 180),
      today,
    });
    ({ allocationNumber, residentId, worker } = fixture);
    expect(fixture.notices).toEqual([]);
    provider = await h.as('provider_user');
    contractManager = await h.as('contract_manager');
  });
  afterAll(() => h.close());

  let allocationMessageId: string;
  let document: string;

  it('puts a 301 in the outbox when the decision allocates, ready for the provider', async () => {
    const list = await outbox(contractManager);
    expect(list.total).toBe(1);
    const [item] = list.items;
    expect(item).toMatchObject({
      messageName: 'WMO301',
      status: 'ready',
      sender: TENANT_A,
      receiver: FIXTURE_AGB,
      datedOn: today,
      answerDueOn: null,
    });
    allocationMessageId = item.id;
    // The municipality reads it without marking it fetched.
    const read = await contractManager.request('GET', `/api/v1/messages/${allocationMessageId}`);
    expect(read.json().status).toBe('ready');
    document = read.json().document;
    expect(document).toContain(`<wmo301:ToewijzingNummer>${allocationNumber}</wmo301:ToewijzingNummer>`);
    expect(document).toContain('<iwmo:Achternaam>Çelik-Brüggen</iwmo:Achternaam>');
    expect(document).toContain('<iwmo:Postcode>9901AB</iwmo:Postcode>');
    // A sending round finds nothing new: an allocation is told once.
    const round = await contractManager.request('POST', '/api/v1/messages/outbox', {});
    expect(round.statusCode, round.body).toBe(200);
    expect(round.json()).toEqual({ sent: [], held: [] });
    expect((await outbox(contractManager)).total).toBe(1);
  });

  it('logs the sending and the reading for the resident', async () => {
    const rows = await queryRows<{ activity: string; n: number }>(
      h.database.db,
      sql`select activity, count(*)::int as n from processing_log
          where resident_id = ${residentId}::uuid and activity in ('message.send', 'message.view')
          group by activity order by activity`,
    );
    expect(rows).toEqual([
      { activity: 'message.send', n: 1 },
      { activity: 'message.view', n: 1 },
    ]);
  });

  it('shows the 301 to its provider only; fetching it starts the term for the return message', async () => {
    const elsewhere = await otherProviderUser(h, '98000078', 'Elders');
    expect((await outbox(elsewhere)).total).toBe(0);
    expect((await elsewhere.request('GET', `/api/v1/messages/${allocationMessageId}`)).statusCode).toBe(404);
    // Another provider cannot return it either: the 301 was not addressed to it.
    const foreign = await post(elsewhere, returnFor(document, 'ELDERS1'));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().reasonCode).toBe('WRONG_SENDER');

    const fetched = (await provider.request('GET', `/api/v1/messages/${allocationMessageId}`)).json();
    expect(fetched.status).toBe('fetched');
    expect(fetched.answerDueOn > today).toBe(true);
  });

  it('takes the provider’s 302 and notes it on the 301', async () => {
    const response = await post(
      provider,
      returnFor(
        document,
        'RET1',
        new Map([['Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]', ['0200']]]),
      ),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      outcome: 'processed',
      messageName: 'WMO302',
      returnMessage: null,
    });
    const original = (await contractManager.request('GET', `/api/v1/messages/${allocationMessageId}`)).json();
    expect(original.returnCodes).toEqual(['0200']);
    expect(original.answers.map((a: { messageName: string }) => a.messageName)).toEqual(['WMO302']);
    // The same 302 again: processed once.
    const again = await post(
      provider,
      returnFor(
        document,
        'RET1',
        new Map([['Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]', ['0200']]]),
      ),
    );
    expect(again.json().outcome).toBe('already_processed');
    expect(await messageCount("message_type = '302'")).toBe(1);
  });

  it('refuses a 302 for a 301 that was never sent, and writes nothing but the quarantine', async () => {
    const kind = messageKind('iwmo', '301');
    const read = readAnyMessage(document, false);
    if (!read.ok) throw new Error(read.reason);
    const header = read.message.Header as MessageObject;
    const forged: MessageObject = {
      ...read.message,
      Header: { ...header, BerichtIdentificatie: { Identificatie: 'NOOIT', Dagtekening: today } },
    };
    const xml = returnFor(writeMessage(forged, kind.schema), 'RET2');
    const before = await messageCount();
    const response = await post(provider, xml);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ reasonCode: 'NO_ORIGINAL' });
    expect(response.json().message).toContain('NOOIT');
    expect(await messageCount()).toBe(before);
  });

  it('holds an allocation whose resident has no BRP address, and sends it once the address is there', async () => {
    const held = await allocateAnother(fixture, {
      startDate: addDays(today, 10),
      endDate: addDays(today, 100),
      withoutAddress: true,
      bsn: '999990081',
    });
    expect(held.notices).toHaveLength(1);
    expect(held.notices[0]).toContain(`Toewijzing ${held.allocationNumber} is nog niet`);
    expect(held.notices[0]).toContain('BRP-adres');
    expect((await outbox(contractManager)).total).toBe(1);
    // A case worker may not run the sending round; a provider neither.
    expect((await worker.request('POST', '/api/v1/messages/outbox', {})).statusCode).toBe(403);
    expect((await provider.request('POST', '/api/v1/messages/outbox', {})).statusCode).toBe(403);
    const stillHeld = (await contractManager.request('POST', '/api/v1/messages/outbox', {})).json();
    expect(stillHeld.sent).toEqual([]);
    expect(stillHeld.held.map((x: { allocationNumber: number }) => x.allocationNumber)).toEqual([
      held.allocationNumber,
    ]);
    // Composing read the held client's identity: logged, though nothing went out.
    const [heldRead] = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from processing_log
          where activity = 'message.send' and action = 'read' and resident_id = ${held.residentId}::uuid`,
    );
    expect(heldRead?.n).toBeGreaterThanOrEqual(2);

    const resident = (await held.worker.request('GET', `/api/v1/residents/${held.residentId}`)).json();
    const updated = await held.worker.request('PUT', `/api/v1/residents/${held.residentId}`, {
      bsn: resident.bsn,
      givenNames: resident.givenNames,
      familyName: resident.familyName,
      gender: resident.gender,
      dateOfBirth: resident.dateOfBirth,
      neighbourhoodCode: null,
      address: { street: 'Beukenweg', houseNumber: 3, postcode: '9901CD', place: 'Lindewaarde' },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const round = (await contractManager.request('POST', '/api/v1/messages/outbox', {})).json();
    expect(round.held).toEqual([]);
    expect(round.sent).toHaveLength(1);
    expect(round.sent[0].allocationNumbers).toEqual([held.allocationNumber]);
    expect((await outbox(contractManager)).total).toBe(2);
  });

  it('sends an allocation again when the provider returned its 301 with a refusal', async () => {
    const [latest] = (await outbox(contractManager)).items;
    const sent = (await provider.request('GET', `/api/v1/messages/${latest.id}`)).json();
    const refused = await post(
      provider,
      returnFor(sent.document, 'RET9', new Map([['Bericht/Client', ['0001']]])),
    );
    expect(refused.statusCode, refused.body).toBe(200);
    const round = (await contractManager.request('POST', '/api/v1/messages/outbox', {})).json();
    expect(round.sent).toHaveLength(1);
    expect(round.sent[0].providerId).toBe(fixture.providerId);
    // Told again: the next round has nothing to send until the provider refuses this one too.
    const again = (await contractManager.request('POST', '/api/v1/messages/outbox', {})).json();
    expect(again.sent).toEqual([]);
  });
});
