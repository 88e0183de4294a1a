import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { rolesOnly } from '../../server/access.js';
import { inTenant } from '../../server/request-context.js';
import type { ZodApp } from '../../server/zod-app.js';
import { uuid } from './assessment-schema.js';
import {
  dueEvaluations,
  dueQuery,
  evaluationBody,
  evaluationList,
  evaluationView,
} from './evaluation-schema.js';
import { evaluationsDue, listEvaluations, recordEvaluation } from './evaluation-service.js';

const CASE_WORKERS = rolesOnly('case_worker');
const idParams = z.object({ id: uuid });

export function evaluationRoutes(app: ZodApp, database: Database): void {
  const tags = ['toegang en maatwerk'];

  app.post(
    '/api/v1/cases/:id/evaluations',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary:
          'Evaluatie vastleggen: doelbereik en ZRM-scores; de uitkomst (gecompenseerd of niet) wordt afgeleid (wordt gelogd)',
        params: idParams,
        body: evaluationBody,
        response: { 201: evaluationView },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inTenant(database, request, (ctx) => recordEvaluation(ctx, request.params.id, request.body)),
        ),
  );
  app.get(
    '/api/v1/cases/:id/evaluations',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary: 'Evaluaties van een casus, oudste eerst (wordt gelogd)',
        params: idParams,
        response: { 200: evaluationList },
      },
    },
    (request) =>
      inTenant(database, request, async (ctx) => {
        const items = await listEvaluations(ctx, request.params.id);
        return { items, total: items.length };
      }),
  );
  app.get(
    '/api/v1/evaluations/due',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary:
          'Werkvoorraad: besloten casussen van mijn teams waarvan de evaluatie binnen 14 dagen gepland staat of te laat is (wordt gelogd)',
        querystring: dueQuery,
        response: { 200: dueEvaluations },
      },
    },
    (request) => inTenant(database, request, (ctx) => evaluationsDue(ctx, request.query)),
  );
}
