import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { type ApiClient, countRows, createHarness, type Harness } from '../../test-support/app-harness.js';
import { addDays } from './calendar-date.js';

describe('decisions and allocations', () => {
  let h: Harness;
  let worker: ApiClient;
  let residentId: string;
  let provisionId: string;
  let youthProvisionId: string;
  let contractId: string;
  let providerId: string;
  const today = todayInNetherlands();
  const reportDate = addDays(today, -50);

  /** A Wmo case taken through assessment to the application, ready for a decision. */
  async function appliedCase(): Promise<string> {
    const opened = await worker.request('POST', '/api/v1/cases', {
      residentId,
      law: 'wmo',
      reportDate,
      request: 'Hulp in het huishouden nodig.',
      at: `${reportDate}T09:00:00+01:00`,
    });
    const id = opened.json().id;
    const steps = ['start_assessment', 'complete_assessment', 'apply'];
    for (const [i, type] of steps.entries()) {
      const at = `${addDays(reportDate, 5 + i * 5)}T10:00:00+01:00`;
      expect((await worker.request('POST', `/api/v1/cases/${id}/events`, { type, at })).statusCode).toBe(200);
    }
    return id;
  }

  const inKind = (overrides: Record<string, unknown> = {}) => ({
    provisionId,
    granted: true,
    form: 'in_kind',
    providerId,
    contractId,
    volume: 3,
    frequency: '2',
    startDate: addDays(today, -1),
    endDate: addDays(today, 180),
    reasoning:
      'Mevrouw kan door haar heupoperatie het huis niet zelf schoonhouden; haar netwerk kan dit niet overnemen.',
    ...overrides,
  });

  beforeAll(async () => {
    h = await createHarness();
    providerId = h.providerIds['0001'] ?? '';
    const admin = await h.as('administrator');
    const team = (await admin.request('POST', '/api/v1/teams', { name: 'Wijkteam West' })).json().id;
    worker = await h.as('case_worker');
    await admin.request('PUT', `/api/v1/teams/${team}/members`, { accountIds: [worker.accountId] });
    const policy = await h.as('policy_advisor');
    provisionId = (
      await policy.request('POST', '/api/v1/provisions', {
        code: 'WMO-HH1',
        name: 'Hulp bij het huishouden',
        law: 'wmo',
        kind: 'tailored',
        productCategory: '01',
        productCode: '01A01',
        unit: '04',
        intent: 'Zelfstandig wonen in een schoon huis.',
      })
    ).json().id;
    youthProvisionId = (
      await policy.request('POST', '/api/v1/provisions', {
        code: 'JW-AMB',
        name: 'Ambulante jeugdhulp',
        law: 'youth',
        kind: 'tailored',
        productCategory: '45',
        unit: '04',
        intent: 'Kinderen groeien veilig op.',
      })
    ).json().id;
    const cm = await h.as('contract_manager');
    contractId = (
      await cm.request('POST', '/api/v1/contracts', {
        providerId,
        reference: 'INK-HH-2025',
        financingVariant: 'effort',
        startDate: addDays(today, -400),
        endDate: addDays(today, 365),
        budgetCeilingCents: 50_000_000,
        lines: [{ provisionId, tariffCents: 3650 }],
      })
    ).json().id;
    residentId = (
      await worker.request('POST', '/api/v1/residents', {
        bsn: '999990068',
        name: 'Zoë Çelik-Brüggen',
        dateOfBirth: '1950-03-03',
        neighbourhoodCode: null,
      })
    ).json().id;
  });
  afterAll(() => h.close());

  it('grants a tailored provision in kind, allocates it to the provider, and writes the letter', async () => {
    const caseId = await appliedCase();
    const response = await worker.request('POST', `/api/v1/cases/${caseId}/decision`, { lines: [inKind()] });
    expect(response.statusCode, response.body).toBe(201);
    const decision = response.json();
    expect(decision).toMatchObject({
      outcome: 'granted',
      lines: [
        {
          provisionName: 'Hulp bij het huishouden',
          providerName: 'Zorg Testdam',
          unit: '04',
          frequency: '2',
        },
      ],
      allocations: [
        { provisionId, providerId, contractId, volume: 3, unit: '04', frequency: '2', status: 'allocated' },
      ],
    });
    const caseView = await worker.request('GET', `/api/v1/cases/${caseId}`);
    expect(caseView.json().status).toBe('decided');

    const letter = await worker.request('GET', `/api/v1/cases/${caseId}/decision/letter`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.headers['content-disposition']).toContain('beschikking-');
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const again = await worker.request('POST', `/api/v1/cases/${caseId}/decision`, { lines: [inKind()] });
    expect(again.statusCode).toBe(409);
  });

  it('refuses with reasoning and refers to nothing, without an allocation', async () => {
    const caseId = await appliedCase();
    const refused = await worker.request('POST', `/api/v1/cases/${caseId}/decision`, {
      lines: [
        {
          provisionId,
          granted: false,
          reasoning: 'De inwoner kan met hulp van zijn zoon het huishouden doen.',
        },
      ],
    });
    expect(refused.statusCode, refused.body).toBe(201);
    expect(refused.json()).toMatchObject({ outcome: 'refused', allocations: [] });
  });

  it('names the rule that a bad decision line breaks, and writes nothing', async () => {
    const caseId = await appliedCase();
    const before = {
      decisions: await countRows(h.database, 'case_decision'),
      allocations: await countRows(h.database, 'allocation'),
    };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [inKind({ contractId: null }), 'lines.0.contractId', /geldig contract/],
      [inKind({ volume: 0 }), 'lines.0.volume', /Omvang/],
      [inKind({ volume: -2 }), 'lines.0.volume', /Omvang/],
      [inKind({ endDate: addDays(today, -30) }), 'lines.0.endDate', /vóór de ingangsdatum/],
      [inKind({ endDate: null }), 'lines.0.endDate', /per week/],
      [inKind({ frequency: '9' }), 'lines.0.frequency', /frequentie/],
      [inKind({ providerId: h.providerIds['0002'] }), 'lines.0.contractId', /geldig contract/],
      [inKind({ endDate: addDays(today, 900) }), 'lines.0.endDate', /looptijd van contract/],
      [inKind({ provisionId: youthProvisionId }), 'lines.0.provisionId', /wet van deze casus/],
      [
        inKind({ provisionId: '00000000-0000-4000-8000-000000000000' }),
        'lines.0.provisionId',
        /bestaat niet/,
      ],
      [inKind({ form: null }), 'lines.0.form', /natura/],
      [inKind({ form: 'personal_budget' }), 'lines.0.providerId', /persoonsgebonden budget/],
      [inKind({ reasoning: '' }), 'lines.0.reasoning', /motivering/],
      [inKind({ granted: false }), 'lines.0.form', /afgewezen/],
    ];
    for (const [line, field, message] of cases) {
      const response = await worker.request('POST', `/api/v1/cases/${caseId}/decision`, { lines: [line] });
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400);
      expect(response.json().field).toBe(field);
      expect(response.json().message).toMatch(message);
    }
    // Stapeling: the first test's allocation of the same product by the same provider overlaps.
    const stacked = await worker.request('POST', `/api/v1/cases/${caseId}/decision`, { lines: [inKind()] });
    expect(stacked.statusCode).toBe(400);
    expect(stacked.json()).toMatchObject({ field: 'lines.0.startDate' });
    expect(stacked.json().message).toMatch(/stapeling/);
    const twice = await worker.request('POST', `/api/v1/cases/${caseId}/decision`, {
      lines: [
        inKind({ startDate: addDays(today, 400), endDate: null, frequency: '4' }),
        inKind({ startDate: addDays(today, 420), endDate: null, frequency: '4' }),
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().field).toMatch(/^lines\.[01]\./);
    expect(await countRows(h.database, 'case_decision')).toBe(before.decisions);
    expect(await countRows(h.database, 'allocation')).toBe(before.allocations);
    expect((await worker.request('GET', `/api/v1/cases/${caseId}`)).json().status).toBe('applied');
  });

  it('refuses a decision the law does not allow yet', async () => {
    const opened = await worker.request('POST', '/api/v1/cases', {
      residentId,
      law: 'wmo',
      reportDate: today,
      request: 'Vraag om een scootmobiel.',
    });
    const response = await worker.request('POST', `/api/v1/cases/${opened.json().id}/decision`, {
      lines: [{ provisionId, granted: false, reasoning: 'Nog niet onderzocht.' }],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'INVALID_TRANSITION' });
    expect((await worker.request('GET', `/api/v1/cases/${opened.json().id}/decision`)).statusCode).toBe(404);
  });

  it('keeps decisions within the team and the municipality', async () => {
    const caseId = await appliedCase();
    const board = await h.as('board_member');
    expect((await board.request('GET', `/api/v1/cases/${caseId}/decision/letter`)).statusCode).toBe(403);
    const elsewhere = await h.as('case_worker', '0002');
    expect(
      (await elsewhere.request('POST', `/api/v1/cases/${caseId}/decision`, { lines: [inKind()] })).statusCode,
    ).toBe(404);
  });
});
