import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { AUTHENTICATED } from '../../server/access.js';
import { notFound } from '../../server/errors.js';
import { inTenant } from '../../server/request-context.js';
import type { ZodApp } from '../../server/zod-app.js';
import { findMunicipality, regionsOf } from './tenancy-service.js';

export function tenancyRoutes(app: ZodApp, database: Database): void {
  app.get(
    '/api/v1/municipality',
    {
      config: { access: AUTHENTICATED },
      schema: {
        tags: ['gemeente'],
        summary: 'De eigen gemeente en de regio’s waarin zij samenwerkt',
        response: {
          200: z.object({
            code: z.string(),
            name: z.string(),
            population: z.number().int().nullable(),
            isDemo: z.boolean(),
            regions: z.array(
              z.object({ id: z.string(), name: z.string(), municipalityCodes: z.array(z.string()) }),
            ),
          }),
        },
      },
    },
    (request) =>
      inTenant(database, request, async (ctx) => {
        const own = await findMunicipality(ctx.tx, ctx.municipalityCode);
        if (!own) throw notFound('De gemeente');
        return { ...own, regions: await regionsOf(ctx.tx, ctx.municipalityCode) };
      }),
  );
}
