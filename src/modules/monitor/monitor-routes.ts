import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { rolesOnly } from '../../server/access.js';
import { validationFailed } from '../../server/errors.js';
import { inTenant } from '../../server/request-context.js';
import type { ZodApp } from '../../server/zod-app.js';
import { KPI_INDICATORS } from '../../shared/kpi-indicators.js';
import { isoDate, listOf, personalDataPaging } from '../../shared/schema-helpers.js';
import { caseSummary } from '../cases/cases-schema.js';
import type { OutcomeFilter } from '../cases/outcome-facts.js';
import { CASE_ROLES, clientMonitor, clientMonitorCases, MonitorCache } from './client-monitor-service.js';
import { providerMonitor } from './provider-monitor-service.js';

const monitorFilter = {
  law: z.enum(['wmo', 'youth', 'participation']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};
const monitorQuery = z.strictObject(monitorFilter);
const drillDownQuery = z.strictObject({
  ...monitorFilter,
  dimension: z.enum(['provision', 'provider', 'law', 'district', 'quarter'], {
    error: 'Kies provision, provider, law, district of quarter.',
  }),
  key: z.string().min(1).max(100),
  outcome: z.enum(['compensated', 'partly_compensated', 'not_compensated']).optional(),
  ...personalDataPaging,
});
const outcomeCase = caseSummary.extend({
  outcome: z.enum(['compensated', 'partly_compensated', 'not_compensated']).nullable(),
  evaluatedOn: z.string().nullable(),
});

function filterOf(query: z.infer<typeof monitorQuery>): OutcomeFilter {
  if (query.from && query.to && query.from > query.to) {
    throw validationFailed('to', 'De einddatum ligt vóór de begindatum.');
  }
  return { law: query.law, from: query.from, to: query.to };
}

const disclosed = z.object({ value: z.number().nullable(), suppressed: z.boolean() });
const compensationRow = z.object({
  key: z.string(),
  label: z.string(),
  evaluated: disclosed,
  compensated: disclosed,
  partlyCompensated: disclosed,
  notCompensated: disclosed,
  compensationRate: disclosed,
});
const clientMonitorView = z.object({
  /** Whether this role may open the cases behind a figure. */
  drillDown: z.boolean(),
  disclosureApplied: z.boolean(),
  byProvision: z.array(compensationRow),
  byProvider: z.array(compensationRow),
  byLaw: z.array(compensationRow),
  byDistrict: z.array(compensationRow),
  byQuarter: z.array(compensationRow),
  leadTimes: z.array(
    z.object({
      key: z.string(),
      law: z.string(),
      decided: disclosed,
      medianDays: z.number().nullable(),
      decidedLate: disclosed,
      lateShare: disclosed,
    }),
  ),
  zrmChange: z.array(
    z.object({
      domain: z.string(),
      label: z.string(),
      improved: disclosed,
      same: disclosed,
      worse: disclosed,
    }),
  ),
});

const rejection = z.object({ code: z.string(), meaning: z.string(), count: z.number().int() });
const providerMonitorView = z.object({
  measuredUntil: z.string(),
  disclosureApplied: z.boolean(),
  providers: z.array(
    z.object({
      providerId: z.string(),
      name: z.string(),
      allocations: disclosed,
      started: disclosed,
      neverStarted: disclosed,
      neverStartedRate: disclosed,
      medianDaysToStart: z.number().nullable(),
      allocatedCents: z.number().int(),
      awardedCents: z.number().int(),
      deliveryRate: z.number().nullable(),
      servicesDeclared: z.number().int(),
      servicesRejected: z.number().int(),
      rejectedRate: z.number().nullable(),
      rejections: z.array(rejection),
      reports: z.number().int(),
      lateReports: z.number().int(),
      lateRate: z.number().nullable(),
    }),
  ),
  contracts: z.array(
    z.object({
      contractId: z.string(),
      reference: z.string(),
      providerId: z.string(),
      providerName: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      budgetCeilingCents: z.number().int().nullable(),
      allocatedCents: z.number().int(),
      awardedCents: z.number().int(),
      deliveryRate: z.number().nullable(),
      ceilingUsed: z.number().nullable(),
      kpis: z.array(
        z.object({
          indicator: z.enum(KPI_INDICATORS),
          target: z.number(),
          measured: z.number().nullable(),
          met: z.boolean().nullable(),
        }),
      ),
    }),
  ),
});

export function monitorRoutes(app: ZodApp, database: Database): void {
  const cache = new MonitorCache();
  app.get(
    '/api/v1/monitor/clients',
    {
      config: {
        access: rolesOnly(
          'administrator',
          'policy_advisor',
          'contract_manager',
          'case_worker',
          'board_member',
        ),
      },
      schema: {
        tags: ['monitor'],
        summary:
          'Cliëntmonitor: compensatie per voorziening, aanbieder, wet, wijk en kwartaal; ZRM-verandering; doorlooptijden. Zonder casustoegang volgens de CBS-onthullingsregel.',
        querystring: monitorQuery,
        response: { 200: clientMonitorView },
      },
    },
    (request) =>
      inTenant(database, request, async (ctx) => ({
        ...(await clientMonitor(ctx, filterOf(request.query), cache)),
        drillDown: CASE_ROLES.includes(ctx.actor.role),
      })),
  );

  app.get(
    '/api/v1/monitor/clients/cases',
    {
      // Only roles with case access; they see their own teams' cases behind the figure.
      config: { access: rolesOnly('case_worker') },
      schema: {
        tags: ['monitor'],
        summary:
          'De casussen achter één cijfer van de cliëntmonitor (alleen de casussen van uw eigen teams).',
        querystring: drillDownQuery,
        response: { 200: listOf(outcomeCase) },
      },
    },
    (request) =>
      inTenant(database, request, async (ctx) => {
        const { dimension, key, outcome, limit, offset, ...filter } = request.query;
        return clientMonitorCases(ctx, { dimension, key, outcome }, filterOf(filter), { limit, offset });
      }),
  );

  app.get(
    '/api/v1/monitor/providers',
    {
      config: { access: rolesOnly('administrator', 'policy_advisor', 'contract_manager', 'board_member') },
      schema: {
        tags: ['monitor'],
        summary:
          'Aanbiedersmonitor: per aanbieder en contract de tijd tot de start, nooit gestarte toewijzingen, geleverde (toegekende) tegen toegewezen waarde, afgewezen declaraties en waarom, te late start- en stopberichten, en besteding tegen het plafond. Aantallen cliënten volgens de CBS-onthullingsregel.',
        querystring: z.strictObject({
          law: z
            .enum(['wmo', 'youth'], {
              error: 'Kies wmo of youth: alleen die wetten kennen berichtenverkeer.',
            })
            .optional(),
        }),
        response: { 200: providerMonitorView },
      },
    },
    (request) => inTenant(database, request, (ctx) => providerMonitor(ctx, { law: request.query.law })),
  );
}
