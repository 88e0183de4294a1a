import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { addDays } from '../cases/calendar-date.js';

describe('client monitor API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('answers policy and board with disclosed aggregates, case workers with exact ones', async () => {
    const board = await (await h.as('board_member')).request('GET', '/api/v1/monitor/clients');
    expect(board.statusCode).toBe(200);
    expect(board.json()).toMatchObject({ disclosureApplied: true, byProvision: [], leadTimes: [] });
    const worker = await (await h.as('case_worker')).request('GET', '/api/v1/monitor/clients');
    expect(worker.json().disclosureApplied).toBe(false);
  });

  it('counts a decided, assessed and evaluated case under its provision, provider, law and quarter', async () => {
    const today = todayInNetherlands();
    const reportDate = addDays(today, -60);
    const admin = await h.as('administrator');
    const team = (await admin.request('POST', '/api/v1/teams', { name: 'Wijkteam Monitor' })).json().id;
    const worker = await h.as('case_worker');
    await admin.request('PUT', `/api/v1/teams/${team}/members`, { accountIds: [worker.accountId] });
    const provisionId = (
      await (
        await h.as('policy_advisor')
      ).request('POST', '/api/v1/provisions', {
        code: 'WMO-BEG',
        name: 'Begeleiding individueel',
        law: 'wmo',
        kind: 'tailored',
        productCategory: '02',
        unit: '04',
        intent: 'Zelfstandig blijven wonen.',
      })
    ).json().id;
    const providerId = h.providerIds['0001'] ?? '';
    const contractId = (
      await (
        await h.as('contract_manager')
      ).request('POST', '/api/v1/contracts', {
        providerId,
        reference: 'INK-BEG',
        financingVariant: 'effort',
        startDate: addDays(today, -365),
        endDate: addDays(today, 365),
        budgetCeilingCents: 1_000_000,
        lines: [{ provisionId, tariffCents: 6800 }],
      })
    ).json().id;
    const residentId = (
      await worker.request('POST', '/api/v1/residents', {
        bsn: '999990081',
        name: 'Karel Monitor',
        dateOfBirth: '1960-01-01',
        neighbourhoodCode: null,
      })
    ).json().id;
    const caseId = (
      await worker.request('POST', '/api/v1/cases', {
        residentId,
        law: 'wmo',
        reportDate,
        request: 'Ik raak het overzicht kwijt.',
        at: `${reportDate}T09:00:00+01:00`,
      })
    ).json().id;
    for (const [i, type] of ['start_assessment', 'complete_assessment', 'apply'].entries()) {
      const at = `${addDays(reportDate, 3 + i * 3)}T10:00:00+01:00`;
      expect((await worker.request('POST', `/api/v1/cases/${caseId}/events`, { type, at })).statusCode).toBe(
        200,
      );
    }
    const assessment = await worker.request('PUT', `/api/v1/cases/${caseId}/assessment`, {
      lifeDomains: ['finances'],
      selfReliance: 'Kan zelf boodschappen doen.',
      network: 'Dochter helpt één keer per maand.',
      goals: [{ domain: 'finances', description: 'Zelf de post en rekeningen bijhouden.' }],
      zrmIntake: { finances: 2 },
      plannedEvaluationDate: today,
    });
    expect(assessment.statusCode, assessment.body).toBe(200);
    const decision = await worker.request('POST', `/api/v1/cases/${caseId}/decision`, {
      at: `${addDays(reportDate, 20)}T10:00:00+01:00`,
      lines: [
        {
          provisionId,
          granted: true,
          form: 'in_kind',
          providerId,
          contractId,
          volume: 2,
          frequency: '4',
          startDate: addDays(reportDate, 21),
          endDate: addDays(today, 300),
          reasoning: 'Begeleiding bij de administratie is nodig.',
        },
      ],
    });
    expect(decision.statusCode, decision.body).toBe(201);
    const goalId = assessment.json().goals[0].id;
    const evaluation = await worker.request('POST', `/api/v1/cases/${caseId}/evaluations`, {
      evaluatedOn: today,
      goalAttainment: [{ goalId, attained: 'yes' }],
      zrm: { finances: 4 },
    });
    expect(evaluation.statusCode, evaluation.body).toBe(201);
    expect(evaluation.json().outcome).toBe('compensated');

    const monitor = (await worker.request('GET', '/api/v1/monitor/clients')).json();
    expect(monitor.byProvision).toEqual([
      expect.objectContaining({
        key: provisionId,
        label: 'Begeleiding individueel',
        evaluated: { value: 1, suppressed: false },
      }),
    ]);
    expect(monitor.byProvider[0]).toMatchObject({ label: 'Zorg Testdam', compensationRate: { value: 100 } });
    expect(monitor.byLaw[0]).toMatchObject({ label: 'Wmo 2015' });
    expect(monitor.zrmChange[0]).toMatchObject({ domain: 'finances', improved: { value: 1 } });
    expect(monitor.leadTimes[0]).toMatchObject({
      decided: { value: 1 },
      medianDays: 20,
      decidedLate: { value: 0 },
    });
    const board = (await (await h.as('board_member')).request('GET', '/api/v1/monitor/clients')).json();
    expect(board.byProvision[0]).toMatchObject({ evaluated: { value: null, suppressed: true } });
  });

  it('is closed to the privacy officer and provider users', async () => {
    for (const role of ['privacy_officer', 'provider_user'] as const) {
      expect((await (await h.as(role)).request('GET', '/api/v1/monitor/clients')).statusCode, role).toBe(403);
    }
  });
});
