import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { type ApiClient, createHarness, type Harness, twoCaseTeams } from '../../test-support/app-harness.js';
import { addDays } from '../cases/calendar-date.js';
import { backfillCaseOutcomes } from '../cases/outcome-facts.js';

interface Registry {
  provisionId: string;
  providerId: string;
  contractId: string;
}

const today = todayInNetherlands();

/** A provision with a contract for the test tenant's provider. */
async function registry(h: Harness): Promise<Registry> {
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
  return { provisionId, providerId, contractId };
}

/**
 * A Wmo case of a new resident taken through report, assessment, application and decision,
 * reported 60 days ago and decided on day 20; evaluated when `evaluation` is given.
 */
async function decidedCase(
  worker: ApiClient,
  reg: Registry,
  resident: { bsn: string; name: string },
  evaluation?: { attained: 'yes' | 'partly' | 'no'; financesAfter: number },
): Promise<{ caseId: string; residentId: string; goalId: string }> {
  const reportDate = addDays(today, -60);
  const residentId = (
    await worker.request('POST', '/api/v1/residents', {
      ...resident,
      dateOfBirth: '1960-01-01',
      neighbourhoodCode: null,
    })
  ).json().id;
  const opened = await worker.request('POST', '/api/v1/cases', {
    residentId,
    law: 'wmo',
    reportDate,
    request: 'Ik raak het overzicht kwijt.',
    at: `${reportDate}T09:00:00+01:00`,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const caseId = opened.json().id;
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
        provisionId: reg.provisionId,
        granted: true,
        form: 'in_kind',
        providerId: reg.providerId,
        contractId: reg.contractId,
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
  if (evaluation) {
    const evaluated = await worker.request('POST', `/api/v1/cases/${caseId}/evaluations`, {
      evaluatedOn: today,
      goalAttainment: [{ goalId, attained: evaluation.attained }],
      zrm: { finances: evaluation.financesAfter },
    });
    expect(evaluated.statusCode, evaluated.body).toBe(201);
  }
  return { caseId, residentId, goalId };
}

describe('client monitor API', () => {
  let h: Harness;
  let reg: Registry;
  let worker: ApiClient;
  let otherWorker: ApiClient;
  let compensatedCase: { caseId: string; residentId: string; goalId: string };
  let otherTeamCase: { caseId: string; residentId: string; goalId: string };

  beforeAll(async () => {
    h = await createHarness();
    ({ worker, otherWorker } = await twoCaseTeams(h));
    reg = await registry(h);
  });
  afterAll(() => h.close());

  it('answers policy and board with disclosed aggregates, case workers with exact ones', async () => {
    const board = await (await h.as('board_member')).request('GET', '/api/v1/monitor/clients');
    expect(board.statusCode).toBe(200);
    expect(board.json()).toMatchObject({
      disclosureApplied: true,
      drillDown: false,
      byProvision: [],
      leadTimes: [],
    });
    const exact = (await worker.request('GET', '/api/v1/monitor/clients')).json();
    expect(exact).toMatchObject({ disclosureApplied: false, drillDown: true });
  });

  it('counts a decided, assessed and evaluated case under its provision, provider, law and quarter', async () => {
    compensatedCase = await decidedCase(
      worker,
      reg,
      { bsn: '999990081', name: 'Karel Monitor' },
      { attained: 'yes', financesAfter: 4 },
    );
    const monitor = (await worker.request('GET', '/api/v1/monitor/clients')).json();
    expect(monitor.byProvision).toEqual([
      expect.objectContaining({
        key: reg.provisionId,
        label: 'Begeleiding individueel',
        evaluated: { value: 1, suppressed: false },
        compensated: { value: 1, suppressed: false },
      }),
    ]);
    expect(monitor.byProvider[0]).toMatchObject({ label: 'Zorg Testdam', compensationRate: { value: 100 } });
    expect(monitor.byLaw[0]).toMatchObject({ key: 'wmo', label: 'Wmo 2015' });
    expect(monitor.byDistrict[0]).toMatchObject({ key: 'onbekend', evaluated: { value: 1 } });
    expect(monitor.zrmChange[0]).toMatchObject({ domain: 'finances', improved: { value: 1 } });
    expect(monitor.leadTimes[0]).toMatchObject({
      key: 'wmo',
      decided: { value: 1 },
      medianDays: 20,
      decidedLate: { value: 0 },
    });
    const board = (await (await h.as('board_member')).request('GET', '/api/v1/monitor/clients')).json();
    expect(board.byProvision[0]).toMatchObject({ evaluated: { value: null, suppressed: true } });
  });

  it('counts decided cases in the lead times before they are evaluated, and the latest evaluation only', async () => {
    otherTeamCase = await decidedCase(otherWorker, reg, { bsn: '999990093', name: 'Wil Zuid' });
    let monitor = (await worker.request('GET', '/api/v1/monitor/clients')).json();
    expect(monitor.leadTimes[0].decided.value).toBe(2);
    expect(monitor.byLaw[0].evaluated.value).toBe(1);

    const first = await otherWorker.request('POST', `/api/v1/cases/${otherTeamCase.caseId}/evaluations`, {
      evaluatedOn: today,
      goalAttainment: [{ goalId: otherTeamCase.goalId, attained: 'no' }],
      zrm: { finances: 1 },
    });
    expect(first.json().outcome, first.body).toBe('not_compensated');
    monitor = (await worker.request('GET', '/api/v1/monitor/clients')).json();
    expect(monitor.byProvision[0]).toMatchObject({
      evaluated: { value: 2 },
      compensated: { value: 1 },
      notCompensated: { value: 1 },
      compensationRate: { value: 50 },
    });
    expect(monitor.zrmChange[0]).toMatchObject({ improved: { value: 1 }, worse: { value: 1 } });

    // A later evaluation (the same day, recorded later) replaces the earlier one's outcome instead of adding to it.
    await otherWorker.request('POST', `/api/v1/cases/${otherTeamCase.caseId}/evaluations`, {
      evaluatedOn: today,
      goalAttainment: [{ goalId: otherTeamCase.goalId, attained: 'yes' }],
      zrm: { finances: 3 },
    });
    monitor = (await worker.request('GET', '/api/v1/monitor/clients')).json();
    expect(monitor.byProvision[0]).toMatchObject({ evaluated: { value: 2 }, compensated: { value: 2 } });
    expect(monitor.zrmChange[0]).toMatchObject({ improved: { value: 2 }, worse: { value: 0 } });
  });

  it('filters by law and period, and refuses a period that ends before it starts', async () => {
    const youth = (await worker.request('GET', '/api/v1/monitor/clients?law=youth')).json();
    expect(youth).toMatchObject({ byProvision: [], leadTimes: [] });
    const past = (await worker.request('GET', `/api/v1/monitor/clients?to=${addDays(today, -2)}`)).json();
    expect(past.byProvision).toEqual([]);
    expect(past.leadTimes[0].decided.value).toBe(2);
    const recent = (await worker.request('GET', `/api/v1/monitor/clients?law=wmo&from=${today}`)).json();
    expect(recent.byLaw[0].evaluated.value).toBe(2);

    const backwards = await worker.request(
      'GET',
      `/api/v1/monitor/clients?from=${today}&to=${addDays(today, -1)}`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ error: 'VALIDATION_FAILED', field: 'to' });
    for (const query of ['law=bijstand', 'from=2026-02-30', 'period=2026']) {
      const bad = await worker.request('GET', `/api/v1/monitor/clients?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().message, query).toBeTruthy();
    }
  });

  it('drills down to the cases behind a figure, only the own team’s, and logs each resident', async () => {
    const before = await logCount(h, compensatedCase.residentId);
    const cell = await worker.request(
      'GET',
      `/api/v1/monitor/clients/cases?dimension=provision&key=${reg.provisionId}&outcome=compensated`,
    );
    expect(cell.statusCode, cell.body).toBe(200);
    // Both cases were compensated in the end; the other team's case is not this worker's to see.
    expect(cell.json()).toMatchObject({
      total: 1,
      items: [
        expect.objectContaining({
          id: compensatedCase.caseId,
          residentName: 'Karel Monitor',
          outcome: 'compensated',
          evaluatedOn: today,
        }),
      ],
    });
    expect(await logCount(h, compensatedCase.residentId)).toBe(before + 1);
    const theirs = (
      await otherWorker.request('GET', `/api/v1/monitor/clients/cases?dimension=law&key=wmo`)
    ).json();
    expect(theirs.items.map((c: { id: string }) => c.id)).toEqual([otherTeamCase.caseId]);
    const district = (
      await worker.request('GET', '/api/v1/monitor/clients/cases?dimension=district&key=onbekend')
    ).json();
    expect(district.total).toBe(1);
    const pastTheEnd = (
      await worker.request('GET', '/api/v1/monitor/clients/cases?dimension=law&key=wmo&limit=1&offset=1')
    ).json();
    expect(pastTheEnd).toEqual({ items: [], total: 1 });
    const none = (
      await worker.request(
        'GET',
        `/api/v1/monitor/clients/cases?dimension=provider&key=${reg.providerId}&outcome=not_compensated`,
      )
    ).json();
    expect(none).toEqual({ items: [], total: 0 });
  });

  it('refuses drill-down to roles without case access and bad cells with the field named', async () => {
    for (const role of ['board_member', 'policy_advisor', 'contract_manager'] as const) {
      const response = await (await h.as(role)).request(
        'GET',
        `/api/v1/monitor/clients/cases?dimension=law&key=wmo`,
      );
      expect(response.statusCode, role).toBe(403);
    }
    for (const [query, field] of [
      ['dimension=resident&key=x', 'dimension'],
      ['dimension=provision&key=not-a-uuid', 'key'],
      ['dimension=law', 'key'],
      ['dimension=law&key=wmo&outcome=great', 'outcome'],
      ['dimension=law&key=wmo&limit=0', 'limit'],
      ['dimension=law&key=wmo&limit=101', 'limit'],
    ] as const) {
      const response = await worker.request('GET', `/api/v1/monitor/clients/cases?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().field, query).toBe(field);
    }
  });

  it('rebuilds lost outcome rows from the cases, the same figures as before', async () => {
    const before = (await worker.request('GET', '/api/v1/monitor/clients')).json();
    // Lost with its generation: a delete outside the cases module does not tell the monitor.
    await h.database.db.execute(sql`delete from case_outcome`);
    await h.database.db.execute(sql`delete from case_outcome_generation`);
    expect((await worker.request('GET', '/api/v1/monitor/clients')).json().byProvision).toEqual([]);
    expect(await backfillCaseOutcomes(h.database)).toEqual(['0001']);
    expect((await worker.request('GET', '/api/v1/monitor/clients')).json()).toEqual(before);
    expect(await backfillCaseOutcomes(h.database)).toEqual([]);
  });

  it('lists a resident’s cases for his own team’s case worker only', async () => {
    const mine = await worker.request('GET', `/api/v1/cases?residentId=${compensatedCase.residentId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      total: 1,
      items: [{ id: compensatedCase.caseId, status: 'decided' }],
    });
    const notMine = await worker.request('GET', `/api/v1/cases?residentId=${otherTeamCase.residentId}`);
    expect(notMine.json()).toEqual({ items: [], total: 0 });
    const bad = await worker.request('GET', '/api/v1/cases?residentId=123');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('residentId');
    expect(
      (
        await (
          await h.as('board_member')
        ).request('GET', `/api/v1/cases?residentId=${compensatedCase.residentId}`)
      ).statusCode,
    ).toBe(403);
  });

  it('is closed to the privacy officer and provider users', async () => {
    for (const role of ['privacy_officer', 'provider_user'] as const) {
      expect((await (await h.as(role)).request('GET', '/api/v1/monitor/clients')).statusCode, role).toBe(403);
    }
  });
});

async function logCount(h: Harness, residentId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    h.database.db,
    sql`select count(*)::int as n from processing_log where resident_id = ${residentId}::uuid`,
  );
  return row?.n ?? 0;
}
