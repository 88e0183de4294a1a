import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { rolesOnly } from '../../server/access.js';
import { DomainError } from '../../server/errors.js';
import { inTenant } from '../../server/request-context.js';
import type { ZodApp } from '../../server/zod-app.js';
import { listOf } from '../../shared/schema-helpers.js';
import {
  casesOfResident,
  caseWorklist,
  getSupportCase,
  openSupportCase,
  recordCaseEvent,
} from './case-service.js';
import {
  caseDetail,
  caseEventBody,
  openCaseBody,
  teamBody,
  teamMembersBody,
  teamView,
  worklist,
  worklistQuery,
} from './cases-schema.js';
import { createTeam, listTeams, setTeamMembers } from './teams-service.js';

const CASE_WORKERS = rolesOnly('case_worker');
const ADMIN = rolesOnly('administrator');
const idParams = z.object({ id: z.uuid({ error: 'Dit is geen geldige id.' }) });

export function casesRoutes(app: ZodApp, database: Database): void {
  const tags = ['toegang en maatwerk'];

  app.get(
    '/api/v1/teams',
    {
      config: { access: rolesOnly('administrator', 'case_worker') },
      schema: { tags, summary: 'Teams van de gemeente', response: { 200: listOf(teamView) } },
    },
    (request) =>
      inTenant(database, request, async (ctx) => {
        const items = await listTeams(ctx);
        return { items, total: items.length };
      }),
  );
  app.post(
    '/api/v1/teams',
    {
      config: { access: ADMIN },
      schema: { tags, summary: 'Team toevoegen', body: teamBody, response: { 201: teamView } },
    },
    async (request, reply) =>
      reply.code(201).send(await inTenant(database, request, (ctx) => createTeam(ctx, request.body))),
  );
  app.put(
    '/api/v1/teams/:id/members',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Leden van een team vastleggen',
        params: idParams,
        body: teamMembersBody,
        response: { 200: teamView },
      },
    },
    (request) =>
      inTenant(database, request, (ctx) => setTeamMembers(ctx, request.params.id, request.body.accountIds)),
  );

  app.get(
    '/api/v1/worklist',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary: 'Werkvoorraad: open casussen van mijn teams, meest urgente termijn eerst (wordt gelogd)',
        querystring: worklistQuery,
        response: { 200: worklist },
      },
    },
    (request) =>
      inTenant(database, request, (ctx) =>
        caseWorklist(ctx, { ...request.query, attention: request.query.attention === 'true' }),
      ),
  );
  app.get(
    '/api/v1/cases',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary: 'De casussen van één inwoner, voor zover van mijn teams; nieuwste eerst (wordt gelogd)',
        querystring: z.strictObject({ residentId: z.uuid({ error: 'Dit is geen geldige id.' }) }),
        response: { 200: worklist },
      },
    },
    (request) =>
      inTenant(database, request, async (ctx) => {
        const items = await casesOfResident(ctx, request.query.residentId);
        return { items, total: items.length };
      }),
  );
  app.post(
    '/api/v1/cases',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary: 'Melding of aanvraag vastleggen',
        body: openCaseBody,
        response: { 201: caseDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inTenant(database, request, (ctx) => openSupportCase(ctx, request.body))),
  );
  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary: 'Eén casus met termijnen en geschiedenis (wordt gelogd)',
        params: idParams,
        response: { 200: caseDetail },
      },
    },
    (request) => inTenant(database, request, (ctx) => getSupportCase(ctx, request.params.id)),
  );
  app.post(
    '/api/v1/cases/:id/events',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary: 'Een stap in de casus vastleggen (onderzoek, aanvraag, besluit, opschorting, verlenging...)',
        params: idParams,
        body: caseEventBody,
        response: { 200: caseDetail },
      },
    },
    (request) => {
      // A decision is recorded with its provisions (POST …/decision); a bare step would close
      // the case with nothing decided.
      if (request.body.type === 'decide') {
        throw new DomainError(
          'DECISION_REQUIRED',
          409,
          'Leg een besluit vast met de voorzieningen waarover besloten is (Besluit vastleggen).',
          'type',
        );
      }
      return inTenant(database, request, (ctx) => recordCaseEvent(ctx, request.params.id, request.body));
    },
  );
}
