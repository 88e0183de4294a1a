import { eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TenantContext } from '../../server/request-context.js';

/** A provider user is confined to its own provider's rows; everyone else sees all. */
export function ownProviderOnly(ctx: TenantContext, providerIdColumn: PgColumn): SQL | undefined {
  if (ctx.actor.role !== 'provider_user') return undefined;
  return ctx.actor.providerId ? eq(providerIdColumn, ctx.actor.providerId) : sql`false`;
}
