/**
 * A provider's requests over the API: a 315 registered per requested product with the five
 * working days the municipality has to answer, TR347 and TR374 across messages, a 317 against
 * the client's current allocations (TR349–TR351), the municipality's answer as a 319 (refused
 * with its reason, or in assessment), overdue answers listed, bad answers refused with nothing
 * written, and providers confined to their own requests.
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
  FIXTURE_BSN,
  FIXTURE_DATE_OF_BIRTH,
  otherProviderUser,
} from '../../test-support/allocation-fixture.js';
import { type ApiClient, createHarness, type Harness, TENANT_A } from '../../test-support/app-harness.js';
import { addDays } from '../cases/calendar-date.js';
import { header } from './codec/provider-message-writer.js';
import { messageKind } from './standard/message-kinds.js';
import { addWorkingDays } from './working-days.js';
import { parseMessage } from './xml/validate.js';
import { writeMessage } from './xml/write.js';

describe('requests from providers (315, 317) and the answer (319)', () => {
  let h: Harness;
  let provider: ApiClient;
  let worker: ApiClient;
  let contractManager: ApiClient;
  let allocationNumber: number;
  let fixture: AllocationFixture;
  const today = todayInNetherlands();
  let sequence = 0;
  const envelope = (identification?: string) => {
    sequence += 1;
    return {
      standard: 'iwmo' as const,
      sender: FIXTURE_AGB,
      receiver: TENANT_A,
      identification: identification ?? `V${sequence}`,
      datedOn: today,
    };
  };
  const requestFor = (references: readonly string[], bsn = FIXTURE_BSN, identification?: string) =>
    writeMessage(
      {
        Header: header('315', envelope(identification)),
        Client: {
          Bsn: bsn,
          Geboortedatum: { Datum: FIXTURE_DATE_OF_BIRTH },
          Geslacht: '2',
          Naam: { Geslachtsnaam: { Achternaam: 'Çelik-Brüggen' } },
          AangevraagdeProducten: {
            AangevraagdProduct: references.map((reference) => ({
              ReferentieAanbieder: reference,
              Product: { Categorie: '01', Code: '01A01' },
              ToewijzingIngangsdatum: addDays(today, 14),
              ToewijzingEinddatum: addDays(today, 200),
              Omvang: { Volume: '4', Eenheid: '04', Frequentie: '2' },
              Verwijzer: { Type: '01' },
            })),
          },
        },
      },
      messageKind('iwmo', '315').schema,
    );
  const changeFor = (reference: string, parts: { unchanged?: number[]; changed?: number[] }) => {
    const verzoek: Record<string, unknown> = { ReferentieAanbieder: reference, RedenVerzoek: '1' };
    if (parts.unchanged) {
      verzoek.OngewijzigdeProducten = {
        OngewijzigdProduct: parts.unchanged.map((n) => ({ ToewijzingNummer: String(n) })),
      };
    }
    if (parts.changed) {
      verzoek.TeWijzigenProducten = {
        TeWijzigenProduct: parts.changed.map((n) => ({
          ToewijzingNummer: String(n),
          GewensteIngangsdatum: addDays(today, 7),
          Omvang: { Volume: '5', Eenheid: '04', Frequentie: '2' },
        })),
      };
    }
    return writeMessage(
      { Header: header('317', envelope()), Client: { Bsn: FIXTURE_BSN, Verzoek: verzoek } } as never,
      messageKind('iwmo', '317').schema,
    );
  };
  const post = (as: ApiClient, xml: string) =>
    as.request('POST', '/api/v1/messages', xml, { 'content-type': 'application/xml' });
  const requests = async (as: ApiClient, query = '') =>
    (await as.request('GET', `/api/v1/messages/requests?limit=50&offset=0${query}`)).json();
  const requestRows = async () =>
    (await queryRows<{ n: number }>(h.database.db, sql`select count(*)::int as n from allocation_request`))[0]
      ?.n;

  beforeAll(async () => {
    h = await createHarness();
    fixture = await createAllocationFixture(h, {
      startDate: addDays(today, -30),
      endDate: addDays(today, 150),
      today,
    });
    ({ worker, allocationNumber } = fixture);
    provider = await h.as('provider_user');
    contractManager = await h.as('contract_manager');
  });
  afterAll(() => h.close());

  it('registers a 315 per requested product, answers it with a 316 and gives five working days', async () => {
    const response = await post(provider, requestFor(['REF-1', 'REF-2']));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      outcome: 'processed',
      messageName: 'WMO315',
      status: 'accepted',
      findings: [],
    });
    expect(body.returnMessage.name).toBe('WMO316');
    expect(parseMessage(body.returnMessage.document, messageKind('iwmo', '316').schema).ok).toBe(true);
    expect(body.returnMessage.document).toContain('<wmo316:RetourCode>0200</wmo316:RetourCode>');
    const list = await requests(contractManager);
    expect(list.total).toBe(2);
    expect(list.overdue).toBe(0);
    expect(list.items.map((r: { reference: string }) => r.reference).sort()).toEqual(['REF-1', 'REF-2']);
    expect(list.items[0]).toMatchObject({
      status: 'open',
      requestType: '315',
      bsn: FIXTURE_BSN,
      answerDueOn: addWorkingDays(today, 5),
      overdue: false,
    });
    expect(list.items[0].requested.products[0]).toMatchObject({
      kind: 'new',
      productCode: '01A01',
      volume: 4,
    });
  });

  it('refuses a second request while one is pending (TR374) and a reused reference (TR347)', async () => {
    const response = await post(provider, requestFor(['REF-1', 'REF-3']));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('rejected');
    const codes = body.findings.map((f: { code: string }) => f.code).sort();
    expect(codes).toEqual(['TR347', 'TR374', 'TR374']);
    expect(body.returnMessage.document).toContain('<wmo316:RetourCode>9374</wmo316:RetourCode>');
    expect(body.returnMessage.document).toContain('<wmo316:RetourCode>9347</wmo316:RetourCode>');
    expect(await requestRows()).toBe(2);
  });

  it('answers with a 319: a request refused with its reason, another taken into assessment', async () => {
    const list = await requests(contractManager);
    const [first, second] = list.items;
    const refused = await contractManager.request('POST', `/api/v1/messages/requests/${first.id}/answer`, {
      answer: 'refused',
      refusalReason: '3',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().status).toBe('refused');
    const views = async () =>
      (
        await queryRows<{ n: number }>(
          h.database.db,
          sql`select count(*)::int as n from processing_log where activity = 'message.view' and resident_id = ${fixture.residentId}::uuid`,
        )
      )[0]?.n ?? 0;
    const viewsBefore = await views();
    const answer = (
      await provider.request('GET', `/api/v1/messages/${refused.json().answerMessageId}`)
    ).json();
    // The 319 names the client only through the request: reading it is logged for the client.
    expect(await views()).toBe(viewsBefore + 1);
    expect(answer.messageName).toBe('WMO319');
    expect(parseMessage(answer.document, messageKind('iwmo', '319').schema).ok).toBe(true);
    expect(answer.document).toContain(
      `<wmo319:ReferentieAanbieder>${first.reference}</wmo319:ReferentieAanbieder>`,
    );
    expect(answer.document).toContain('<wmo319:VerzoekAntwoord>1</wmo319:VerzoekAntwoord>');
    expect(answer.document).toContain('<wmo319:RedenAfwijzingVerzoek>3</wmo319:RedenAfwijzingVerzoek>');

    const assessing = await contractManager.request('POST', `/api/v1/messages/requests/${second.id}/answer`, {
      answer: 'in_assessment',
    });
    expect(assessing.json().status).toBe('in_assessment');
    // Still pending for TR374; taken into assessment once only; refusable later.
    const again = await contractManager.request('POST', `/api/v1/messages/requests/${second.id}/answer`, {
      answer: 'in_assessment',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('answer');
    const twice = await contractManager.request('POST', `/api/v1/messages/requests/${first.id}/answer`, {
      answer: 'refused',
      refusalReason: '3',
    });
    expect(twice.statusCode).toBe(409);
    const after = await requests(contractManager);
    expect(after.items.map((r: { status: string }) => r.status).sort()).toEqual(['in_assessment', 'refused']);
    expect(after.items.find((r: { status: string }) => r.status === 'refused').answeredBy).toBeTruthy();
  });

  it('refuses bad answers with the field named, and writes nothing', async () => {
    const [open] = (await requests(contractManager, '&status=in_assessment')).items;
    const before = await queryRows(h.database.db, sql`select count(*)::int as n from message`);
    const cases: [unknown, number, string][] = [
      [{ answer: 'refused' }, 400, 'refusalReason'],
      [{ answer: 'refused', refusalReason: '12' }, 400, 'refusalReason'],
      [{ answer: 'refused', refusalReason: 'constructor' }, 400, 'refusalReason'],
      [{ answer: 'in_assessment', refusalReason: '3' }, 400, 'refusalReason'],
      [{ answer: 'toegekend' }, 400, 'answer'],
      [{ answer: 'refused', refusalReason: '3', extra: 1 }, 400, ''],
    ];
    for (const [body, status, field] of cases) {
      const response = await contractManager.request(
        'POST',
        `/api/v1/messages/requests/${open.id}/answer`,
        body,
      );
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      if (field) expect(response.json().field, JSON.stringify(body)).toBe(field);
    }
    const unknown = await contractManager.request(
      'POST',
      `/api/v1/messages/requests/${crypto.randomUUID()}/answer`,
      {
        answer: 'in_assessment',
      },
    );
    expect(unknown.statusCode).toBe(404);
    expect(
      (
        await contractManager.request('POST', '/api/v1/messages/requests/geen-id/answer', {
          answer: 'in_assessment',
        })
      ).statusCode,
    ).toBe(400);
    // A case worker judges cases, not requests; a provider cannot answer its own request.
    expect(
      (
        await worker.request('POST', `/api/v1/messages/requests/${open.id}/answer`, {
          answer: 'in_assessment',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await provider.request('POST', `/api/v1/messages/requests/${open.id}/answer`, {
          answer: 'refused',
          refusalReason: '2',
        })
      ).statusCode,
    ).toBe(403);
    expect((await contractManager.request('GET', '/api/v1/messages/requests?overdue=soms')).statusCode).toBe(
      400,
    );
    expect(await queryRows(h.database.db, sql`select count(*)::int as n from message`)).toEqual(before);
  });

  it('takes a 317 that names the current allocations, and refuses one that does not (TR349–TR351)', async () => {
    // The pending 315 in assessment is refused first: TR374 would hold every new request.
    const [pending] = (await requests(contractManager, '&status=in_assessment')).items;
    await contractManager.request('POST', `/api/v1/messages/requests/${pending.id}/answer`, {
      answer: 'refused',
      refusalReason: '4',
    });
    const unknown = (await post(provider, changeFor('W-1', { changed: [allocationNumber, 999_999] }))).json();
    expect(unknown.status).toBe('rejected');
    expect(unknown.findings.map((f: { code: string }) => f.code)).toEqual(['TR351']);
    const incomplete = (await post(provider, changeFor('W-2', {}))).json();
    expect(incomplete.findings.map((f: { code: string }) => f.code)).toEqual(['TR349']);
    const right = (await post(provider, changeFor('W-3', { changed: [allocationNumber] }))).json();
    expect(right).toMatchObject({ status: 'accepted', findings: [] });
    expect(right.returnMessage.name).toBe('WMO318');
    const [change] = (await requests(contractManager, '&status=open')).items;
    expect(change).toMatchObject({ requestType: '317', reference: 'W-3' });
    expect(change.requested.products).toEqual([
      {
        kind: 'changed',
        allocationNumber,
        startDate: addDays(today, 7),
        volume: 5,
        unit: '04',
        frequency: '2',
      },
    ]);
  });

  it('lists overdue answers', async () => {
    // Owner privileges: as if the request had come in two weeks ago.
    await h.database.db.execute(
      sql`update allocation_request set answer_due_on = ${addDays(today, -3)} where status = 'open'`,
    );
    const overdue = await requests(contractManager, '&overdue=true');
    expect(overdue.total).toBe(1);
    expect(overdue.overdue).toBe(1);
    expect(overdue.items[0]).toMatchObject({ reference: 'W-3', overdue: true });
  });

  it('grants a request with the 301 of a decision that allocates the requested product (TR379)', async () => {
    const bsn = '999990093';
    expect((await post(provider, requestFor(['REF-NEW'], bsn))).json().status).toBe('accepted');
    const granted = await allocateAnother(fixture, {
      startDate: addDays(today, 14),
      endDate: addDays(today, 200),
      bsn,
    });
    expect(granted.notices).toEqual([]);
    const [request] = (await requests(contractManager, '&status=granted')).items;
    expect(request).toMatchObject({ reference: 'REF-NEW', bsn, status: 'granted' });
    const answer = (
      await contractManager.request('GET', `/api/v1/messages/${request.answerMessageId}`)
    ).json();
    expect(answer.messageName).toBe('WMO301');
    expect(answer.document).toContain('<wmo301:ReferentieAanbieder>REF-NEW</wmo301:ReferentieAanbieder>');
    expect(answer.document).toContain(
      `<wmo301:ToewijzingNummer>${granted.allocationNumber}</wmo301:ToewijzingNummer>`,
    );
    // Granted is final.
    const late = await contractManager.request('POST', `/api/v1/messages/requests/${request.id}/answer`, {
      answer: 'refused',
      refusalReason: '2',
    });
    expect(late.statusCode).toBe(409);
  });

  it('shows a provider only its own requests', async () => {
    const elsewhere = await otherProviderUser(h, '98000079', 'Ander');
    expect((await requests(elsewhere)).total).toBe(0);
    expect((await requests(provider)).total).toBe(4);
  });
  it('processes a request sent twice once, and refuses a reused identification with 9056', async () => {
    const xml = requestFor(['REF-9'], '999990111', 'DUBBEL');
    const first = await post(provider, xml);
    expect(first.json().status).toBe('accepted');
    expect((await post(provider, xml)).json().outcome).toBe('already_processed');
    const reused = await post(provider, requestFor(['REF-10'], '999990123', 'DUBBEL'));
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ reasonCode: 'DUPLICATE_IDENTIFICATION' });
    expect(reused.json().returnMessage.name).toBe('WMO316');
    expect(reused.json().returnMessage.document).toContain('<wmo316:RetourCode>9056</wmo316:RetourCode>');
    // Only the first one is a request.
    const [request] = (await requests(contractManager)).items.filter(
      (r: { reference: string }) => r.reference === 'REF-9',
    );
    expect(
      (
        await contractManager.request('POST', `/api/v1/messages/requests/${request.id}/answer`, {
          answer: 'refused',
          refusalReason: '5',
        })
      ).statusCode,
    ).toBe(200);
  });
});
