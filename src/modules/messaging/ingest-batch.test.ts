/**
 * A batch of messages behaves as its messages received one by one: a later message sees what
 * an earlier one in the same batch did, a repeat is processed once, a reused identification is
 * refused, and hostile documents are quarantined without stopping the rest.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.js';
import { SYSTEM_ACTOR, systemTrace } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import {
  type AllocationFixture,
  createAllocationFixture,
  FIXTURE_AGB,
  FIXTURE_BSN,
  FIXTURE_DATE_OF_BIRTH,
  FIXTURE_TARIFF_CENTS,
} from '../../test-support/allocation-fixture.js';
import { createHarness, type Harness, TENANT_A } from '../../test-support/app-harness.js';
import { careStartMessage, careStopMessage, claimMessage } from '../../test-support/provider-messages.js';
import { addDays } from '../cases/calendar-date.js';
import { type IngestResult, receiveMessages } from './ingest-service.js';

describe('receiving a batch of messages', () => {
  let h: Harness;
  let fixture: AllocationFixture;
  const today = todayInNetherlands();
  const firstOfMonth = (date: string) => `${date.slice(0, 8)}01`;
  const lastMonthStart = firstOfMonth(addDays(firstOfMonth(today), -1));
  const lastMonthEnd = addDays(firstOfMonth(today), -1);
  const allocationStart = firstOfMonth(addDays(lastMonthStart, -1));

  beforeAll(async () => {
    h = await createHarness();
    fixture = await createAllocationFixture(h, {
      startDate: allocationStart,
      endDate: addDays(today, 90),
      today,
    });
  });
  afterAll(() => h.close());

  it('applies the messages in order, each seeing the ones before it', async () => {
    const envelope = (identification: string) => ({
      sender: FIXTURE_AGB,
      receiver: TENANT_A,
      identification,
      datedOn: today,
    });
    const client = { bsn: FIXTURE_BSN, dateOfBirth: FIXTURE_DATE_OF_BIRTH };
    const line = {
      allocationNumber: fixture.allocationNumber,
      productCategory: '01',
      productCode: '01A01',
      allocationStartDate: allocationStart,
      startDate: allocationStart,
    };
    const service = (reference: string) => ({
      bsn: FIXTURE_BSN,
      referenceNumber: reference,
      allocationNumber: fixture.allocationNumber,
      productCategory: '01',
      productCode: '01A01',
      periodStart: lastMonthStart,
      periodEnd: lastMonthEnd,
      deliveredVolume: 2,
      unit: '04',
      tariffCents: FIXTURE_TARIFF_CENTS,
      amountCents: 2 * FIXTURE_TARIFF_CENTS,
    });
    const period = { periodStart: lastMonthStart, periodEnd: lastMonthEnd };
    const start = careStartMessage(envelope('B1'), client, [line]);
    const documents = [
      start,
      start,
      careStartMessage(envelope('B1'), client, [{ ...line, startDate: addDays(allocationStart, 1) }]),
      careStartMessage(envelope('B2'), client, [line]),
      claimMessage(envelope('B3'), { number: 'D1', ...period }, [service('R1')]),
      claimMessage(envelope('B4'), { number: 'D2', ...period }, [service('R1')]),
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><x>&a;</x>',
      careStopMessage(envelope('B5'), client, [{ ...line, reason: '19', endDate: today }]),
    ];
    const results = await h.database.withTenant(TENANT_A, (tx) =>
      receiveMessages(
        { tx, municipalityCode: TENANT_A, actor: SYSTEM_ACTOR, trace: systemTrace('batch-test') },
        documents.map((xml) => ({
          bytes: new TextEncoder().encode(xml),
          fileName: null,
          channel: 'import' as const,
          providerId: fixture.providerId,
        })),
      ),
    );
    const summary = results.map((r: IngestResult) =>
      r.outcome === 'quarantined' ? r.reasonCode : `${r.outcome}:${r.status}`,
    );
    expect(summary).toEqual([
      'processed:accepted',
      'already_processed:accepted',
      'DUPLICATE_IDENTIFICATION',
      // A second start while the first is current (TR326), known only from earlier in the batch.
      'processed:rejected',
      'processed:accepted',
      // The same reference again (TR314), known only from earlier in the batch.
      'processed:rejected',
      'UNREADABLE',
      // The stop matches the start received earlier in the batch.
      'processed:accepted',
    ]);
    const [first, repeat, , second, , again] = results;
    if (first?.outcome !== 'processed' || repeat?.outcome !== 'already_processed')
      throw new Error('unexpected');
    expect(repeat.messageId).toBe(first.messageId);
    expect(repeat.returnMessage?.id).toBe(first.returnMessage?.id);
    expect(second?.findings.map((f) => f.code)).toContain('TR326');
    expect(again?.findings.map((f) => f.code)).toContain('TR314');
    expect(results[2]?.returnMessage?.document).toContain('9056');

    const [counts] = await queryRows<{
      inbound: number;
      outbound: number;
      reports: number;
      quarantined: number;
    }>(
      h.database.db,
      sql`select
        (select count(*)::int from message where direction = 'inbound') as inbound,
        (select count(*)::int from message where direction = 'outbound' and message_type <> '301') as outbound,
        (select count(*)::int from care_report) as reports,
        (select count(*)::int from message_quarantine) as quarantined`,
    );
    // Five messages applied and answered, plus the 9056 refusal; one start and one stop stored.
    expect(counts).toEqual({ inbound: 5, outbound: 6, reports: 2, quarantined: 2 });
    const decision = (await fixture.worker.request('GET', `/api/v1/cases/${fixture.caseId}/decision`)).json();
    expect(decision.allocations[0].status).toBe('stopped');
  });
});
