import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { AUTHENTICATED, PUBLIC, rolesOnly } from '../../server/access.js';
import { DomainError } from '../../server/errors.js';
import { inTenant } from '../../server/request-context.js';
import type { ZodApp } from '../../server/zod-app.js';
import { ROLES } from '../../shared/roles.js';
import { listOf, requiredText } from '../../shared/schema-helpers.js';
import {
  changePassword,
  createAccount,
  listAccounts,
  login,
  logout,
  updateAccount,
} from './accounts-service.js';
import type { LoginThrottle } from './login-throttle.js';

export const SESSION_COOKIE = 'rk_session';

const accountSession = z.object({
  account: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    municipalityCode: z.string(),
    municipalityName: z.string(),
    providerId: z.string().nullable(),
  }),
  csrfToken: z.string(),
});

const accountView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  providerId: z.string().nullable(),
  active: z.boolean(),
});

const roleField = z.enum(ROLES, { error: 'Kies een geldige rol.' });
const providerField = z.uuid({ error: 'Dit is geen geldige id.' }).nullable().optional();

export interface AccountsRouteOptions {
  database: Database;
  throttle: LoginThrottle;
  sessionHours: number;
}

export function accountsRoutes(
  app: ZodApp,
  { database, throttle, sessionHours }: AccountsRouteOptions,
): void {
  const tags = ['sessie en accounts'];

  app.get(
    '/api/v1/auth/session',
    {
      config: { access: PUBLIC },
      schema: { tags, summary: 'De huidige sessie', response: { 200: accountSession } },
    },
    async (request) => {
      const s = request.session;
      if (!s) throw new DomainError('UNAUTHENTICATED', 401, 'U bent niet ingelogd.');
      return { account: sessionAccount(s), csrfToken: s.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: PUBLIC, csrf: false },
      schema: {
        tags,
        summary: 'Inloggen',
        body: z.strictObject({
          username: z.string().trim().min(1, { error: 'Vul uw gebruikersnaam in.' }).max(64),
          password: z.string().min(1, { error: 'Vul uw wachtwoord in.' }).max(256),
        }),
        response: { 200: accountSession },
      },
    },
    async (request, reply) => {
      const result = await login(
        database,
        throttle,
        { username: request.body.username, password: request.body.password, address: request.ip },
        sessionHours,
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: Math.round(sessionHours * 3600),
      });
      return { account: sessionAccount(result.session), csrfToken: result.session.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: AUTHENTICATED }, schema: { tags, summary: 'Uitloggen' } },
    async (request, reply) => {
      if (request.session) await logout(database, request.session.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: AUTHENTICATED },
      schema: {
        tags,
        summary: 'Wachtwoord wijzigen',
        body: z.strictObject({
          currentPassword: z.string().min(1, { error: 'Vul uw huidige wachtwoord in.' }).max(256),
          newPassword: z.string().max(256),
        }),
      },
    },
    async (request, reply) => {
      if (!request.session) throw new DomainError('UNAUTHENTICATED', 401, 'U bent niet ingelogd.');
      await changePassword(database, request.session, request.body);
      return reply.code(204).send();
    },
  );

  const ADMIN = rolesOnly('administrator');
  const accountTags = ['sessie en accounts'];

  app.get(
    '/api/v1/accounts',
    {
      config: { access: ADMIN },
      schema: {
        tags: accountTags,
        summary: 'Accounts van de gemeente',
        response: { 200: listOf(accountView) },
      },
    },
    (request) =>
      inTenant(database, request, async (ctx) => {
        const items = await listAccounts(ctx);
        return { items, total: items.length };
      }),
  );

  app.post(
    '/api/v1/accounts',
    {
      config: { access: ADMIN },
      schema: {
        tags: accountTags,
        summary: 'Account aanmaken',
        body: z.strictObject({
          username: z.string().trim().toLowerCase(),
          displayName: requiredText('De naam'),
          role: roleField,
          password: z.string().max(256),
          providerId: providerField,
        }),
        response: { 201: accountView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inTenant(database, request, (ctx) => createAccount(ctx, request.body))),
  );

  app.put(
    '/api/v1/accounts/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags: accountTags,
        summary: 'Account wijzigen of uitschakelen',
        params: z.object({ id: z.uuid({ error: 'Dit is geen geldige id.' }) }),
        body: z.strictObject({
          displayName: requiredText('De naam'),
          role: roleField,
          active: z.boolean(),
          providerId: providerField,
        }),
        response: { 200: accountView },
      },
    },
    (request) => inTenant(database, request, (ctx) => updateAccount(ctx, request.params.id, request.body)),
  );
}

function sessionAccount(s: {
  accountId: string;
  username: string;
  displayName: string;
  role: (typeof ROLES)[number];
  municipalityCode: string;
  municipalityName: string;
  providerId: string | null;
}) {
  return {
    id: s.accountId,
    username: s.username,
    displayName: s.displayName,
    role: s.role,
    municipalityCode: s.municipalityCode,
    municipalityName: s.municipalityName,
    providerId: s.providerId,
  };
}
