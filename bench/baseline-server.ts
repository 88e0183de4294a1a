/**
 * The baseline: a bare Fastify with the same SQL as the real provider-list and contract
 * endpoints, in the same tenant transaction, but without sessions, access rules, Zod schemas,
 * security headers or the processing log. The gap to the real app is what those layers cost.
 */
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Database, queryRows } from '../src/db/connection.js';

interface ProviderRow {
  id: string;
  agbCode: string;
  name: string;
  kvkNumber: string | null;
  contractCount: number;
}

interface ContractRow {
  id: string;
  providerId: string;
  providerName: string;
  reference: string;
  financingVariant: string;
  startDate: string;
  endDate: string;
  /** int8: a string from pg, so converted like drizzle's bigint mode 'number' does. */
  budgetCeilingCents: string | number | bigint | null;
  lineCount: number;
}

interface LineRow {
  provisionId: string;
  provisionCode: string;
  provisionName: string;
  unit: string | null;
  tariffCents: string | number | bigint;
}

function numberOrNull(value: string | number | bigint | null): number | null {
  return value === null ? null : Number(value);
}

function pageParameter(value: string | undefined, fallback: number): number {
  const parsed = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

export async function buildBaselineServer(
  database: Database,
  municipalityCode: string,
): Promise<FastifyInstance> {
  const app = Fastify();

  app.get<{ Querystring: { limit?: string; offset?: string } }>('/api/v1/providers', (request) => {
    const limit = pageParameter(request.query.limit, 50);
    const offset = pageParameter(request.query.offset, 0);
    return database.withTenant(municipalityCode, async (tx) => {
      const items = await queryRows<ProviderRow>(
        tx,
        sql`select p.id, p.agb_code as "agbCode", p.name, p.kvk_number as "kvkNumber",
              (select count(*)::int from contract c
                where c.municipality_code = p.municipality_code and c.provider_id = p.id) as "contractCount"
            from provider p
            order by p.name asc, p.id asc
            limit ${limit} offset ${offset}`,
      );
      const [counted] = await queryRows<{ total: number }>(
        tx,
        sql`select count(*)::int as total from provider`,
      );
      return { items, total: counted?.total ?? 0 };
    });
  });

  app.get<{ Params: { id: string } }>('/api/v1/contracts/:id', async (request, reply) => {
    const found = await database.withTenant(municipalityCode, async (tx) => {
      const [row] = await queryRows<ContractRow>(
        tx,
        sql`select c.id, c.provider_id as "providerId", p.name as "providerName", c.reference,
              c.financing_variant as "financingVariant", c.start_date as "startDate",
              c.end_date as "endDate", c.budget_ceiling_cents as "budgetCeilingCents",
              (select count(*)::int from contract_line l
                where l.municipality_code = c.municipality_code and l.contract_id = c.id) as "lineCount"
            from contract c
            join provider p on p.municipality_code = c.municipality_code and p.id = c.provider_id
            where c.id = ${request.params.id}`,
      );
      if (!row) return undefined;
      const lines = await queryRows<LineRow>(
        tx,
        sql`select l.provision_id as "provisionId", v.code as "provisionCode", v.name as "provisionName",
              v.unit, l.tariff_cents as "tariffCents"
            from contract_line l
            join provision v on v.municipality_code = l.municipality_code and v.id = l.provision_id
            where l.contract_id = ${request.params.id}
            order by v.name asc`,
      );
      return {
        ...row,
        budgetCeilingCents: numberOrNull(row.budgetCeilingCents),
        lines: lines.map((line) => ({ ...line, tariffCents: Number(line.tariffCents) })),
      };
    });
    if (!found) return reply.code(404).send({ error: 'NOT_FOUND' });
    return found;
  });

  return app;
}
