import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNetherlands } from '../../shared/identifiers.js';
import {
  type ApiClient,
  countRows,
  createHarness,
  type Harness,
  twoCaseTeams,
} from '../../test-support/app-harness.js';
import { addDays } from './calendar-date.js';

type Goal = { id: string; domain: string; description: string };

describe('cases: assessment, evaluation and the evaluations due, through the API', () => {
  let h: Harness;
  let worker: ApiClient;
  let otherWorker: ApiClient;
  let residentId: string;
  let teamA: string;
  const today = todayInNetherlands();
  const reportDate = addDays(today, -30);

  async function openCase(request = 'Ik kan mijn huis niet meer schoonhouden.'): Promise<string> {
    const response = await worker.request('POST', '/api/v1/cases', {
      residentId,
      law: 'wmo',
      reportDate,
      request,
      at: `${reportDate}T09:30:00+01:00`,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  async function decide(id: string): Promise<void> {
    for (const type of ['start_assessment', 'complete_assessment', 'apply']) {
      const response = await worker.request('POST', `/api/v1/cases/${id}/events`, { type });
      expect(response.statusCode, `${type}: ${response.body}`).toBe(200);
    }
    const policy = await h.as('policy_advisor');
    const existing = await policy.request('GET', '/api/v1/provisions?search=WMO-EVAL');
    const provisionId =
      existing.json().items[0]?.id ??
      (
        await policy.request('POST', '/api/v1/provisions', {
          code: 'WMO-EVAL',
          name: 'Begeleiding',
          law: 'wmo',
          kind: 'tailored',
          productCategory: '02',
          unit: '04',
          intent: 'Zelfstandig wonen.',
        })
      ).json().id;
    const response = await worker.request('POST', `/api/v1/cases/${id}/decision`, {
      lines: [{ provisionId, granted: false, reasoning: 'Het netwerk kan dit bieden.' }],
    });
    expect(response.statusCode, response.body).toBe(201);
  }

  function assessment(overrides: Record<string, unknown> = {}) {
    return {
      lifeDomains: ['housing', 'instrumental_adl', 'social_network'],
      selfReliance: 'Kan zichzelf wassen en aankleden; kleine boodschappen lukken met de rollator.',
      network: 'Dochter komt twee keer per week; de buurvrouw helpt met de post.',
      goals: [
        { domain: 'instrumental_adl', description: 'Het huis is schoon en opgeruimd.' },
        { domain: 'social_network', description: 'Wekelijks contact met mensen buiten de familie.' },
      ],
      zrmIntake: { housing: 3, instrumental_adl: 2, social_network: 2, finances: 4 },
      plannedEvaluationDate: addDays(today, -1),
      ...overrides,
    };
  }

  async function recordAssessment(id: string, overrides: Record<string, unknown> = {}): Promise<Goal[]> {
    const response = await worker.request('PUT', `/api/v1/cases/${id}/assessment`, assessment(overrides));
    expect(response.statusCode, response.body).toBe(200);
    return response.json().goals;
  }

  async function dueIds(client: ApiClient): Promise<string[]> {
    const response = await client.request('GET', '/api/v1/evaluations/due');
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.map((i: { caseId: string }) => i.caseId);
  }

  beforeAll(async () => {
    h = await createHarness();
    ({ teamA, worker, otherWorker } = await twoCaseTeams(h));
    const resident = await worker.request('POST', '/api/v1/residents', {
      bsn: '999990056',
      name: 'Henk de Groot',
      dateOfBirth: '1941-07-31',
      neighbourhoodCode: null,
    });
    residentId = resident.json().id;
  });
  afterAll(() => h.close());

  it('records the assessment with the plan’s goals, shows it, and keeps goal ids on a rewrite', async () => {
    const id = await openCase();
    expect((await worker.request('GET', `/api/v1/cases/${id}/assessment`)).statusCode).toBe(404);

    const goals = await recordAssessment(id);
    expect(goals).toHaveLength(2);
    expect(goals[0]).toMatchObject({
      domain: 'instrumental_adl',
      domainLabel: 'Instrumentele ADL (huishouden)',
    });
    const shown = await worker.request('GET', `/api/v1/cases/${id}/assessment`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      caseId: id,
      request: 'Ik kan mijn huis niet meer schoonhouden.',
      lifeDomains: ['housing', 'instrumental_adl', 'social_network'],
      zrmIntake: { housing: 3, instrumental_adl: 2, social_network: 2, finances: 4 },
      plannedEvaluationDate: addDays(today, -1),
      recordedBy: 'Test case_worker',
    });

    const rewritten = await worker.request(
      'PUT',
      `/api/v1/cases/${id}/assessment`,
      assessment({ goals: [goals[0], { domain: 'housing', description: 'Traplift geplaatst.' }] }),
    );
    // domainLabel is a response field: a strict body refuses it.
    expect(rewritten.statusCode).toBe(400);
    expect(rewritten.json().field).toBe('goals.0.domainLabel');
    const kept = await worker.request(
      'PUT',
      `/api/v1/cases/${id}/assessment`,
      assessment({
        goals: [
          { id: goals[0]?.id, domain: 'instrumental_adl', description: 'Het huis is schoon.' },
          { domain: 'housing', description: 'Traplift geplaatst.' },
        ],
      }),
    );
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().goals.map((g: Goal) => g.id)[0]).toBe(goals[0]?.id);
    expect(await countRows(h.database, 'case_assessment')).toBe(1);
  });

  it('derives compensated, partly and not compensated, with reasons, once the case is decided', async () => {
    const id = await openCase();
    const goals = await recordAssessment(id);
    const [adl, network] = goals.map((g) => g.id);
    const evaluations = await countRows(h.database, 'case_evaluation');
    const early = await worker.request('POST', `/api/v1/cases/${id}/evaluations`, {
      evaluatedOn: today,
      goalAttainment: [
        { goalId: adl, attained: 'yes' },
        { goalId: network, attained: 'yes' },
      ],
      zrm: { instrumental_adl: 3, social_network: 3 },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: 'INVALID_STATE', field: 'status' });
    expect(await countRows(h.database, 'case_evaluation')).toBe(evaluations);

    await decide(id);
    expect(await dueIds(worker)).toContain(id);

    const compensated = await worker.request('POST', `/api/v1/cases/${id}/evaluations`, {
      evaluatedOn: today,
      goalAttainment: [
        { goalId: adl, attained: 'yes' },
        { goalId: network, attained: 'yes' },
      ],
      zrm: { instrumental_adl: 3, social_network: 3, housing: 3 },
    });
    expect(compensated.statusCode, compensated.body).toBe(201);
    expect(compensated.json()).toMatchObject({
      caseId: id,
      evaluatedOn: today,
      outcome: 'compensated',
      outcomeLabel: 'Gecompenseerd',
      goalAttainment: [
        { goalId: adl, domain: 'instrumental_adl', attained: 'yes' },
        { goalId: network, domain: 'social_network', attained: 'yes' },
      ],
    });
    expect(compensated.json().explanation[0]).toBe('Uitkomst: gecompenseerd.');
    expect(compensated.json().explanation.join(' ')).toContain('Instrumentele ADL (huishouden): verbeterd');

    const partly = await worker.request('POST', `/api/v1/cases/${id}/evaluations`, {
      evaluatedOn: today,
      goalAttainment: [
        { goalId: network, attained: 'partly' },
        { goalId: adl, attained: 'yes' },
      ],
      zrm: { instrumental_adl: 3, social_network: 2 },
    });
    expect(partly.statusCode, partly.body).toBe(201);
    expect(partly.json().outcome).toBe('partly_compensated');
    expect(partly.json().explanation[1]).toContain('1 van de 2 doelen is volledig behaald');

    const not = await worker.request('POST', `/api/v1/cases/${id}/evaluations`, {
      evaluatedOn: today,
      goalAttainment: [
        { goalId: adl, attained: 'no' },
        { goalId: network, attained: 'no' },
      ],
      zrm: { instrumental_adl: 2, social_network: 1 },
    });
    expect(not.statusCode, not.body).toBe(201);
    expect(not.json().outcome).toBe('not_compensated');
    expect(not.json().explanation[0]).toBe('Uitkomst: niet gecompenseerd.');

    const list = await worker.request('GET', `/api/v1/cases/${id}/evaluations`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(3);
    expect(list.json().items.map((e: { outcome: string }) => e.outcome)).toEqual([
      'compensated',
      'partly_compensated',
      'not_compensated',
    ]);
    // Evaluated on or after the planned date: no longer due.
    expect(await dueIds(worker)).not.toContain(id);
  });

  it('lists the evaluations due within 14 days for my teams only, overdue marked', async () => {
    const overdue = await openCase();
    await recordAssessment(overdue, { plannedEvaluationDate: addDays(today, -3) });
    await decide(overdue);
    const soon = await openCase();
    await recordAssessment(soon, { plannedEvaluationDate: addDays(today, 10) });
    await decide(soon);
    const later = await openCase();
    await recordAssessment(later, { plannedEvaluationDate: addDays(today, 30) });
    await decide(later);
    const undecided = await openCase();
    await recordAssessment(undecided, { plannedEvaluationDate: addDays(today, -3) });

    const response = await worker.request('GET', `/api/v1/evaluations/due?teamId=${teamA}`);
    expect(response.statusCode).toBe(200);
    const items: { caseId: string; overdue: boolean; plannedEvaluationDate: string }[] =
      response.json().items;
    const ids = items.map((i) => i.caseId);
    expect(ids).toContain(overdue);
    expect(ids).toContain(soon);
    expect(ids).not.toContain(later);
    expect(ids).not.toContain(undecided);
    expect(items.find((i) => i.caseId === overdue)).toMatchObject({
      residentId,
      residentName: 'Henk de Groot',
      reference: expect.stringMatching(/^\d{4}-\d{6}$/),
      plannedEvaluationDate: addDays(today, -3),
      overdue: true,
    });
    expect(items.find((i) => i.caseId === soon)?.overdue).toBe(false);
    const dates = items.map((i) => i.plannedEvaluationDate);
    expect(dates).toEqual([...dates].sort());

    // An evaluation before the planned date leaves it due.
    const goals: Goal[] = (await worker.request('GET', `/api/v1/cases/${soon}/assessment`)).json().goals;
    const before = await worker.request('POST', `/api/v1/cases/${soon}/evaluations`, {
      evaluatedOn: today,
      goalAttainment: goals.map((g) => ({ goalId: g.id, attained: 'partly' })),
      zrm: { instrumental_adl: 2, social_network: 2 },
    });
    expect(before.statusCode, before.body).toBe(201);
    expect(await dueIds(worker)).toContain(soon);

    // An evaluation on or after the planned date settles it.
    const overdueGoals: Goal[] = (await worker.request('GET', `/api/v1/cases/${overdue}/assessment`)).json()
      .goals;
    const settled = await worker.request('POST', `/api/v1/cases/${overdue}/evaluations`, {
      evaluatedOn: today,
      goalAttainment: overdueGoals.map((g) => ({ goalId: g.id, attained: 'yes' })),
      zrm: { instrumental_adl: 4, social_network: 4 },
    });
    expect(settled.statusCode, settled.body).toBe(201);
    expect(await dueIds(worker)).not.toContain(overdue);
    // A plan moved to a later evaluation date makes it due again at that date.
    await recordAssessment(overdue, { plannedEvaluationDate: addDays(today, 7) });
    expect(await dueIds(worker)).toContain(overdue);
    // Moving a plan's date out of the window takes it off the list.
    await recordAssessment(soon, { plannedEvaluationDate: addDays(today, 60) });
    expect(await dueIds(worker)).not.toContain(soon);

    expect(await dueIds(otherWorker)).toEqual([]);
    const peek = await otherWorker.request('GET', `/api/v1/evaluations/due?teamId=${teamA}`);
    expect(peek.statusCode).toBe(400);
    expect(peek.json().field).toBe('teamId');
  });

  it('rejects bad input with the field named, writing nothing', async () => {
    const id = await openCase();
    const goals = await recordAssessment(id);
    const [adl, network] = goals.map((g) => g.id);
    const undecided = await openCase();
    await decide(id);
    const noAssessment = await openCase();
    await decide(noAssessment);

    const stored = (await worker.request('GET', `/api/v1/cases/${id}/assessment`)).json();
    const counts = async () => ({
      assessments: await countRows(h.database, 'case_assessment'),
      evaluations: await countRows(h.database, 'case_evaluation'),
      log: await countRows(h.database, 'processing_log'),
    });
    const before = await counts();
    const intake = { housing: 3, instrumental_adl: 2, social_network: 2 };
    const evaluation = (overrides: Record<string, unknown>) => ({
      evaluatedOn: today,
      goalAttainment: [
        { goalId: adl, attained: 'yes' },
        { goalId: network, attained: 'partly' },
      ],
      zrm: { instrumental_adl: 3, social_network: 3 },
      ...overrides,
    });
    const bad: ['PUT' | 'POST', string, unknown, number, string][] = [
      ['PUT', id, assessment({ zrmIntake: { ...intake, finances: 0 } }), 400, 'zrmIntake.finances'],
      ['PUT', id, assessment({ zrmIntake: { ...intake, finances: 6 } }), 400, 'zrmIntake.finances'],
      ['PUT', id, assessment({ zrmIntake: { ...intake, finances: 2.5 } }), 400, 'zrmIntake.finances'],
      ['PUT', id, assessment({ zrmIntake: { ...intake, finances: '3' } }), 400, 'zrmIntake.finances'],
      ['PUT', id, assessment({ zrmIntake: { ...intake, wealth: 3 } }), 400, 'zrmIntake.wealth'],
      ['PUT', id, assessment({ lifeDomains: ['housing', 'wealth'] }), 400, 'lifeDomains.1'],
      ['PUT', id, assessment({ lifeDomains: ['housing', 'housing'] }), 400, 'lifeDomains.1'],
      [
        'PUT',
        id,
        assessment({ goals: [{ domain: 'wealth', description: 'Rijk worden.' }] }),
        400,
        'goals.0.domain',
      ],
      [
        'PUT',
        id,
        assessment({ goals: [{ domain: 'finances', description: 'Schulden geregeld.' }] }),
        400,
        'goals.0.domain',
      ],
      [
        'PUT',
        id,
        assessment({ goals: [{ domain: 'housing', description: '' }] }),
        400,
        'goals.0.description',
      ],
      ['PUT', id, assessment({ goals: [] }), 400, 'goals'],
      [
        'PUT',
        id,
        assessment({ zrmIntake: { housing: 3, instrumental_adl: 2 } }),
        400,
        'zrmIntake.social_network',
      ],
      [
        'PUT',
        id,
        assessment({ plannedEvaluationDate: addDays(reportDate, -1) }),
        400,
        'plannedEvaluationDate',
      ],
      ['PUT', id, assessment({ plannedEvaluationDate: '2026-02-30' }), 400, 'plannedEvaluationDate'],
      ['PUT', id, assessment({ extra: 1 }), 400, 'extra'],
      [
        'POST',
        id,
        evaluation({ zrm: { instrumental_adl: 0, social_network: 3 } }),
        400,
        'zrm.instrumental_adl',
      ],
      [
        'POST',
        id,
        evaluation({ zrm: { instrumental_adl: 6, social_network: 3 } }),
        400,
        'zrm.instrumental_adl',
      ],
      [
        'POST',
        id,
        evaluation({ zrm: { instrumental_adl: 2.5, social_network: 3 } }),
        400,
        'zrm.instrumental_adl',
      ],
      ['POST', id, evaluation({ zrm: { instrumental_adl: 3 } }), 400, 'zrm.social_network'],
      ['POST', id, evaluation({ goalAttainment: [{ goalId: adl, attained: 'yes' }] }), 400, 'goalAttainment'],
      ['POST', id, evaluation({ goalAttainment: [] }), 400, 'goalAttainment'],
      [
        'POST',
        id,
        evaluation({ goalAttainment: [{ goalId: '00000000-0000-4000-8000-000000000000', attained: 'yes' }] }),
        400,
        'goalAttainment.0.goalId',
      ],
      [
        'POST',
        id,
        evaluation({
          goalAttainment: [
            { goalId: adl, attained: 'maybe' },
            { goalId: network, attained: 'no' },
          ],
        }),
        400,
        'goalAttainment.0.attained',
      ],
      ['POST', id, evaluation({ evaluatedOn: addDays(today, 1) }), 400, 'evaluatedOn'],
      ['POST', id, evaluation({ evaluatedOn: addDays(today, -1) }), 400, 'evaluatedOn'],
      ['POST', undecided, evaluation({}), 409, 'status'],
      ['POST', noAssessment, evaluation({}), 409, 'assessment'],
    ];
    for (const [method, caseId, body, status, field] of bad) {
      const url = `/api/v1/cases/${caseId}/${method === 'PUT' ? 'assessment' : 'evaluations'}`;
      const response = await worker.request(method, url, body);
      expect(response.statusCode, `${JSON.stringify(body)}: ${response.body}`).toBe(status);
      expect(response.json().field, `${JSON.stringify(body)}: ${response.body}`).toBe(field);
      expect(response.json().message.length).toBeGreaterThan(0);
    }
    expect(await counts()).toEqual(before);
    const after = (await worker.request('GET', `/api/v1/cases/${id}/assessment`)).json();
    expect(after).toEqual(stored);
  });

  it('refuses an assessment of a withdrawn case', async () => {
    const id = await openCase();
    expect(
      (await worker.request('POST', `/api/v1/cases/${id}/events`, { type: 'withdraw', reason: 'Opgelost.' }))
        .statusCode,
    ).toBe(200);
    const response = await worker.request('PUT', `/api/v1/cases/${id}/assessment`, assessment());
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'INVALID_STATE', field: 'status' });
  });

  it('keeps assessments and evaluations from other teams, roles and municipalities', async () => {
    const id = await openCase();
    const goals = await recordAssessment(id);
    await decide(id);
    const body = {
      evaluatedOn: today,
      goalAttainment: goals.map((g) => ({ goalId: g.id, attained: 'yes' })),
      zrm: { instrumental_adl: 3, social_network: 3 },
    };
    const elsewhere = await h.as('case_worker', '0002');
    for (const client of [otherWorker, elsewhere]) {
      expect((await client.request('GET', `/api/v1/cases/${id}/assessment`)).statusCode).toBe(404);
      expect((await client.request('PUT', `/api/v1/cases/${id}/assessment`, assessment())).statusCode).toBe(
        404,
      );
      expect((await client.request('GET', `/api/v1/cases/${id}/evaluations`)).statusCode).toBe(404);
      expect((await client.request('POST', `/api/v1/cases/${id}/evaluations`, body)).statusCode).toBe(404);
    }
    for (const role of ['board_member', 'policy_advisor', 'administrator', 'provider_user'] as const) {
      const client = await h.as(role);
      expect((await client.request('GET', `/api/v1/cases/${id}/assessment`)).statusCode, role).toBe(403);
      expect(
        (await client.request('PUT', `/api/v1/cases/${id}/assessment`, assessment())).statusCode,
        role,
      ).toBe(403);
      expect((await client.request('GET', `/api/v1/cases/${id}/evaluations`)).statusCode, role).toBe(403);
      expect((await client.request('POST', `/api/v1/cases/${id}/evaluations`, body)).statusCode, role).toBe(
        403,
      );
      expect((await client.request('GET', '/api/v1/evaluations/due')).statusCode, role).toBe(403);
    }
  });

  it('writes every assessment and evaluation read and write to the processing log', async () => {
    const officer = await h.as('privacy_officer');
    const log = await officer.request('GET', `/api/v1/processing-log?residentId=${residentId}&limit=500`);
    expect(log.statusCode).toBe(200);
    const entries: {
      activity: string;
      action: string;
      purpose: string;
      objects: { identifierType: string }[];
    }[] = log.json().items;
    const activities = new Set(entries.map((e) => e.activity));
    for (const activity of [
      'assessment.record',
      'assessment.view',
      'evaluation.record',
      'evaluation.view',
      'evaluation.due',
    ]) {
      expect(activities.has(activity), activity).toBe(true);
    }
    const actions = new Set(entries.filter((e) => e.activity === 'assessment.record').map((e) => e.action));
    expect(actions).toEqual(new Set(['create', 'update']));
    const recorded = entries.find((e) => e.activity === 'evaluation.record');
    expect(recorded?.purpose).toContain('Onderzoeken van een hulpvraag');
    expect(recorded?.objects.map((o) => o.identifierType)).toEqual(['resident-id', 'BSN']);
  });
});
