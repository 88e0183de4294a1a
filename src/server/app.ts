/**
 * The application factory: one Fastify instance with Zod schemas, OpenAPI, sessions, access
 * rules on every route, JSON errors, the modules' routes and the web front end.
 */

import { randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/connection.js';
import { accountsRoutes, SESSION_COOKIE } from '../modules/accounts/accounts-routes.js';
import { findSession } from '../modules/accounts/accounts-service.js';
import { LoginThrottle } from '../modules/accounts/login-throttle.js';
import { assessmentRoutes } from '../modules/cases/assessment-routes.js';
import { casesRoutes } from '../modules/cases/cases-routes.js';
import { decisionRoutes } from '../modules/cases/decision-routes.js';
import { evaluationRoutes } from '../modules/cases/evaluation-routes.js';
import { geographyRoutes } from '../modules/geography/geography-routes.js';
import { composeAllocationMessages, heldNotice } from '../modules/messaging/allocation-outbox.js';
import { messagingRoutes } from '../modules/messaging/messaging-routes.js';
import { monitorRoutes } from '../modules/monitor/monitor-routes.js';
import { processingLogRoutes } from '../modules/processing-log/processing-log-routes.js';
import { referenceRoutes } from '../modules/registry/reference-routes.js';
import { registryRoutes } from '../modules/registry/registry-routes.js';
import { tenancyRoutes } from '../modules/tenancy/tenancy-routes.js';
import { errorResponse } from '../shared/schema-helpers.js';
import { type AccessRule, allows, PUBLIC } from './access.js';
import { DomainError, postgresError, TooManyAttemptsError } from './errors.js';
import { type Trace, traceFor } from './request-context.js';
import type { ZodApp } from './zod-app.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface AppOptions {
  database: Database;
  sessionHours?: number;
  /** Minutes without a request after which a session ends (default 30). */
  sessionIdleMinutes?: number;
  trustProxy?: boolean;
  logLevel?: string;
  /** Folder with the built front end; null serves the API only. */
  webRoot?: string | null;
  loginThrottle?: LoginThrottle;
}

export interface RouteInfo {
  method: string;
  url: string;
  access: AccessRule | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: RouteInfo[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(options: AppOptions): Promise<ZodApp> {
  const { database } = options;
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    // Malformed URLs and the like get our error shape too, not Fastify's own.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      reply.code(400).send({ error: 'BAD_REQUEST', message: `Het verzoek is ongeldig: ${error.message}` });
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON only; other bodies get 415 rather than a confusing validation error.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorate('routeCatalogue', [] as RouteInfo[]);
  app.decorateRequest('session', null);
  app.decorateRequest('trace', null as unknown as Trace); // set in onRequest, before any handler reads it
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routeCatalogue.push({ method, url: route.url, access: route.config?.access });
    }
    // Every endpoint documents the error shape it can answer with.
    if (route.schema && !route.schema.hide) {
      route.schema.response = { ...(route.schema.response as object | undefined), '4XX': errorResponse };
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Regiekamer API',
        version: '1.0.0',
        description:
          'Sturingsplatform voor het sociaal domein (Wmo 2015, Jeugdwet, Participatiewet). Fouten hebben de vorm { error, message, field? }. Wijzigende verzoeken vereisen de header X-CSRF-Token uit de sessie.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onRequest', async (request) => {
    request.trace = traceFor(String(request.id), headerValue(request.headers.traceparent));
    // Only the API uses sessions; static files and the health check skip the lookup.
    const token = request.url.startsWith('/api/') ? request.cookies[SESSION_COOKIE] : undefined;
    request.session = token ? await findSession(database, token, options.sessionIdleMinutes ?? 30) : null;
    if (request.is404) return;
    const rule = request.routeOptions.config.access;
    if (!rule)
      throw new DomainError(
        'FORBIDDEN',
        403,
        'Deze functie heeft geen toegangsregel en is daarom afgeschermd.',
      );
    if (!allows(rule, request.session?.role)) {
      if (!request.session) throw new DomainError('UNAUTHENTICATED', 401, 'U bent niet ingelogd.');
      throw new DomainError('FORBIDDEN', 403, 'Uw rol geeft geen toegang tot deze functie.');
    }
    if (STATE_CHANGING.has(request.method) && request.routeOptions.config.csrf !== false && request.session) {
      const sent = headerValue(request.headers['x-csrf-token']);
      if (!sent || !sameToken(sent, request.session.csrfToken)) {
        throw new DomainError(
          'CSRF_TOKEN_INVALID',
          403,
          'Het beveiligingstoken (X-CSRF-Token) ontbreekt of klopt niet. Herlaad de pagina en probeer het opnieuw.',
        );
      }
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', String(request.id));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'",
    );
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: 'NOT_FOUND',
      message: `Er is niets op ${request.method} ${request.url.split('?')[0]}.`,
    }),
  );

  app.get(
    '/healthz',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['beheer'],
        summary: 'Levensteken',
        response: { 200: z.object({ status: z.literal('ok'), engine: z.string() }) },
      },
    },
    async () => {
      await database.db.execute('select 1');
      return { status: 'ok' as const, engine: database.engine };
    },
  );
  app.get('/api/openapi.json', { config: { access: PUBLIC }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  accountsRoutes(app, {
    database,
    throttle: options.loginThrottle ?? new LoginThrottle(),
    sessionHours: options.sessionHours ?? 8,
  });
  referenceRoutes(app);
  tenancyRoutes(app, database);
  geographyRoutes(app, database);
  registryRoutes(app, database);
  processingLogRoutes(app, database);
  casesRoutes(app, database);
  decisionRoutes(app, database, async (ctx, caseId) =>
    (await composeAllocationMessages(ctx, { caseIds: [caseId] })).held.map(heldNotice),
  );
  assessmentRoutes(app, database);
  evaluationRoutes(app, database);
  monitorRoutes(app, database);
  messagingRoutes(app, database);

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot && existsSync(path.join(webRoot, 'index.html'))) await serveWeb(app, webRoot);
  return app;
}

async function serveWeb(app: ZodApp, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, { root: webRoot, serve: false });
  // Only files that exist at start-up are served; every other path is the single-page app.
  const files = new Set(listFiles(webRoot));
  app.get('/*', { config: { access: PUBLIC }, schema: { hide: true } }, (request, reply) => {
    const pathname = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (pathname.startsWith('/api/')) {
      return reply.code(404).send({ error: 'NOT_FOUND', message: `Er is niets op GET ${pathname}.` });
    }
    const relative = pathname.replace(/^\/+/, '');
    if (files.has(relative)) {
      if (relative.startsWith('assets/'))
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.sendFile(relative);
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}

function listFiles(root: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, prefix))) {
    const relative = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(root, relative)).isDirectory()) out.push(...listFiles(root, relative));
    else out.push(relative);
  }
  return out;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

interface ErrorBody {
  error: string;
  message: string;
  field?: string;
  details?: { field: string; message: string }[];
}

const CONTEXT_LABEL: Record<string, string> = {
  body: 'de gegevens',
  querystring: 'de zoekparameters',
  params: 'het adres',
  headers: 'de headers',
};

function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const send = (status: number, body: ErrorBody) => reply.code(status).send(body);
  if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
  if (error instanceof DomainError) {
    return send(error.statusCode, {
      error: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => {
      const keys = (issue.params as { keys?: unknown }).keys;
      const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys) && keys.length > 0) {
        const field = [base, String(keys[0])].filter(Boolean).join('.');
        return { field, message: `Onbekend veld: ${keys.map(String).join(', ')}.` };
      }
      return { field: base, message: issue.message ?? 'Ongeldige waarde.' };
    });
    const first = details[0];
    const where = CONTEXT_LABEL[error.validationContext ?? 'body'] ?? 'het verzoek';
    return send(400, {
      error: 'VALIDATION_FAILED',
      message: first
        ? `Controleer ${where}: ${first.field ? `${first.field}: ` : ''}${first.message}`
        : 'Ongeldige invoer.',
      ...(first?.field ? { field: first.field } : {}),
      details,
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(413, {
        error: 'BODY_TOO_LARGE',
        message: `Het verzoek is groter dan ${BODY_LIMIT_BYTES / 1024} kB.`,
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(415, { error: 'UNSUPPORTED_MEDIA_TYPE', message: 'Stuur gegevens als application/json.' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(400, {
        error: 'INVALID_JSON',
        message: 'Het verzoek bevat geen gegevens, maar wel Content-Type JSON.',
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return send(400, { error: 'INVALID_JSON', message: 'De gegevens zijn geen geldige JSON.' });
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return send(400, { error: 'INVALID_JSON', message: 'De gegevens zijn geen geldige JSON.' });
  }
  const pgError = postgresError(error);
  if (pgError?.code === '23514' || pgError?.code === '23502') {
    return send(400, {
      error: 'VALIDATION_FAILED',
      message: 'De gegevens voldoen niet aan de regels van het register.',
    });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return send(error.statusCode, { error: 'BAD_REQUEST', message: 'Het verzoek is ongeldig.' });
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(500, {
    error: 'INTERNAL_ERROR',
    message: `Er ging iets mis aan onze kant. Noem bij een melding de code ${String(request.id)}.`,
  });
}
