/**
 * Granting a provider's request for a change (317) over the API: a later end date changes the
 * allocation in place, another size per week ends it the day before and a new allocation
 * continues it (IV093); the 301 that answers carries the request's ReferentieAanbieder in every
 * product (TR379) and RedenWijziging 12 on the changed ones. A request that breaks a decision
 * rule, asks for a new product, is a 315, or was answered already is refused with a 409 and
 * nothing changes; bad answers get a 400 naming the field; providers cannot grant.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import {
  type AllocationFixture,
  createAllocationFixture,
  FIXTURE_AGB,
  FIXTURE_BSN,
  FIXTURE_DATE_OF_BIRTH,
} from '../../test-support/allocation-fixture.js';
import { type ApiClient, createHarness, type Harness, TENANT_A } from '../../test-support/app-harness.js';
import { addDays } from '../cases/calendar-date.js';
import { writeAllocationRequest, writeChangeRequest } from './codec/provider-message-writer.js';

interface WishedProduct {
  allocationNumber: number;
  startDate: string;
  endDate?: string;
  volume: number;
}

describe('granting a request for a change (317)', () => {
  let h: Harness;
  let provider: ApiClient;
  let contractManager: ApiClient;
  let fixture: AllocationFixture;
  const today = todayInNetherlands();
  const allocationStart = addDays(today, -30);
  let sequence = 0;

  const envelope = () => {
    sequence += 1;
    return {
      standard: 'iwmo' as const,
      sender: FIXTURE_AGB,
      receiver: TENANT_A,
      identification: `W${sequence}`,
      datedOn: today,
    };
  };
  const changeRequest = (
    reference: string,
    parts: { unchanged?: number[]; changed?: WishedProduct[]; added?: boolean },
  ) =>
    writeChangeRequest(envelope(), FIXTURE_BSN, {
      reference,
      reason: '1',
      unchanged: parts.unchanged ?? [],
      changed: (parts.changed ?? []).map((p) => ({
        ...p,
        endDate: p.endDate ?? null,
        unit: '04',
        frequency: '2',
      })),
      added: parts.added
        ? [
            {
              productCategory: '01',
              productCode: '01A02',
              startDate: addDays(today, 10),
              endDate: addDays(today, 100),
              volume: 2,
              unit: '04',
              frequency: '2',
            },
          ]
        : [],
    });
  const allocationRequestFor = () =>
    writeAllocationRequest(
      envelope(),
      { bsn: '999990093', dateOfBirth: FIXTURE_DATE_OF_BIRTH, familyName: 'Jansen' },
      [
        {
          reference: 'VOT-1',
          productCategory: '01',
          productCode: '01A01',
          startDate: addDays(today, 14),
          endDate: addDays(today, 200),
          volume: 4,
          unit: '04',
          frequency: '2',
        },
      ],
    );
  const send = async (xml: string) => {
    const response = await provider.request('POST', '/api/v1/messages', xml, {
      'content-type': 'application/xml',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().findings).toEqual([]);
  };
  const requestId = async (reference: string): Promise<string> => {
    const list = (await contractManager.request('GET', '/api/v1/messages/requests?limit=50&offset=0')).json();
    const found = list.items.find((r: { reference: string }) => r.reference === reference);
    expect(found, reference).toBeDefined();
    return found.id;
  };
  const answer = (as: ApiClient, id: string, body: unknown) =>
    as.request('POST', `/api/v1/messages/requests/${id}/answer`, body);
  const decision = async () =>
    (await fixture.worker.request('GET', `/api/v1/cases/${fixture.caseId}/decision`)).json();
  const document = async (messageId: string): Promise<string> =>
    (await contractManager.request('GET', `/api/v1/messages/${messageId}`)).json().document;
  const snapshot = async () => ({
    allocations: await queryRows(
      h.database.db,
      sql`select allocation_number, volume, frequency, start_date::text, end_date::text from allocation order by allocation_number`,
    ),
    changes: await queryRows(h.database.db, sql`select count(*)::int as n from allocation_change`),
    messages: await queryRows(h.database.db, sql`select count(*)::int as n from message`),
  });

  beforeAll(async () => {
    h = await createHarness();
    fixture = await createAllocationFixture(h, {
      startDate: allocationStart,
      endDate: addDays(today, 150),
      today,
    });
    provider = await h.as('provider_user');
    contractManager = await h.as('contract_manager');
  });
  afterAll(() => h.close());

  it('extends an allocation in place and answers with a 301 carrying the reference (TR379)', async () => {
    const n = fixture.allocationNumber;
    await send(
      changeRequest('VOW-EXT', {
        changed: [
          { allocationNumber: n, startDate: allocationStart, endDate: addDays(today, 300), volume: 3 },
        ],
      }),
    );
    const id = await requestId('VOW-EXT');
    const logged = () =>
      queryRows<{ n: number }>(
        h.database.db,
        sql`select count(*)::int as n from processing_log where activity = 'case.update' and action = 'update'`,
      );
    const [loggedBefore] = await logged();
    const granted = await answer(contractManager, id, { answer: 'granted' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ requestId: id, status: 'granted' });

    const [allocation] = (await decision()).allocations;
    expect(allocation).toMatchObject({ allocationNumber: n, endDate: addDays(today, 300), volume: 3 });
    expect(allocation.changes).toEqual([
      expect.objectContaining({
        previousEndDate: addDays(today, 150),
        endDate: addDays(today, 300),
        previousVolume: 3,
        volume: 3,
        reason: expect.stringContaining('VOW-EXT'),
        successorAllocationId: null,
      }),
    ]);
    const xml = await document(granted.json().answerMessageId);
    expect(xml).toContain('<wmo301:ReferentieAanbieder>VOW-EXT</wmo301:ReferentieAanbieder>');
    expect(xml).toContain('<wmo301:RedenWijziging>12</wmo301:RedenWijziging>');
    expect(xml).toContain(`<wmo301:ToewijzingNummer>${n}</wmo301:ToewijzingNummer>`);
    expect(xml).toContain(`<wmo301:Einddatum>${addDays(today, 300)}</wmo301:Einddatum>`);
    const [request] = (
      await contractManager.request('GET', '/api/v1/messages/requests?limit=50&offset=0&status=granted')
    ).json().items;
    expect(request).toMatchObject({ reference: 'VOW-EXT', answerMessageId: granted.json().answerMessageId });
    // The change of the client's allocation is in the processing log.
    expect(await logged()).toEqual([{ n: (loggedBefore?.n ?? 0) + 1 }]);
    // Granted is final.
    expect((await answer(contractManager, id, { answer: 'granted' })).statusCode).toBe(409);
    expect((await answer(contractManager, id, { answer: 'refused', refusalReason: '2' })).statusCode).toBe(
      409,
    );
  });

  it('changes a size per week by a new allocation from the wished date, the old one ending the day before', async () => {
    const n = fixture.allocationNumber;
    const from = addDays(today, 7);
    await send(
      changeRequest('VOW-MORE', {
        changed: [{ allocationNumber: n, startDate: from, endDate: addDays(today, 200), volume: 5 }],
      }),
    );
    const granted = await answer(contractManager, await requestId('VOW-MORE'), { answer: 'granted' });
    expect(granted.statusCode, granted.body).toBe(200);
    const allocations = (await decision()).allocations.sort(
      (a: { allocationNumber: number }, b: { allocationNumber: number }) =>
        a.allocationNumber - b.allocationNumber,
    );
    expect(allocations).toHaveLength(2);
    expect(allocations[0]).toMatchObject({ allocationNumber: n, endDate: addDays(from, -1), volume: 3 });
    expect(allocations[0].changes.at(-1).successorAllocationId).toBe(allocations[1].id);
    expect(allocations[1]).toMatchObject({
      startDate: from,
      endDate: addDays(today, 200),
      volume: 5,
      changes: [],
    });
    const xml = await document(granted.json().answerMessageId);
    // Both products, each with the request's reference; only the changed one has a reason.
    expect(xml.match(/<wmo301:ReferentieAanbieder>VOW-MORE<\/wmo301:ReferentieAanbieder>/g)).toHaveLength(2);
    expect(xml.match(/<wmo301:RedenWijziging>12<\/wmo301:RedenWijziging>/g)).toHaveLength(1);
    expect(xml).toContain(
      `<wmo301:ToewijzingNummer>${allocations[1].allocationNumber}</wmo301:ToewijzingNummer>`,
    );
  });

  it('refuses to grant what breaks a decision rule, and changes nothing', async () => {
    const [current] = (await decision()).allocations.sort(
      (a: { allocationNumber: number }, b: { allocationNumber: number }) =>
        b.allocationNumber - a.allocationNumber,
    );
    const first = fixture.allocationNumber;
    await send(
      changeRequest('VOW-LONG', {
        unchanged: [first],
        // The contract ends a year from now.
        changed: [
          {
            allocationNumber: current.allocationNumber,
            startDate: current.startDate,
            endDate: addDays(today, 500),
            volume: 5,
          },
        ],
      }),
    );
    const id = await requestId('VOW-LONG');
    const before = await snapshot();
    const refused = await answer(contractManager, id, { answer: 'granted' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ field: 'answer' });
    expect(refused.json().message).toContain(`Toewijzing ${current.allocationNumber}`);
    expect(refused.json().message).toContain('contract');
    expect(await snapshot()).toEqual(before);
    const [open] = (
      await contractManager.request('GET', '/api/v1/messages/requests?limit=50&offset=0&status=open')
    ).json().items;
    expect(open).toMatchObject({ reference: 'VOW-LONG', status: 'open' });
    // Refused with a reason, so TR374 lets the provider ask again.
    expect((await answer(contractManager, id, { answer: 'refused', refusalReason: '4' })).statusCode).toBe(
      200,
    );
  });

  it('does not grant a request for a new product, nor a 315 here', async () => {
    const allocations = (await decision()).allocations.map(
      (a: { allocationNumber: number }) => a.allocationNumber,
    );
    await send(changeRequest('VOW-NEW', { unchanged: allocations, added: true }));
    const before = await snapshot();
    const id = await requestId('VOW-NEW');
    const refused = await answer(contractManager, id, { answer: 'granted' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('reden 1');
    expect(await snapshot()).toEqual(before);
    await answer(contractManager, id, { answer: 'refused', refusalReason: '1' });

    await send(allocationRequestFor());
    const vot = await answer(contractManager, await requestId('VOT-1'), { answer: 'granted' });
    expect(vot.statusCode).toBe(409);
    expect(vot.json().message).toContain('besluit');
  });

  it('refuses bad answers with the field named, and providers cannot grant', async () => {
    const id = await requestId('VOT-1');
    const withReason = await answer(contractManager, id, { answer: 'granted', refusalReason: '2' });
    expect(withReason.statusCode).toBe(400);
    expect(withReason.json().field).toBe('refusalReason');
    const unknown = await answer(contractManager, id, { answer: 'toegekend' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('answer');
    expect((await answer(provider, id, { answer: 'granted' })).statusCode).toBe(403);
    const missing = await answer(contractManager, '00000000-0000-4000-8000-000000000000', {
      answer: 'granted',
    });
    expect(missing.statusCode).toBe(404);
  });
});
