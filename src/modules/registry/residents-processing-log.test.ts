import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, countRows, createHarness, type Harness } from '../../test-support/app-harness.js';

// Test BSNs from the reserved range 999900006–999999990 that pass the eleven-test.
const BSN_1 = '999990019';
const BSN_2 = '999990020';

describe('residents and the processing log', () => {
  let h: Harness;
  let caseWorker: ApiClient;
  let residentId: string;

  beforeAll(async () => {
    h = await createHarness();
    caseWorker = await h.as('case_worker');
    const policy = await h.as('policy_advisor');
    expect(
      (await policy.request('POST', '/api/v1/districts', { code: 'WK000101', name: 'Centrum' })).statusCode,
    ).toBe(201);
    expect(
      (
        await policy.request('POST', '/api/v1/neighbourhoods', {
          code: 'BU00010101',
          name: 'Oude Haven',
          districtCode: 'WK000101',
          population: 1200,
        })
      ).statusCode,
    ).toBe(201);
    const created = await caseWorker.request('POST', '/api/v1/residents', {
      bsn: BSN_1,
      name: 'Sanne Bakker',
      dateOfBirth: '1948-02-29',
      neighbourhoodCode: 'BU00010101',
    });
    expect(created.statusCode).toBe(201);
    residentId = created.json().id;
  });
  afterAll(() => h.close());

  it('registers, finds and updates a resident, with the neighbourhood name', async () => {
    const found = await caseWorker.request('GET', '/api/v1/residents?search=bakker');
    expect(found.json()).toMatchObject({
      total: 1,
      items: [{ id: residentId, bsn: BSN_1, neighbourhoodName: 'Oude Haven' }],
    });
    expect((await caseWorker.request('GET', `/api/v1/residents?search=${BSN_1}`)).json().total).toBe(1);
    const updated = await caseWorker.request('PUT', `/api/v1/residents/${residentId}`, {
      bsn: BSN_1,
      name: 'Sanne Bakker-de Vries',
      dateOfBirth: '1948-02-29',
      neighbourhoodCode: null,
    });
    expect(updated.json()).toMatchObject({
      name: 'Sanne Bakker-de Vries',
      neighbourhoodCode: null,
      neighbourhoodName: null,
    });
  });

  it('rejects invalid residents with the field named and writes nothing', async () => {
    const before = await countRows(h.database, 'resident');
    const logBefore = await countRows(h.database, 'processing_log');
    const base = { bsn: BSN_2, name: 'Jan Jansen', dateOfBirth: '1980-05-01', neighbourhoodCode: null };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, bsn: '123456789' }, 400, 'bsn'],
      [{ ...base, bsn: '12345678' }, 400, 'bsn'],
      [{ ...base, bsn: 999990020 }, 400, 'bsn'],
      [{ ...base, dateOfBirth: '1980-02-30' }, 400, 'dateOfBirth'],
      [{ ...base, dateOfBirth: '2099-01-01' }, 400, 'dateOfBirth'],
      [{ ...base, dateOfBirth: '01-05-1980' }, 400, 'dateOfBirth'],
      [{ ...base, neighbourhoodCode: 'BU99999999' }, 400, 'neighbourhoodCode'],
      [{ ...base, neighbourhoodCode: 'Centrum' }, 400, 'neighbourhoodCode'],
      [{ ...base, name: '   ' }, 400, 'name'],
      [{ ...base, bsn: BSN_1 }, 409, 'bsn'],
    ];
    for (const [body, status, field] of cases) {
      const response = await caseWorker.request('POST', '/api/v1/residents', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().field).toBe(field);
    }
    expect(await countRows(h.database, 'resident')).toBe(before);
    expect(await countRows(h.database, 'processing_log')).toBe(logBefore);
  });

  it('writes the processing log for every resident read and change, with actor, purpose and trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const viewed = await caseWorker.request('GET', `/api/v1/residents/${residentId}`, undefined, {
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      'x-request-id': 'verzoek-42',
    });
    expect(viewed.statusCode).toBe(200);

    const officer = await h.as('privacy_officer');
    const log = await officer.request('GET', `/api/v1/processing-log?residentId=${residentId}&limit=50`);
    expect(log.statusCode).toBe(200);
    const entries = log.json().items as Record<string, unknown>[];
    expect(new Set(entries.map((e) => e.activity))).toEqual(
      new Set(['resident.register', 'resident.search', 'resident.update', 'resident.view']),
    );
    const view = entries.find((e) => e.activity === 'resident.view');
    expect(view).toMatchObject({
      actorId: caseWorker.accountId,
      actorRole: 'case_worker',
      action: 'read',
      residentId,
      requestId: 'verzoek-42',
      traceId,
      confidentiality: 'confidential',
      retentionPeriod: 'P15Y',
    });
    expect(String(view?.purpose)).toMatch(/identiteit/);
    expect(view?.objects).toContainEqual({ type: 'persoon', identifierType: 'BSN', identifier: BSN_1 });

    // The officer's own reading of the log is logged too: newest first, by the officer.
    const byBsn = await officer.request('GET', `/api/v1/processing-log?bsn=${BSN_1}&limit=50`);
    const [ownRead, ...rest] = byBsn.json().items as Record<string, unknown>[];
    expect(ownRead).toMatchObject({
      activity: 'processing-log.view',
      actorId: officer.accountId,
      actorRole: 'privacy_officer',
      action: 'read',
      residentId,
    });
    expect(rest.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect((await officer.request('GET', `/api/v1/processing-log?bsn=${BSN_2}`)).json().total).toBe(0);
    const byActor = await officer.request('GET', `/api/v1/processing-log?actorId=${caseWorker.accountId}`);
    expect(byActor.json().total).toBe(entries.length);
    const today = new Date().toISOString().slice(0, 10);
    const byPeriod = await officer.request(
      'GET',
      `/api/v1/processing-log?from=${today}&to=${today}&limit=50`,
    );
    const notReads = (byPeriod.json().items as Record<string, unknown>[]).filter(
      (e) => e.activity !== 'processing-log.view',
    );
    expect(notReads.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    const before = await officer.request('GET', '/api/v1/processing-log?to=2000-01-01');
    expect(before.json().total).toBe(0);
  });

  it('exports the log as NDJSON in the Logboek Dataverwerkingen shape', async () => {
    const officer = await h.as('privacy_officer');
    const response = await officer.request('GET', `/api/v1/processing-log/export?residentId=${residentId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    expect(response.headers['content-disposition']).toContain('attachment');
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines[0]).toMatchObject({
      trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      span_id: expect.stringMatching(/^[0-9a-f]{16}$/),
      attributes: {
        'dpl.core.data_subject_id': residentId,
        'dpl.core.processing_activity_id': expect.any(String),
      },
    });
  });

  it('rejects bad log queries', async () => {
    const officer = await h.as('privacy_officer');
    for (const query of [
      'residentId=1',
      'bsn=12345',
      'bsn=abcdefghi',
      'from=2026-13-01',
      'from=2026-02-01&to=2026-01-01',
      'actorId=abc',
      'x=1',
    ]) {
      const response = await officer.request('GET', `/api/v1/processing-log?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().field).toBeDefined();
    }
  });

  it('keeps residents and log entries within the municipality', async () => {
    const other = await h.as('case_worker', '0002');
    expect((await other.request('GET', `/api/v1/residents/${residentId}`)).statusCode).toBe(404);
    expect((await other.request('GET', '/api/v1/residents?search=Bakker')).json().total).toBe(0);
    expect((await other.request('GET', `/api/v1/residents?search=${BSN_1}`)).json().total).toBe(0);
    const otherOfficer = await h.as('privacy_officer', '0002');
    const log = await otherOfficer.request('GET', `/api/v1/processing-log?residentId=${residentId}`);
    expect(log.json().total).toBe(0);
  });
  it('lists residents only for a search by name or full BSN, never all of them', async () => {
    for (const query of ['', '?search=', '?search=B', '?search=1234', '?limit=500']) {
      const response = await caseWorker.request('GET', `/api/v1/residents${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().field).toBe('search');
    }
  });

  it('logs a corrected BSN under the old and the new number', async () => {
    const created = await caseWorker.request('POST', '/api/v1/residents', {
      bsn: '999990032',
      name: 'Piet Verschrijving',
      dateOfBirth: '1990-01-01',
      neighbourhoodCode: null,
    });
    const id = created.json().id;
    await caseWorker.request('PUT', `/api/v1/residents/${id}`, {
      bsn: '999990044',
      name: 'Piet Verschrijving',
      dateOfBirth: '1990-01-01',
      neighbourhoodCode: null,
    });
    const officer = await h.as('privacy_officer');
    const byOld = await officer.request('GET', '/api/v1/processing-log?bsn=999990032');
    expect(
      byOld
        .json()
        .items.map((e: { activity: string }) => e.activity)
        .sort(),
    ).toEqual(['resident.register', 'resident.update']);
  });
});
