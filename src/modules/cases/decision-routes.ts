import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { rolesOnly } from '../../server/access.js';
import { inTenant, type TenantContext } from '../../server/request-context.js';
import type { ZodApp } from '../../server/zod-app.js';
import { decisionBody, decisionView } from './decision-schema.js';
import { decisionLetterPdf, getDecision, recordDecision } from './decision-service.js';

const uuid = z.uuid({ error: 'Dit is geen geldige id.' });
const idParams = z.object({ id: uuid });

const CASE_WORKERS = rolesOnly('case_worker');

/**
 * What follows a decision in its transaction, supplied by the composition root: the message
 * exchange puts the allocations in its outbox. Returns notices for the case worker (an
 * allocation that could not be sent yet, and why); cases does not depend on the exchange.
 */
export type AfterDecision = (ctx: TenantContext, caseId: string) => Promise<string[]>;

export function decisionRoutes(
  app: ZodApp,
  database: Database,
  afterDecision: AfterDecision = async () => [],
): void {
  const tags = ['toegang en maatwerk'];
  app.post(
    '/api/v1/cases/:id/decision',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary:
          'Besluiten: per voorziening toekennen of afwijzen; toewijzingen ontstaan uit toegekende maatwerk in natura',
        params: idParams,
        body: decisionBody,
        response: { 201: decisionView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await inTenant(database, request, async (ctx) => {
          const decision = await recordDecision(ctx, request.params.id, request.body);
          return { ...decision, notices: await afterDecision(ctx, request.params.id) };
        }),
      ),
  );
  app.get(
    '/api/v1/cases/:id/decision',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary: 'Het besluit met toewijzingen (wordt gelogd)',
        params: idParams,
        response: { 200: decisionView },
      },
    },
    (request) => inTenant(database, request, (ctx) => getDecision(ctx, request.params.id)),
  );
  app.get(
    '/api/v1/cases/:id/decision/letter',
    {
      config: { access: CASE_WORKERS },
      schema: {
        tags,
        summary: 'De beschikking als PDF, met bezwaarclausule (wordt gelogd)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await inTenant(database, request, (ctx) =>
        decisionLetterPdf(ctx, request.params.id),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(Buffer.from(pdf));
    },
  );
}
