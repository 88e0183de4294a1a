/**
 * What the messages say about delivery, per allocation, for the provider monitor: when care
 * started and stopped, whether the provider reported it in time, and what it declared and was
 * awarded. Aggregated in SQL; no personal data leaves this function.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TenantContext } from '../../server/request-context.js';
import { careReport, claimedService, message } from './messaging-tables.js';
import { addWorkingDays } from './working-days.js';

/** A start or stop is reported late when its message is dated more than this after the fact. */
export const REPORTING_TERM_WORKING_DAYS = 5;

export interface AllocationDelivery {
  allocationId: string;
  careStartedOn: string | null;
  careStoppedOn: string | null;
  /** Start and stop messages dated more than five working days after the start or stop. */
  lateReports: number;
  reports: number;
  /** Approved declared services up to `until` (period end), in signed cents. */
  awardedCents: number;
  servicesDeclared: number;
  servicesRejected: number;
  /** Return codes of rejected services, with how often each occurred. */
  rejectionCodes: Record<string, number>;
}

export async function deliveryByAllocation(
  ctx: TenantContext,
  until: string,
): Promise<Map<string, AllocationDelivery>> {
  // One after another: the statements share the transaction's connection.
  const reports = await ctx.tx
    .select({
      allocationId: careReport.allocationId,
      kind: careReport.kind,
      startDate: careReport.startDate,
      endDate: careReport.endDate,
      datedOn: message.datedOn,
    })
    .from(careReport)
    .innerJoin(
      message,
      and(eq(message.municipalityCode, careReport.municipalityCode), eq(message.id, careReport.messageId)),
    )
    .where(isNull(careReport.withdrawnBy));
  const services = await ctx.tx
    .select({
      allocationId: claimedService.allocationId,
      awardedCents:
        sql<number>`coalesce(sum(${claimedService.submittedCents}) filter (where ${claimedService.approved}), 0)::bigint`.mapWith(
          Number,
        ),
      declared: sql<number>`count(*)::int`,
      rejected: sql<number>`(count(*) filter (where not ${claimedService.approved}))::int`,
    })
    .from(claimedService)
    .where(sql`${claimedService.periodEnd} <= ${until} and ${claimedService.allocationId} is not null`)
    .groupBy(claimedService.allocationId);
  const codes = await ctx.tx
    .select({
      allocationId: claimedService.allocationId,
      code: sql<string>`unnest(${claimedService.returnCodes})`,
    })
    .from(claimedService)
    .where(
      sql`not ${claimedService.approved} and ${claimedService.periodEnd} <= ${until} and ${claimedService.allocationId} is not null`,
    );
  const result = new Map<string, AllocationDelivery>();
  const entry = (allocationId: string): AllocationDelivery => {
    let found = result.get(allocationId);
    if (!found) {
      found = {
        allocationId,
        careStartedOn: null,
        careStoppedOn: null,
        lateReports: 0,
        reports: 0,
        awardedCents: 0,
        servicesDeclared: 0,
        servicesRejected: 0,
        rejectionCodes: {},
      };
      result.set(allocationId, found);
    }
    return found;
  };
  for (const report of reports) {
    const e = entry(report.allocationId);
    const factOn = report.kind === 'start' ? report.startDate : (report.endDate ?? report.startDate);
    if (report.kind === 'start' && (e.careStartedOn === null || report.startDate < e.careStartedOn)) {
      e.careStartedOn = report.startDate;
    }
    if (report.kind === 'stop' && (e.careStoppedOn === null || factOn > e.careStoppedOn))
      e.careStoppedOn = factOn;
    e.reports += 1;
    if (report.datedOn > addWorkingDays(factOn, REPORTING_TERM_WORKING_DAYS)) e.lateReports += 1;
  }
  for (const row of services) {
    if (!row.allocationId) continue;
    const e = entry(row.allocationId);
    e.awardedCents = row.awardedCents;
    e.servicesDeclared = row.declared;
    e.servicesRejected = row.rejected;
  }
  for (const row of codes) {
    if (!row.allocationId) continue;
    const e = entry(row.allocationId);
    e.rejectionCodes[row.code] = (e.rejectionCodes[row.code] ?? 0) + 1;
  }
  return result;
}
