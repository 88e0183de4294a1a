import type { Database } from '../../db/connection.js';
import {
  CONTRACT_READERS as CONTRACT_READER_ROLES,
  REGISTRY_READERS,
  rolesOnly,
} from '../../server/access.js';
import { inTenant } from '../../server/request-context.js';
import type { ZodApp } from '../../server/zod-app.js';
import { createContract, getContract, listContracts, updateContract } from './contract-service.js';
import { createProvider, getProvider, listProviders, updateProvider } from './provider-service.js';
import { createProvision, getProvision, listProvisions, updateProvision } from './provision-service.js';
import {
  contractBody,
  contractDetail,
  contractList,
  contractQuery,
  idParams,
  providerBody,
  providerDetail,
  providerList,
  providerQuery,
  provisionBody,
  provisionList,
  provisionQuery,
  provisionView,
  residentBody,
  residentList,
  residentQuery,
  residentView,
} from './registry-schema.js';
import { getResident, registerResident, searchResidents, updateResident } from './resident-service.js';

const PROVIDER_READERS = rolesOnly(...REGISTRY_READERS, 'provider_user');
const PROVIDER_WRITERS = rolesOnly('administrator', 'contract_manager');
const PROVISION_WRITERS = rolesOnly('administrator', 'policy_advisor', 'contract_manager');
const CONTRACT_READERS = { roles: CONTRACT_READER_ROLES };
const CONTRACT_WRITERS = rolesOnly('administrator', 'contract_manager');
/** Identity data: only the people who handle residents' requests. */
const RESIDENT_HANDLERS = rolesOnly('case_worker');

export function registryRoutes(app: ZodApp, database: Database): void {
  // providers
  app.get(
    '/api/v1/providers',
    {
      config: { access: PROVIDER_READERS },
      schema: {
        tags: ['aanbieders'],
        summary: 'Aanbieders zoeken',
        querystring: providerQuery,
        response: { 200: providerList },
      },
    },
    (request) => inTenant(database, request, (ctx) => listProviders(ctx, request.query)),
  );
  app.get(
    '/api/v1/providers/:id',
    {
      config: { access: PROVIDER_READERS },
      schema: {
        tags: ['aanbieders'],
        summary: 'Eén aanbieder met contracten',
        params: idParams,
        response: { 200: providerDetail },
      },
    },
    (request) => inTenant(database, request, (ctx) => getProvider(ctx, request.params.id)),
  );
  app.post(
    '/api/v1/providers',
    {
      config: { access: PROVIDER_WRITERS },
      schema: {
        tags: ['aanbieders'],
        summary: 'Aanbieder toevoegen',
        body: providerBody,
        response: { 201: providerDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inTenant(database, request, (ctx) => createProvider(ctx, request.body))),
  );
  app.put(
    '/api/v1/providers/:id',
    {
      config: { access: PROVIDER_WRITERS },
      schema: {
        tags: ['aanbieders'],
        summary: 'Aanbieder wijzigen',
        params: idParams,
        body: providerBody,
        response: { 200: providerDetail },
      },
    },
    (request) => inTenant(database, request, (ctx) => updateProvider(ctx, request.params.id, request.body)),
  );

  // provisions
  app.get(
    '/api/v1/provisions',
    {
      config: { access: { roles: REGISTRY_READERS } },
      schema: {
        tags: ['voorzieningen'],
        summary: 'Voorzieningen zoeken',
        querystring: provisionQuery,
        response: { 200: provisionList },
      },
    },
    (request) => inTenant(database, request, (ctx) => listProvisions(ctx, request.query)),
  );
  app.get(
    '/api/v1/provisions/:id',
    {
      config: { access: { roles: REGISTRY_READERS } },
      schema: {
        tags: ['voorzieningen'],
        summary: 'Eén voorziening',
        params: idParams,
        response: { 200: provisionView },
      },
    },
    (request) => inTenant(database, request, (ctx) => getProvision(ctx, request.params.id)),
  );
  app.post(
    '/api/v1/provisions',
    {
      config: { access: PROVISION_WRITERS },
      schema: {
        tags: ['voorzieningen'],
        summary: 'Voorziening toevoegen',
        body: provisionBody,
        response: { 201: provisionView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inTenant(database, request, (ctx) => createProvision(ctx, request.body))),
  );
  app.put(
    '/api/v1/provisions/:id',
    {
      config: { access: PROVISION_WRITERS },
      schema: {
        tags: ['voorzieningen'],
        summary: 'Voorziening wijzigen',
        params: idParams,
        body: provisionBody,
        response: { 200: provisionView },
      },
    },
    (request) => inTenant(database, request, (ctx) => updateProvision(ctx, request.params.id, request.body)),
  );

  // contracts
  app.get(
    '/api/v1/contracts',
    {
      config: { access: CONTRACT_READERS },
      schema: {
        tags: ['contracten'],
        summary: 'Contracten zoeken',
        querystring: contractQuery,
        response: { 200: contractList },
      },
    },
    (request) => inTenant(database, request, (ctx) => listContracts(ctx, request.query)),
  );
  app.get(
    '/api/v1/contracts/:id',
    {
      config: { access: CONTRACT_READERS },
      schema: {
        tags: ['contracten'],
        summary: 'Eén contract met tarieven',
        params: idParams,
        response: { 200: contractDetail },
      },
    },
    (request) => inTenant(database, request, (ctx) => getContract(ctx, request.params.id)),
  );
  app.post(
    '/api/v1/contracts',
    {
      config: { access: CONTRACT_WRITERS },
      schema: {
        tags: ['contracten'],
        summary: 'Contract toevoegen',
        body: contractBody,
        response: { 201: contractDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inTenant(database, request, (ctx) => createContract(ctx, request.body))),
  );
  app.put(
    '/api/v1/contracts/:id',
    {
      config: { access: CONTRACT_WRITERS },
      schema: {
        tags: ['contracten'],
        summary: 'Contract wijzigen',
        params: idParams,
        body: contractBody,
        response: { 200: contractDetail },
      },
    },
    (request) => inTenant(database, request, (ctx) => updateContract(ctx, request.params.id, request.body)),
  );

  // residents
  app.get(
    '/api/v1/residents',
    {
      config: { access: RESIDENT_HANDLERS },
      schema: {
        tags: ['inwoners'],
        summary: 'Inwoners zoeken op naam of BSN (wordt gelogd)',
        querystring: residentQuery,
        response: { 200: residentList },
      },
    },
    (request) => inTenant(database, request, (ctx) => searchResidents(ctx, request.query)),
  );
  app.get(
    '/api/v1/residents/:id',
    {
      config: { access: RESIDENT_HANDLERS },
      schema: {
        tags: ['inwoners'],
        summary: 'Eén inwoner (wordt gelogd)',
        params: idParams,
        response: { 200: residentView },
      },
    },
    (request) => inTenant(database, request, (ctx) => getResident(ctx, request.params.id)),
  );
  app.post(
    '/api/v1/residents',
    {
      config: { access: RESIDENT_HANDLERS },
      schema: {
        tags: ['inwoners'],
        summary: 'Inwoner registreren',
        body: residentBody,
        response: { 201: residentView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inTenant(database, request, (ctx) => registerResident(ctx, request.body))),
  );
  app.put(
    '/api/v1/residents/:id',
    {
      config: { access: RESIDENT_HANDLERS },
      schema: {
        tags: ['inwoners'],
        summary: 'Inwonergegevens wijzigen',
        params: idParams,
        body: residentBody,
        response: { 200: residentView },
      },
    },
    (request) => inTenant(database, request, (ctx) => updateResident(ctx, request.params.id, request.body)),
  );
}
