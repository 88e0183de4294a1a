/**
 * The message exchange end to end over the API: a decision's allocation, then the provider's
 * start (305), claim (323) and stop (307), each answered with its return message; the
 * same message twice processed once; hostile, invalid and foreign documents quarantined with
 * nothing else written; providers confined to their own messages.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import {
  createAllocationFixture,
  FIXTURE_AGB,
  FIXTURE_BSN,
  FIXTURE_DATE_OF_BIRTH,
  otherProviderUser,
} from '../../test-support/allocation-fixture.js';
import {
  type ApiClient,
  countRows,
  createHarness,
  type Harness,
  TENANT_A,
} from '../../test-support/app-harness.js';
import {
  careStartMessage,
  careStopMessage,
  claimMessage,
  type MessageEnvelope,
} from '../../test-support/provider-messages.js';
import { addDays, fromEpochDay, toEpochDay } from '../cases/calendar-date.js';
import { messageKind } from './standard/message-kinds.js';
import { parseMessage } from './xml/validate.js';

const BSN = FIXTURE_BSN;
const DATE_OF_BIRTH = FIXTURE_DATE_OF_BIRTH;
const AGB = FIXTURE_AGB;

function monthStart(date: string): string {
  return `${date.slice(0, 8)}01`;
}
function monthEnd(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return fromEpochDay(toEpochDay(next) - 1);
}

describe('message exchange with providers (iWmo 3.2)', () => {
  let h: Harness;
  let provider: ApiClient;
  let allocationNumber: number;
  let caseId: string;
  let worker: ApiClient;
  const today = todayInNetherlands();
  const lastMonthStart = monthStart(addDays(monthStart(today), -1));
  const lastMonthEnd = monthEnd(lastMonthStart);
  const allocationStart = monthStart(addDays(lastMonthStart, -1));
  let sequence = 0;
  const envelope = (overrides: Partial<MessageEnvelope> = {}): MessageEnvelope => {
    sequence += 1;
    return { sender: AGB, receiver: TENANT_A, identification: `T${sequence}`, datedOn: today, ...overrides };
  };
  const client = { bsn: BSN, dateOfBirth: DATE_OF_BIRTH };
  const startLine = () => ({
    allocationNumber,
    productCategory: '01',
    productCode: '01A01',
    allocationStartDate: allocationStart,
    startDate: allocationStart,
  });
  const post = (as: ApiClient, xml: string, headers: Record<string, string> = {}) =>
    as.request('POST', '/api/v1/messages', xml, { 'content-type': 'application/xml', ...headers });
  const allocationStatus = async () =>
    (await worker.request('GET', `/api/v1/cases/${caseId}/decision`)).json().allocations[0].status;

  beforeAll(async () => {
    h = await createHarness();
    const fixture = await createAllocationFixture(h, {
      startDate: allocationStart,
      endDate: addDays(today, 180),
      today,
    });
    ({ worker, caseId, allocationNumber } = fixture);
    expect(allocationNumber).toBeGreaterThan(0);
    provider = await h.as('provider_user');
  });
  afterAll(() => h.close());

  it('takes a start of care, moves the allocation to started and answers with a 306', async () => {
    expect(await allocationStatus()).toBe('allocated');
    const response = await post(provider, careStartMessage(envelope(), client, [startLine()]));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      outcome: 'processed',
      messageName: 'WMO305',
      status: 'accepted',
      findings: [],
    });
    expect(body.returnMessage.name).toBe('WMO306');
    const answer = parseMessage(body.returnMessage.document, messageKind('iwmo', '306').schema);
    expect(answer.ok).toBe(true);
    expect(body.returnMessage.document).toContain('<wmo306:RetourCode>0200</wmo306:RetourCode>');
    expect(body.returnMessage.document).toContain(
      `<wmo306:IdentificatieRetour>${body.returnMessage.identification}</wmo306:IdentificatieRetour>`,
    );
    expect(await allocationStatus()).toBe('started');
  });

  it('processes a message received twice once, and refuses a reused identification with 9056', async () => {
    const first = envelope();
    const xml = careStartMessage(first, client, [{ ...startLine(), allocationNumber: 999_999 }]);
    const once = (await post(provider, xml)).json();
    const messages = await countRows(h.database, 'message');
    const twice = await post(provider, xml);
    expect(twice.statusCode).toBe(200);
    expect(twice.json()).toMatchObject({ outcome: 'already_processed', messageId: once.messageId });
    expect(twice.json().returnMessage.id).toBe(once.returnMessage.id);
    expect(await countRows(h.database, 'message')).toBe(messages);

    const reused = await post(
      provider,
      careStartMessage({ ...first }, client, [startLine()]).replace('Testpersoon', 'Anders'),
    );
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ error: 'MESSAGE_REFUSED', reasonCode: 'DUPLICATE_IDENTIFICATION' });
    expect(reused.json().returnMessage.document).toContain('<wmo306:RetourCode>9056</wmo306:RetourCode>');
  });

  it('refuses a start for an allocation the provider does not have, with TR019 on that line', async () => {
    const response = await post(
      provider,
      careStartMessage(envelope(), client, [{ ...startLine(), allocationNumber: 888_888 }]),
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('rejected');
    expect(body.findings.map((f: { code: string }) => f.code)).toContain('TR019');
    expect(body.findings[0].line).toBeGreaterThan(20);
    expect(body.returnMessage.document).toContain('<wmo306:RetourCode>9019</wmo306:RetourCode>');
  });

  it('awards a correct claim and refuses a service at the wrong tariff (0611) in the 325', async () => {
    const service = {
      bsn: BSN,
      allocationNumber,
      productCategory: '01',
      productCode: '01A01',
      periodStart: lastMonthStart,
      periodEnd: lastMonthEnd,
      deliveredVolume: 4,
      unit: '04',
    };
    const good = await post(
      provider,
      claimMessage(envelope(), { number: 'D1', periodStart: lastMonthStart, periodEnd: lastMonthEnd }, [
        { ...service, referenceNumber: 'R1', tariffCents: 3650, amountCents: 14600 },
      ]),
    );
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ messageName: 'WMO323', status: 'accepted', findings: [] });
    const answer = good.json().returnMessage;
    expect(answer.name).toBe('WMO325');
    expect(parseMessage(answer.document, messageKind('iwmo', '325').schema).ok).toBe(true);
    expect(answer.document).toContain('<wmo325:RetourCode>8001</wmo325:RetourCode>');

    const mixed = await post(
      provider,
      claimMessage(envelope(), { number: 'D2', periodStart: lastMonthStart, periodEnd: lastMonthEnd }, [
        { ...service, referenceNumber: 'R2', deliveredVolume: 1, tariffCents: 9999, amountCents: 9999 },
      ]),
    );
    const body = mixed.json();
    expect(body.status).toBe('rejected');
    expect(body.findings.map((f: { code: string }) => f.code)).toContain('TR418');
    expect(body.returnMessage.document).toContain('<wmo325:RetourCode>0611</wmo325:RetourCode>');
    expect(body.returnMessage.document).toContain('<iwmo:ReferentieNummer>R2</iwmo:ReferentieNummer>');
    const [stored] = await queryRows<{ awarded: string; status: string }>(
      h.database.db,
      sql`select awarded_cents::text as awarded, status from claim where claim_number = 'D1'`,
    );
    expect(stored).toEqual({ awarded: '14600', status: 'awarded' });
  });

  it('lists the claims with what was asked and what was awarded', async () => {
    const list = (await provider.request('GET', '/api/v1/messages/claims')).json();
    const byNumber = new Map(list.items.map((d: { claimNumber: string }) => [d.claimNumber, d]));
    expect(byNumber.get('D1')).toMatchObject({
      submittedCents: 14600,
      awardedCents: 14600,
      status: 'awarded',
      services: 1,
      rejectedServices: 0,
    });
    expect(byNumber.get('D2')).toMatchObject({ awardedCents: 0, status: 'rejected', rejectedServices: 1 });
    const rejected = (await provider.request('GET', '/api/v1/messages/claims?status=rejected')).json();
    expect(rejected.items.map((d: { claimNumber: string }) => d.claimNumber)).toEqual(['D2']);
    const bad = await provider.request('GET', '/api/v1/messages/claims?status=open');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('awarded');
    const elsewhere = await h.as('provider_user', '0002');
    expect((await elsewhere.request('GET', '/api/v1/messages/claims')).json().total).toBe(0);
  });

  it('takes a stop of care and moves the allocation to stopped', async () => {
    const response = await post(
      provider,
      careStopMessage(envelope(), client, [{ ...startLine(), reason: '19', endDate: today }]),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ messageName: 'WMO307', status: 'accepted' });
    expect(response.json().returnMessage.name).toBe('WMO308');
    expect(await allocationStatus()).toBe('stopped');
  });

  it('quarantines hostile, unreadable, invalid and foreign documents and writes nothing else', async () => {
    const before = {
      message: await countRows(h.database, 'message'),
      report: await countRows(h.database, 'care_report'),
      quarantine: await countRows(h.database, 'message_quarantine'),
    };
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`;
    const hostile = await post(provider, laughs, { 'x-file-name': 'lol.xml' });
    expect(hostile.statusCode).toBe(422);
    expect(hostile.json()).toMatchObject({
      error: 'MESSAGE_REFUSED',
      reasonCode: 'UNREADABLE',
      field: 'body',
    });
    expect(hostile.json().findings[0].code).toBe('DOCTYPE');

    const truncated = careStartMessage(envelope(), client, [startLine()]).slice(0, 300);
    expect((await post(provider, truncated)).json().reasonCode).toBe('UNREADABLE');

    const invalid = careStartMessage(envelope(), client, [{ ...startLine(), startDate: '2025-02-30' }]);
    const refused = await post(provider, invalid);
    expect(refused.json().reasonCode).toBe('INVALID');
    expect(refused.json().findings[0]).toMatchObject({ code: 'NONEXISTENT_DATE' });
    expect(refused.json().findings[0].line).toBeGreaterThan(1);

    const foreign = careStartMessage(envelope({ sender: '12345678' }), client, [startLine()]);
    expect((await post(provider, foreign)).json().reasonCode).toBe('WRONG_SENDER');
    const elsewhere = careStartMessage(envelope({ receiver: '0363' }), client, [startLine()]);
    expect((await post(provider, elsewhere)).json().reasonCode).toBe('WRONG_RECEIVER');
    const notAMessage = '<?xml version="1.0"?><Bericht xmlns="urn:iets-anders"/>';
    expect((await post(provider, notAMessage)).json().reasonCode).toBe('UNKNOWN_MESSAGE');

    expect(await countRows(h.database, 'message')).toBe(before.message);
    expect(await countRows(h.database, 'care_report')).toBe(before.report);
    expect(await countRows(h.database, 'message_quarantine')).toBe(before.quarantine + 6);
    const list = (await provider.request('GET', '/api/v1/messages/quarantine')).json();
    expect(list.items[list.items.length - 1]).toBeDefined();
    expect(list.items.some((i: { fileName: string | null }) => i.fileName === 'lol.xml')).toBe(true);
  });

  it('refuses bad requests with a clear error', async () => {
    const empty = await provider.request('POST', '/api/v1/messages', '', {
      'content-type': 'application/xml',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().field).toBe('body');
    const json = await provider.request('POST', '/api/v1/messages', { bericht: 'x' });
    expect(json.statusCode).toBe(415);
    const caseWorker = await post(worker, careStartMessage(envelope(), client, [startLine()]));
    expect(caseWorker.statusCode).toBe(403);
    const badQuery = await provider.request('GET', '/api/v1/messages?type=999');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().message).toContain('301');
    const unknown = await provider.request('GET', '/api/v1/messages/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });

  it('shows a provider only its own messages, and marks an answer fetched', async () => {
    const otherProvider = await otherProviderUser(h, '98000077', 'Andere Zorg');
    expect((await otherProvider.request('GET', '/api/v1/messages')).json().total).toBe(0);
    expect((await otherProvider.request('GET', '/api/v1/messages/quarantine')).json().total).toBe(0);

    const own = (await provider.request('GET', '/api/v1/messages?direction=outbound&status=ready')).json();
    expect(own.total).toBeGreaterThan(0);
    const answerId = own.items[0].id;
    expect((await otherProvider.request('GET', `/api/v1/messages/${answerId}`)).statusCode).toBe(404);
    const fetched = await provider.request('GET', `/api/v1/messages/${answerId}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json().status).toBe('fetched');
    expect(fetched.json().document).toContain('<?xml');

    const elsewhere = await h.as('provider_user', '0002');
    expect((await elsewhere.request('GET', '/api/v1/messages')).json().total).toBe(0);
    const manager = await h.as('contract_manager');
    expect((await manager.request('GET', '/api/v1/messages')).json().total).toBeGreaterThan(own.total);
  });

  it('writes every processing of a message to the processing log', async () => {
    const rows = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from processing_log where activity = 'message.receive'`,
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it('checks a document without sending it', async () => {
    // Any signed-in role may check; this one has no allocations, so only the message itself counts.
    const checker = await h.as('policy_advisor');
    const good = await checker.request(
      'POST',
      '/api/v1/messages/check',
      careStartMessage(envelope(), client, [startLine()]),
      {
        'content-type': 'application/xml',
      },
    );
    expect(good.json()).toEqual({ conforms: true, messageName: 'WMO305', findings: [], truncated: false });
    const badBsn = careStartMessage(envelope(), { ...client, bsn: '123456789' }, [startLine()]);
    const bad = (
      await checker.request('POST', '/api/v1/messages/check', badBsn, { 'content-type': 'text/xml' })
    ).json();
    expect(bad.conforms).toBe(false);
    expect(bad.findings[0]).toMatchObject({ code: 'CS002', returnCode: '0001' });
    expect(bad.findings[0].line).toBeGreaterThan(1);
  });

  it('checks a message of a provider against what the municipality knows, storing nothing', async () => {
    const stored = {
      message: await countRows(h.database, 'message'),
      quarantine: await countRows(h.database, 'message_quarantine'),
    };
    const unknown = careStartMessage(envelope(), client, [{ ...startLine(), allocationNumber: 777_777 }]);
    const checked = (
      await provider.request('POST', '/api/v1/messages/check', unknown, { 'content-type': 'application/xml' })
    ).json();
    expect(checked.conforms).toBe(false);
    expect(checked.findings.map((f: { code: string }) => f.code)).toContain('TR019');
    const foreign = careStartMessage(envelope({ sender: '12345678' }), client, [startLine()]);
    const wrongSender = (
      await provider.request('POST', '/api/v1/messages/check', foreign, { 'content-type': 'application/xml' })
    ).json();
    expect(wrongSender.findings[0].code).toBe('WRONG_SENDER');
    // A municipal role gets the check within the message only: it has no allocations of its own.
    const manager = await h.as('contract_manager');
    const asManager = (
      await manager.request('POST', '/api/v1/messages/check', unknown, { 'content-type': 'application/xml' })
    ).json();
    expect(asManager.conforms).toBe(true);
    expect(await countRows(h.database, 'message')).toBe(stored.message);
    expect(await countRows(h.database, 'message_quarantine')).toBe(stored.quarantine);
  });
});
