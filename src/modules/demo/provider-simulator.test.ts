import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.js';
import { SYSTEM_ACTOR, systemTrace } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { type AllocationFixture, createAllocationFixture } from '../../test-support/allocation-fixture.js';
import { createHarness, type Harness, TENANT_A } from '../../test-support/app-harness.js';
import { addDays } from '../cases/calendar-date.js';
import { ORDINARY_PROVIDER, type SimulationOptions, simulateProviders } from './provider-simulator.js';

describe('the provider simulator', () => {
  let h: Harness;
  let fixture: AllocationFixture;
  const today = todayInNetherlands();
  const firstOfMonth = (date: string) => `${date.slice(0, 8)}01`;
  // Four months ago to ten days before this month: a start, three or four claims, a stop.
  const startDate = firstOfMonth(
    addDays(firstOfMonth(addDays(firstOfMonth(addDays(firstOfMonth(today), -1)), -1)), -40),
  );
  const endDate = addDays(firstOfMonth(today), -10);

  const simulate = (options: Partial<SimulationOptions> = {}) =>
    h.database.withTenant(TENANT_A, (tx) =>
      simulateProviders(
        { tx, municipalityCode: TENANT_A, actor: SYSTEM_ACTOR, trace: systemTrace('simulator-test') },
        {
          until: today,
          seed: 7,
          behaviourOf: () => ({ ...ORDINARY_PROVIDER, neverStartShare: 0, mistakeRate: 0 }),
          ...options,
        },
      ),
    );
  const inbound = (type: string) =>
    queryRows<{ status: string }>(
      h.database.db,
      sql`select status from message where direction = 'inbound' and message_type = ${type} order by dated_on`,
    );

  beforeAll(async () => {
    h = await createHarness();
    fixture = await createAllocationFixture(h, { startDate, endDate, today });
    // The decision was made today; as if it had been made before care began, the 301 went out
    // then (owner privileges: the application role may not rewrite a sent message).
    const sentOn = addDays(startDate, -7);
    await h.database.db.execute(
      sql`update message set dated_on = ${sentOn}, received_at = ${`${sentOn}T12:00:00Z`} where message_type = '301'`,
    );
    await h.database.db.execute(sql`update allocation_message set allocated_on = ${sentOn}`);
  });
  afterAll(() => h.close());

  it('returns the 301 from its outbox, starts care, declares every finished month and stops care, all accepted', async () => {
    const summary = await simulate();
    expect(summary).toMatchObject({ withFindings: 0, quarantined: 0, alreadyProcessed: 0 });
    // The full cycle: 301 → 302 → 305 → 323 → 325 → 307.
    expect(await inbound('302')).toEqual([{ status: 'accepted' }]);
    const [allocationMessage] = await queryRows<{ status: string; return_codes: string[]; fetched: boolean }>(
      h.database.db,
      sql`select status, return_codes, fetched_at is not null as fetched from message where message_type = '301'`,
    );
    expect(allocationMessage).toEqual({ status: 'fetched', return_codes: ['0200'], fetched: true });
    expect(await inbound('305')).toEqual([{ status: 'accepted' }]);
    expect(await inbound('307')).toEqual([{ status: 'accepted' }]);
    const claims = await inbound('323');
    expect(claims.length).toBeGreaterThanOrEqual(3);
    expect(claims.every((d) => d.status === 'accepted')).toBe(true);
    expect(summary.messages).toBe(3 + claims.length);
    const decision = (await fixture.worker.request('GET', `/api/v1/cases/${fixture.caseId}/decision`)).json();
    expect(decision.allocations[0].status).toBe('stopped');
    // Every message but the 302 was answered: 306, 308 and a 325 per claim.
    const [answers] = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from message where direction = 'outbound' and message_type <> '301'`,
    );
    expect(answers?.n).toBe(summary.messages - 1);
  });

  it('sends the same messages again when run again, and they are processed once', async () => {
    const before = await queryRows<{ n: number }>(h.database.db, sql`select count(*)::int as n from message`);
    const again = await simulate();
    expect(again.alreadyProcessed).toBe(again.messages);
    const after = await queryRows<{ n: number }>(h.database.db, sql`select count(*)::int as n from message`);
    expect(after).toEqual(before);
  });

  it('plays a provider that delivers less and makes mistakes, which the answers show', async () => {
    // Start over, with owner privileges: the application role may not delete messages.
    for (const table of ['claimed_service', 'claim', 'care_report']) {
      await h.database.db.execute(sql`delete from ${sql.identifier(table)}`);
    }
    await h.database.db.execute(sql`update message set answers_message_id = null`);
    await h.database.db.execute(sql`delete from message where message_type <> '301'`);
    await h.database.db.execute(
      sql`update message set status = 'ready', return_codes = '{}', answered_at = null`,
    );
    const summary = await simulate({
      seed: 11,
      behaviourOf: () => ({
        startLagDays: [0, 0],
        neverStartShare: 0,
        deliveryShare: 0.4,
        mistakeRate: 1,
        reportLagDays: [0, 0],
      }),
    });
    expect(summary.withFindings).toBeGreaterThan(0);
    const [volumes] = await queryRows<{ approved: number; rejected: number }>(
      h.database.db,
      sql`select count(*) filter (where approved)::int as approved, count(*) filter (where not approved)::int as rejected from claimed_service`,
    );
    // The start has no room for a mistake (care starts on the allocation's first day); every
    // service carries one (a tariff or a volume the rules refuse).
    expect(await inbound('305')).toEqual([{ status: 'accepted' }]);
    expect(volumes?.rejected).toBeGreaterThanOrEqual(3);
    expect(volumes?.approved).toBe(0);
  });
});
