import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { rolesOnly } from '../../server/access.js';
import { validationFailed } from '../../server/errors.js';
import { inTenant } from '../../server/request-context.js';
import type { ZodApp } from '../../server/zod-app.js';
import { MESSAGES } from '../../shared/identifiers.js';
import { isoDate, listOf, paging } from '../../shared/schema-helpers.js';
import { exportPage, queryProcessingLog, toLogboekRecord } from './processing-log-service.js';

const PRIVACY_OFFICER = rolesOnly('privacy_officer');
const uuid = z.uuid({ error: 'Dit is geen geldige id.' });

const filterFields = {
  residentId: uuid.optional(),
  bsn: z
    .string()
    .regex(/^[0-9]{9}$/, { error: MESSAGES.bsn })
    .optional(),
  actorId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

const entry = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  actorRole: z.string(),
  action: z.string(),
  activity: z.string(),
  activityName: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  confidentiality: z.string(),
  retentionPeriod: z.string(),
  residentId: z.string().nullable(),
  objects: z.array(z.object({ type: z.string(), identifierType: z.string(), identifier: z.string() })),
  requestId: z.string(),
  traceId: z.string(),
  spanId: z.string(),
});

function checkPeriod(from: string | undefined, to: string | undefined): void {
  if (from && to && to < from)
    throw validationFailed('to', 'De einddatum van de periode ligt vóór de begindatum.');
}

const EXPORT_PAGE = 5000;

export function processingLogRoutes(app: ZodApp, database: Database): void {
  const tags = ['verwerkingenlog'];
  app.get(
    '/api/v1/processing-log',
    {
      config: { access: PRIVACY_OFFICER },
      schema: {
        tags,
        summary: 'Verwerkingen zoeken per inwoner (id of BSN), medewerker of periode',
        querystring: z.strictObject({ ...filterFields, ...paging }),
        response: { 200: listOf(entry) },
      },
    },
    (request) => {
      checkPeriod(request.query.from, request.query.to);
      return inTenant(database, request, (ctx) => queryProcessingLog(ctx, request.query));
    },
  );

  app.get(
    '/api/v1/processing-log/export',
    {
      config: { access: PRIVACY_OFFICER },
      schema: {
        tags,
        summary: 'Verwerkingen exporteren als NDJSON (Logboek Dataverwerkingen)',
        querystring: z.strictObject(filterFields),
      },
    },
    async (request, reply) => {
      checkPeriod(request.query.from, request.query.to);
      const filter = request.query;
      // Streamed page by page, each page in its own short transaction, so a large export
      // neither fills memory nor holds the (single, on PGlite) connection for its whole length.
      async function* lines(): AsyncGenerator<string> {
        let before: number | undefined;
        for (;;) {
          const page = await inTenant(database, request, (ctx) =>
            exportPage(ctx, filter, before, EXPORT_PAGE),
          );
          const code = request.session?.municipalityCode ?? '';
          for (const entry of page) yield `${JSON.stringify(toLogboekRecord(entry, code))}\n`;
          const last = page[page.length - 1];
          if (page.length < EXPORT_PAGE || !last) return;
          before = last.id;
        }
      }
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="verwerkingenlog-${stamp}.ndjson"`)
        .send(Readable.from(lines()));
    },
  );
}
