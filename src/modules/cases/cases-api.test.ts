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

describe('cases: the case process through the API', () => {
  let h: Harness;
  let worker: ApiClient;
  let otherWorker: ApiClient;
  let residentId: string;
  let caseId: string;
  let teamA: string;
  const today = todayInNetherlands();
  const reportDate = addDays(today, -10);

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

  it('opens a Wmo report with its legal clocks, in the worker’s team', async () => {
    const response = await worker.request('POST', '/api/v1/cases', {
      residentId,
      law: 'wmo',
      reportDate,
      request: 'Ik kan mijn huis niet meer schoonhouden sinds mijn heupoperatie.',
      at: `${reportDate}T09:30:00+01:00`,
    });
    expect(response.statusCode).toBe(201);
    const opened = response.json();
    caseId = opened.id;
    expect(opened).toMatchObject({
      law: 'wmo',
      status: 'reported',
      residentName: 'Henk de Groot',
      teamName: 'Wijkteam Noord',
      reference: expect.stringMatching(/^\d{4}-000001$/),
    });
    const assessment = opened.deadlines.find((d: { kind: string }) => d.kind === 'assessment');
    expect(assessment).toMatchObject({ dueDate: addDays(reportDate, 42), status: 'open' });
    expect(opened.history).toHaveLength(1);
    // Reported 10 days ago: the assessment may start, the own plan's week has passed but a
    // late plan is still received; applying without an assessment waits for the 6 weeks.
    expect(opened.allowedEvents).toEqual(['start_assessment', 'withdraw', 'suspend', 'receive_own_plan']);
  });

  it('shows the case in the team’s worklist, most urgent first, and not in another team’s', async () => {
    const list = await worker.request('GET', '/api/v1/worklist');
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(caseId);
    const mine = await otherWorker.request('GET', '/api/v1/worklist');
    expect(mine.json().total).toBe(0);
    const peek = await otherWorker.request('GET', `/api/v1/worklist?teamId=${teamA}`);
    expect(peek.statusCode).toBe(400);
    expect((await otherWorker.request('GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect(
      (await otherWorker.request('POST', `/api/v1/cases/${caseId}/events`, { type: 'start_assessment' }))
        .statusCode,
    ).toBe(404);
  });

  it('pages the worklist, logging only the residents of the page, and refuses bad paging', async () => {
    for (const [i, bsn] of ['999990135', '999990147'].entries()) {
      const other = await worker.request('POST', '/api/v1/residents', {
        bsn,
        name: `Pagina Bewoner ${i}`,
        dateOfBirth: '1950-01-01',
        neighbourhoodCode: null,
      });
      const opened = await worker.request('POST', '/api/v1/cases', {
        residentId: other.json().id,
        law: 'wmo',
        reportDate: addDays(today, -i),
        request: 'Hulp bij het huishouden.',
      });
      expect(opened.statusCode).toBe(201);
    }
    const all = (await worker.request('GET', '/api/v1/worklist')).json();
    expect(all.total).toBe(3);
    const logBefore = await countRows(h.database, 'processing_log');
    const second = (await worker.request('GET', '/api/v1/worklist?limit=1&offset=1')).json();
    expect(second).toMatchObject({ total: 3, items: [{ id: all.items[1].id }] });
    expect(await countRows(h.database, 'processing_log')).toBe(logBefore + 1);
    for (const query of ['limit=0', 'limit=101', 'limit=tien', 'offset=-1']) {
      const bad = await worker.request('GET', `/api/v1/worklist?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().field, query).toBe(query.split('=')[0]);
    }
    expect((await worker.request('GET', '/api/v1/evaluations/due?limit=0')).statusCode).toBe(400);
  });

  it('suspends and resumes with a reason, moving the assessment deadline', async () => {
    const suspended = await worker.request('POST', `/api/v1/cases/${caseId}/events`, {
      type: 'suspend',
      reason: 'Wacht op medische informatie van de huisarts.',
      at: `${addDays(today, -4)}T10:00:00+01:00`,
    });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json().suspended).toBe(true);
    const resumed = await worker.request('POST', `/api/v1/cases/${caseId}/events`, {
      type: 'resume',
      at: `${addDays(today, -1)}T10:00:00+01:00`,
    });
    const assessment = resumed.json().deadlines.find((d: { kind: string }) => d.kind === 'assessment');
    expect(assessment.dueDate > addDays(reportDate, 42)).toBe(true);
    expect(resumed.json().history.map((t: { event: string }) => t.event)).toEqual([
      'report',
      'suspend',
      'resume',
    ]);
  });

  it('takes the case through assessment, application and decision, and then refuses more steps', async () => {
    for (const type of ['start_assessment', 'complete_assessment', 'apply']) {
      const response = await worker.request('POST', `/api/v1/cases/${caseId}/events`, { type });
      expect(response.statusCode, `${type}: ${response.body}`).toBe(200);
    }
    const bare = await worker.request('POST', `/api/v1/cases/${caseId}/events`, { type: 'decide' });
    expect(bare.statusCode).toBe(409);
    expect(bare.json()).toMatchObject({ error: 'DECISION_REQUIRED', field: 'type' });
    const provision = await (await h.as('policy_advisor')).request('POST', '/api/v1/provisions', {
      code: 'WMO-HH-T',
      name: 'Hulp bij het huishouden',
      law: 'wmo',
      kind: 'tailored',
      productCategory: '01',
      unit: '04',
      intent: 'Schoon en leefbaar huis.',
    });
    const decision = await worker.request('POST', `/api/v1/cases/${caseId}/decision`, {
      lines: [{ provisionId: provision.json().id, granted: false, reasoning: 'De zoon kan dit overnemen.' }],
    });
    expect(decision.statusCode, decision.body).toBe(201);
    const decided = await worker.request('GET', `/api/v1/cases/${caseId}`);
    expect(decided.json()).toMatchObject({ status: 'decided', nextDeadline: null });
    expect(decided.json().history.at(-1)).toMatchObject({
      event: 'decide',
      from: 'applied',
      to: 'decided',
      actor: 'Test case_worker',
    });

    const again = await worker.request('POST', `/api/v1/cases/${caseId}/events`, { type: 'withdraw' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'INVALID_TRANSITION', field: 'status' });
    expect(
      (await worker.request('GET', `/api/v1/worklist`)).json().items.map((c: { id: string }) => c.id),
    ).not.toContain(caseId);
  });

  it('rejects invalid steps and bad input with the field named, changing nothing', async () => {
    const fresh = await worker.request('POST', '/api/v1/cases', {
      residentId,
      law: 'youth',
      reportDate: today,
      request: 'Zorgen over de ontwikkeling van mijn zoon.',
    });
    const id = fresh.json().id;
    const cases = await countRows(h.database, 'support_case');
    const bad: [string, unknown, number, string][] = [
      ['/api/v1/cases', { residentId, law: 'awbz', reportDate: today, request: 'x' }, 400, 'law'],
      [
        '/api/v1/cases',
        { residentId, law: 'wmo', reportDate: '2026-02-30', request: 'x' },
        400,
        'reportDate',
      ],
      [
        '/api/v1/cases',
        { residentId, law: 'wmo', reportDate: addDays(today, 3), request: 'x' },
        400,
        'reportDate',
      ],
      ['/api/v1/cases', { residentId, law: 'wmo', reportDate: today, request: '' }, 400, 'request'],
      [
        '/api/v1/cases',
        { residentId: '00000000-0000-4000-8000-000000000000', law: 'wmo', reportDate: today, request: 'x' },
        400,
        'residentId',
      ],
      [
        '/api/v1/cases',
        { residentId, law: 'wmo', reportDate: today, request: 'x', participationKind: 'income_support' },
        400,
        'participationKind',
      ],
      ['/api/v1/cases', { residentId, law: 'wmo', reportDate: today, request: 'x', extra: 1 }, 400, 'extra'],
      [`/api/v1/cases/${id}/events`, { type: 'apply' }, 409, 'status'],
      [`/api/v1/cases/${id}/events`, { type: 'fly' }, 400, 'type'],
      [`/api/v1/cases/${id}/events`, { type: 'suspend' }, 400, 'reason'],
      [`/api/v1/cases/${id}/events`, { type: 'extend', days: 0, reason: 'x' }, 400, 'days'],
      [
        `/api/v1/cases/${id}/events`,
        { type: 'start_assessment', at: '2099-01-01T10:00:00+01:00' },
        400,
        'at',
      ],
      [`/api/v1/cases/${id}/events`, { type: 'start_assessment', at: 'gisteren' }, 400, 'at'],
    ];
    for (const [url, body, status, field] of bad) {
      const response = await worker.request('POST', url, body);
      expect(response.statusCode, `${JSON.stringify(body)}: ${response.body}`).toBe(status);
      expect(response.json().field, JSON.stringify(body)).toBe(field);
    }
    expect(await countRows(h.database, 'support_case')).toBe(cases);
    const after = await worker.request('GET', `/api/v1/cases/${id}`);
    expect(after.json().history).toHaveLength(1);
  });

  it('writes every case read and step to the processing log', async () => {
    const officer = await h.as('privacy_officer');
    const log = await officer.request('GET', `/api/v1/processing-log?residentId=${residentId}&limit=200`);
    const activities = new Set(log.json().items.map((e: { activity: string }) => e.activity));
    for (const activity of ['case.open', 'case.view', 'case.update', 'case.worklist']) {
      expect(activities.has(activity), activity).toBe(true);
    }
  });

  it('keeps cases from other roles and municipalities', async () => {
    for (const role of ['board_member', 'policy_advisor', 'contract_manager', 'provider_user'] as const) {
      const client = await h.as(role);
      expect((await client.request('GET', `/api/v1/cases/${caseId}`)).statusCode, role).toBe(403);
      expect((await client.request('GET', '/api/v1/worklist')).statusCode, role).toBe(403);
    }
    const elsewhere = await h.as('case_worker', '0002');
    expect((await elsewhere.request('GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    const noTeam = await elsewhere.request('POST', '/api/v1/cases', {
      residentId,
      law: 'wmo',
      reportDate: today,
      request: 'x',
    });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.json().field).toBe('teamId');
  });
});
