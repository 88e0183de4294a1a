import {
  bigint,
  boolean,
  customType,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return 'bytea';
  },
});

export const message = pgTable(
  'message',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    direction: text('direction').$type<'inbound' | 'outbound'>().notNull(),
    standard: text('standard').$type<'iwmo' | 'ijw'>().notNull(),
    messageType: text('message_type').notNull(),
    providerId: uuid('provider_id').notNull(),
    sender: text('sender').notNull(),
    receiver: text('receiver').notNull(),
    identification: text('identification').notNull(),
    datedOn: date('dated_on', { mode: 'string' }).notNull(),
    status: text('status').$type<MessageStatus>().notNull(),
    answersMessageId: uuid('answers_message_id'),
    answerDueOn: date('answer_due_on', { mode: 'string' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    returnCodes: text('return_codes').array().notNull().default([]),
    document: text('document').notNull(),
    sha256: text('sha256').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

export type MessageStatus = 'accepted' | 'partly_rejected' | 'rejected' | 'ready' | 'fetched';

export interface QuarantinedViolation {
  code: string;
  message: string;
  path: string;
  line: number;
  column: number;
}

export const messageQuarantine = pgTable(
  'message_quarantine',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    providerId: uuid('provider_id'),
    accountId: uuid('account_id'),
    channel: text('channel').$type<'api' | 'portal' | 'import'>().notNull(),
    fileName: text('file_name'),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    reasonCode: text('reason_code').notNull(),
    reason: text('reason').notNull(),
    line: integer('line'),
    columnNumber: integer('column_number'),
    violations: jsonb('violations').$type<QuarantinedViolation[]>().notNull().default([]),
    document: bytea('document').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

export const careReport = pgTable(
  'care_report',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    messageId: uuid('message_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    allocationId: uuid('allocation_id').notNull(),
    kind: text('kind').$type<'start' | 'stop'>().notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    reason: text('reason'),
    withdrawnBy: uuid('withdrawn_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

export const claim = pgTable(
  'claim',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    messageId: uuid('message_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    standard: text('standard').$type<'iwmo' | 'ijw'>().notNull(),
    claimNumber: text('claim_number').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    submittedCents: bigint('submitted_cents', { mode: 'number' }).notNull(),
    awardedCents: bigint('awarded_cents', { mode: 'number' }).notNull(),
    status: text('status').$type<'awarded' | 'partly_awarded' | 'rejected'>().notNull(),
    answerMessageId: uuid('answer_message_id'),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

export const claimedService = pgTable(
  'claimed_service',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    claimId: uuid('claim_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    standard: text('standard').$type<'iwmo' | 'ijw'>().notNull(),
    allocationId: uuid('allocation_id'),
    allocationNumber: bigint('allocation_number', { mode: 'number' }).notNull(),
    referenceNumber: text('reference_number').notNull(),
    previousReferenceNumber: text('previous_reference_number'),
    productCategory: text('product_category').notNull(),
    productCode: text('product_code').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    deliveredVolume: bigint('delivered_volume', { mode: 'number' }).notNull(),
    unit: text('unit').notNull(),
    tariffCents: bigint('tariff_cents', { mode: 'number' }),
    submittedCents: bigint('submitted_cents', { mode: 'number' }).notNull(),
    approved: boolean('approved').notNull(),
    returnCodes: text('return_codes').array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

/** Which version of which allocation each 301 told its provider (migration 0010). */
export const allocationMessage = pgTable(
  'allocation_message',
  {
    municipalityCode: text('municipality_code').notNull(),
    allocationId: uuid('allocation_id').notNull(),
    messageId: uuid('message_id').notNull(),
    allocatedOn: date('allocated_on', { mode: 'string' }).notNull(),
    allocatedAt: time('allocated_at').notNull(),
    toldEndDate: date('told_end_date', { mode: 'string' }),
    toldVolume: integer('told_volume').notNull(),
    toldUnit: text('told_unit').notNull(),
    toldFrequency: text('told_frequency').notNull(),
    isNewVersion: boolean('is_new_version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.allocationId, t.messageId] })],
);

export type RequestStatus = 'open' | 'in_assessment' | 'refused' | 'granted';

/** A provider's request (315 per product, 317 whole) and its answer (migration 0011). */
export const allocationRequest = pgTable(
  'allocation_request',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    messageId: uuid('message_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    standard: text('standard').$type<'iwmo' | 'ijw'>().notNull(),
    requestType: text('request_type').$type<'315' | '317'>().notNull(),
    reference: text('reference').notNull(),
    bsn: text('bsn').notNull(),
    requested: jsonb('requested').$type<RequestedSummary>().notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    answerDueOn: date('answer_due_on', { mode: 'string' }).notNull(),
    status: text('status').$type<RequestStatus>().notNull(),
    refusalReason: text('refusal_reason'),
    answerMessageId: uuid('answer_message_id'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: text('answered_by'),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

/** What a request asked, as the request list shows it. */
export interface RequestedSummary {
  /** 317: RedenVerzoek (WJ758). */
  reason?: string;
  products: {
    kind: 'new' | 'changed' | 'unchanged';
    allocationNumber?: number;
    productCategory?: string;
    productCode?: string;
    startDate?: string;
    endDate?: string;
    volume?: number;
    unit?: string;
    frequency?: string;
  }[];
}
