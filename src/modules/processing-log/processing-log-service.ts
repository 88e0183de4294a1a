/**
 * The processing log ("Logging Verwerkingen"): an append-only record of every read and change
 * of personal data. Service functions that process personal data call recordProcessing in the
 * same transaction, so a processing without its log entry cannot commit. The data-protection
 * officer queries and exports it.
 */
import { and, count, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { TenantContext } from '../../server/request-context.js';
import { PROCESSING_ACTIVITIES, type ProcessingActivityId } from './processing-activities.js';
import { type ProcessedObject, processingLog } from './processing-log-tables.js';

export type ProcessingAction = 'read' | 'create' | 'update' | 'delete';

export interface ProcessingSubject {
  residentId: string;
  bsn?: string | undefined;
}

/** One entry per resident processed: the officer asks "who saw this person's data". */
export async function recordProcessing(
  ctx: TenantContext,
  activityId: ProcessingActivityId,
  action: ProcessingAction,
  subjects: readonly ProcessingSubject[],
): Promise<void> {
  if (subjects.length === 0) return;
  const activity = PROCESSING_ACTIVITIES[activityId];
  const rows = subjects.map((subject) => {
    const objects: ProcessedObject[] = [
      { type: 'persoon', identifierType: 'resident-id', identifier: subject.residentId },
    ];
    if (subject.bsn) objects.push({ type: 'persoon', identifierType: 'BSN', identifier: subject.bsn });
    return {
      municipalityCode: ctx.municipalityCode,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      actorRole: ctx.actor.role,
      action,
      activity: activityId,
      activityName: activity.name,
      purpose: activity.purpose,
      legalBasis: activity.legalBasis,
      confidentiality: activity.confidentiality,
      retentionPeriod: activity.retentionPeriod,
      residentId: subject.residentId,
      objects,
      requestId: ctx.trace.requestId,
      traceId: ctx.trace.traceId,
      spanId: ctx.trace.spanId,
    };
  });
  // Large batches (the demo seed) in slices, to stay under the bind-parameter limit.
  for (let i = 0; i < rows.length; i += 1000) {
    await ctx.tx.insert(processingLog).values(rows.slice(i, i + 1000));
  }
}

export interface ProcessingLogFilter {
  residentId?: string | undefined;
  /** The officer often knows the person by BSN: entries carry it among the processed objects. */
  bsn?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export interface ProcessingLogEntry {
  id: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  action: string;
  activity: string;
  activityName: string;
  purpose: string;
  legalBasis: string;
  confidentiality: string;
  retentionPeriod: string;
  residentId: string | null;
  objects: ProcessedObject[];
  requestId: string;
  traceId: string;
  spanId: string;
}

function whereFor(filter: ProcessingLogFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.residentId) conditions.push(eq(processingLog.residentId, filter.residentId));
  if (filter.bsn) {
    const processed: ProcessedObject[] = [{ type: 'persoon', identifierType: 'BSN', identifier: filter.bsn }];
    conditions.push(sql`${processingLog.objects} @> ${JSON.stringify(processed)}::jsonb`);
  }
  if (filter.actorId) conditions.push(eq(processingLog.actorId, filter.actorId));
  // Days are Dutch days: a view at 00:30 in summer belongs to that date, not to the UTC one.
  if (filter.from) {
    conditions.push(
      sql`${processingLog.occurredAt} >= (${filter.from}::date)::timestamp at time zone 'Europe/Amsterdam'`,
    );
  }
  if (filter.to) {
    conditions.push(
      sql`${processingLog.occurredAt} < (${filter.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`,
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export async function queryProcessingLog(
  ctx: TenantContext,
  filter: ProcessingLogFilter,
): Promise<{ items: ProcessingLogEntry[]; total: number }> {
  const where = whereFor(filter);
  const rows = await ctx.tx
    .select()
    .from(processingLog)
    .where(where)
    .orderBy(desc(processingLog.occurredAt), desc(processingLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [counted] = await ctx.tx.select({ total: count() }).from(processingLog).where(where);
  // Reading the log is itself processing of the persons in it: who looked at whose traces.
  await recordProcessing(ctx, 'processing-log.view', 'read', subjectsOf(rows));
  return {
    items: rows.map(toEntry),
    total: counted?.total ?? 0,
  };
}

/**
 * One page of an export, newest first, before a given id. Paging by id (not offset) keeps the
 * export consistent while new entries arrive: the log is append-only and ids only grow.
 */
export async function exportPage(
  ctx: TenantContext,
  filter: Omit<ProcessingLogFilter, 'limit' | 'offset'>,
  beforeId: number | undefined,
  limit: number,
): Promise<ProcessingLogEntry[]> {
  const where = and(
    whereFor({ ...filter, limit, offset: 0 }),
    beforeId === undefined ? undefined : lt(processingLog.id, beforeId),
  );
  const rows = await ctx.tx
    .select()
    .from(processingLog)
    .where(where)
    .orderBy(desc(processingLog.id))
    .limit(limit);
  // The entries written here get higher ids than every page still to come, so an export never
  // contains the log of its own reading.
  await recordProcessing(ctx, 'processing-log.export', 'read', subjectsOf(rows));
  return rows.map(toEntry);
}

/** Each person of the entries once, with the BSN the entries carry. */
function subjectsOf(rows: readonly (typeof processingLog.$inferSelect)[]): ProcessingSubject[] {
  const subjects = new Map<string, ProcessingSubject>();
  for (const row of rows) {
    if (!row.residentId || subjects.has(row.residentId)) continue;
    const bsn = row.objects.find((o) => o.identifierType === 'BSN')?.identifier;
    subjects.set(row.residentId, { residentId: row.residentId, bsn });
  }
  return [...subjects.values()];
}

function toEntry({
  municipalityCode: _tenant,
  occurredAt,
  ...rest
}: typeof processingLog.$inferSelect): ProcessingLogEntry {
  return { ...rest, occurredAt: occurredAt.toISOString() };
}

/**
 * One line per entry in the shape of the VNG standard Logboek Dataverwerkingen (an OpenTelemetry
 * span with the dpl.* attributes), so a municipality's central log can ingest it.
 */
export function toLogboekRecord(
  entry: ProcessingLogEntry,
  municipalityCode: string,
): Record<string, unknown> {
  return {
    trace_id: entry.traceId,
    span_id: entry.spanId,
    name: entry.activity,
    start_time: entry.occurredAt,
    end_time: entry.occurredAt,
    status_code: 'OK',
    resource: { 'service.name': 'regiekamer', 'dpl.core.processing_organisation': municipalityCode },
    attributes: {
      'dpl.core.processing_activity_id': entry.activity,
      'dpl.core.processing_activity_name': entry.activityName,
      'dpl.core.purpose': entry.purpose,
      'dpl.core.legal_basis': entry.legalBasis,
      'dpl.core.confidentiality': entry.confidentiality,
      'dpl.core.retention_period': entry.retentionPeriod,
      'dpl.core.data_subject_id': entry.residentId,
      'dpl.core.data_subject_id_type': 'resident-id',
      'dpl.core.operation': entry.action,
      'dpl.core.user_id': entry.actorId,
      'dpl.core.user_role': entry.actorRole,
      'dpl.core.objects': entry.objects,
      'regiekamer.request_id': entry.requestId,
      'regiekamer.log_id': entry.id,
    },
  };
}
