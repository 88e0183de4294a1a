import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { rolesOnly } from '../../server/access.js';
import { inTenant } from '../../server/request-context.js';
import type { ZodApp } from '../../server/zod-app.js';
import { assessmentBody, assessmentView, uuid } from './assessment-schema.js';
import { getAssessment, recordAssessment } from './assessment-service.js';

const CASE_WORKERS = rolesOnly('case_worker');
const idParams = z.object({ id: uuid });

export function assessmentRoutes(app: ZodApp, database: Database): void {
  const tags = ['toegang en maatwerk'];

  app.put(
    '/api/v1/cases/:id/assessment',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary:
          'Onderzoek vastleggen of wijzigen: leefgebieden, eigen kracht, netwerk, plan met doelen, ZRM bij intake (wordt gelogd)',
        params: idParams,
        body: assessmentBody,
        response: { 200: assessmentView },
      },
    },
    (request) => inTenant(database, request, (ctx) => recordAssessment(ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/v1/cases/:id/assessment',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary: 'Het onderzoek van een casus (wordt gelogd)',
        params: idParams,
        response: { 200: assessmentView },
      },
    },
    (request) => inTenant(database, request, (ctx) => getAssessment(ctx, request.params.id)),
  );
}
