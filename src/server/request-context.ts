/**
 * What a service function needs to know about the request it serves: the tenant, who acts,
 * and the trace identifiers the processing log records. Built once per request.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppTx, Database } from '../db/connection.js';
import type { Role } from '../shared/roles.js';
import { DomainError } from './errors.js';

export interface Actor {
  id: string | null;
  name: string;
  role: Role | 'system';
  providerId: string | null;
}

export interface Trace {
  requestId: string;
  traceId: string;
  spanId: string;
}

export interface TenantContext {
  tx: AppTx;
  municipalityCode: string;
  actor: Actor;
  trace: Trace;
}

export interface SessionInfo {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  municipalityCode: string;
  municipalityName: string;
  providerId: string | null;
  csrfToken: string;
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
    trace: Trace;
  }
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** W3C trace context: continue the caller's trace when it sends one, else start a new one. */
export function traceFor(requestId: string, traceparent: string | undefined): Trace {
  const match = traceparent ? TRACEPARENT.exec(traceparent) : null;
  const traceId = match?.[1] && !/^0+$/.test(match[1]) ? match[1] : randomBytes(16).toString('hex');
  return { requestId, traceId, spanId: randomBytes(8).toString('hex') };
}

export function systemTrace(label: string): Trace {
  return {
    requestId: label,
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
  };
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'systeem', role: 'system', providerId: null };

/** Runs fn in the signed-in user's tenant, as the application role. */
export function inTenant<T>(
  database: Database,
  request: FastifyRequest,
  fn: (ctx: TenantContext) => Promise<T>,
): Promise<T> {
  const session = request.session;
  if (!session) throw new DomainError('UNAUTHENTICATED', 401, 'U bent niet ingelogd.');
  const actor: Actor = {
    id: session.accountId,
    name: session.displayName,
    role: session.role,
    providerId: session.providerId,
  };
  return database.withTenant(session.municipalityCode, (tx) =>
    fn({ tx, municipalityCode: session.municipalityCode, actor, trace: request.trace }),
  );
}
