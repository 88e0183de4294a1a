import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { rolesOnly } from '../../server/access.js';
import { inTenant } from '../../server/request-context.js';
import type { ZodApp } from '../../server/zod-app.js';
import { clientMonitor } from './client-monitor-service.js';

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
  disclosureApplied: z.boolean(),
  byProvision: z.array(compensationRow),
  byProvider: z.array(compensationRow),
  byLaw: z.array(compensationRow),
  byDistrict: z.array(compensationRow),
  byQuarter: z.array(compensationRow),
  leadTimes: z.array(
    z.object({
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

export function monitorRoutes(app: ZodApp, database: Database): void {
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
        response: { 200: clientMonitorView },
      },
    },
    (request) => inTenant(database, request, (ctx) => clientMonitor(ctx)),
  );
}
