import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { REGISTRY_READERS, rolesOnly } from '../../server/access.js';
import { inTenant } from '../../server/request-context.js';
import type { ZodApp } from '../../server/zod-app.js';
import {
  createDistrictBody,
  createNeighbourhoodBody,
  districtCode,
  districtDetail,
  districtList,
  neighbourhoodCode,
  neighbourhoodDetail,
  neighbourhoodList,
  updateDistrictBody,
  updateNeighbourhoodBody,
} from './geography-schema.js';
import {
  createDistrict,
  createNeighbourhood,
  getDistrict,
  getNeighbourhood,
  listDistricts,
  listNeighbourhoods,
  updateDistrict,
  updateNeighbourhood,
} from './geography-service.js';

const READ = { roles: REGISTRY_READERS };
const WRITE = rolesOnly('administrator', 'policy_advisor');
const tags = ['geografie'];

export function geographyRoutes(app: ZodApp, database: Database): void {
  app.get(
    '/api/v1/districts',
    {
      config: { access: READ },
      schema: { tags, summary: 'Wijken van de gemeente', response: { 200: districtList } },
    },
    (request) =>
      inTenant(database, request, async (ctx) => {
        const items = await listDistricts(ctx);
        return { items, total: items.length };
      }),
  );

  app.get(
    '/api/v1/districts/:code',
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'Eén wijk met haar buurten',
        params: z.object({ code: districtCode }),
        response: { 200: districtDetail },
      },
    },
    (request) => inTenant(database, request, (ctx) => getDistrict(ctx, request.params.code)),
  );

  app.post(
    '/api/v1/districts',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Wijk toevoegen',
        body: createDistrictBody,
        response: { 201: districtDetail },
      },
    },
    async (request, reply) => {
      const created = await inTenant(database, request, (ctx) => createDistrict(ctx, request.body));
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/api/v1/districts/:code',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Wijk wijzigen',
        params: z.object({ code: districtCode }),
        body: updateDistrictBody,
        response: { 200: districtDetail },
      },
    },
    (request) => inTenant(database, request, (ctx) => updateDistrict(ctx, request.params.code, request.body)),
  );

  app.get(
    '/api/v1/neighbourhoods',
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'Buurten, eventueel van één wijk',
        querystring: z.strictObject({ district: districtCode.optional() }),
        response: { 200: neighbourhoodList },
      },
    },
    (request) =>
      inTenant(database, request, async (ctx) => {
        const items = await listNeighbourhoods(ctx, { districtCode: request.query.district });
        return { items, total: items.length };
      }),
  );

  app.get(
    '/api/v1/neighbourhoods/:code',
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'Eén buurt',
        params: z.object({ code: neighbourhoodCode }),
        response: { 200: neighbourhoodDetail },
      },
    },
    (request) => inTenant(database, request, (ctx) => getNeighbourhood(ctx, request.params.code)),
  );

  app.post(
    '/api/v1/neighbourhoods',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Buurt toevoegen',
        body: createNeighbourhoodBody,
        response: { 201: neighbourhoodDetail },
      },
    },
    async (request, reply) => {
      const created = await inTenant(database, request, (ctx) => createNeighbourhood(ctx, request.body));
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/api/v1/neighbourhoods/:code',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Buurt wijzigen',
        params: z.object({ code: neighbourhoodCode }),
        body: updateNeighbourhoodBody,
        response: { 200: neighbourhoodDetail },
      },
    },
    (request) =>
      inTenant(database, request, (ctx) => updateNeighbourhood(ctx, request.params.code, request.body)),
  );
}
