import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../modules/tenancy/tenancy-service.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { queryRows } from './connection.js';

/** The database's own message and SQLSTATE under drizzle's wrapper. */
async function causeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string; code?: string } }).cause;
    return `${cause?.code ?? '?'} ${cause?.message ?? String(error)}`;
  }
  throw new Error('expected the statement to fail');
}

/** 42501 insufficient_privilege: refused by a grant or a row-level-security policy. */
const REFUSED = /^42501 /;

/** Tenant isolation is a property of the database: raw SQL under tenant A cannot touch B. */
describe(`tenant isolation (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite'})`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createMunicipality(database.db, { code: '0001', name: 'A' });
    await createMunicipality(database.db, { code: '0002', name: 'B' });
    await database.db.execute(
      sql`insert into provider (municipality_code, agb_code, name) values ('0001', '11111111', 'Alpha'), ('0002', '22222222', 'Beta')`,
    );
    await database.db.execute(
      sql`insert into district (municipality_code, code, name) values ('0001', 'WK000101', 'A-wijk'), ('0002', 'WK000201', 'B-wijk')`,
    );
  });
  afterAll(() => database.dispose());

  it('runs tenant work as the application role, not as the owner', async () => {
    const [row] = await database.withTenant('0001', (tx) =>
      queryRows<{ role: string; tenant: string }>(
        tx,
        sql`select current_user as role, current_setting('app.municipality', true) as tenant`,
      ),
    );
    expect(row).toEqual({ role: 'regiekamer_app', tenant: '0001' });
  });

  it('shows tenant A only its own rows, even with a where clause naming B', async () => {
    const all = await database.withTenant('0001', (tx) =>
      queryRows<{ agb_code: string }>(tx, sql`select agb_code from provider order by agb_code`),
    );
    expect(all.map((r) => r.agb_code)).toEqual(['11111111']);
    const other = await database.withTenant('0001', (tx) =>
      queryRows(tx, sql`select * from provider where municipality_code = '0002'`),
    );
    expect(other).toEqual([]);
  });

  it('refuses an insert of a row for tenant B under tenant A', async () => {
    expect(
      await causeOf(
        database.withTenant('0001', (tx) =>
          tx.execute(
            sql`insert into provider (municipality_code, agb_code, name) values ('0002', '33333333', 'Sneaky')`,
          ),
        ),
      ),
    ).toMatch(REFUSED);
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from provider where agb_code = '33333333'`,
    );
    expect(count?.n).toBe(0);
  });

  it('updates and deletes nothing of tenant B under tenant A', async () => {
    const updated = await database.withTenant('0001', (tx) =>
      queryRows(tx, sql`update provider set name = 'Overgenomen' where agb_code = '22222222' returning 1`),
    );
    const deleted = await database.withTenant('0001', (tx) =>
      queryRows(tx, sql`delete from district where code = 'WK000201' returning 1`),
    );
    expect(updated).toEqual([]);
    expect(deleted).toEqual([]);
    const [beta] = await queryRows<{ name: string }>(
      database.db,
      sql`select name from provider where agb_code = '22222222'`,
    );
    expect(beta?.name).toBe('Beta');
  });

  it('refuses moving a row of tenant A to tenant B', async () => {
    expect(
      await causeOf(
        database.withTenant('0001', (tx) =>
          tx.execute(sql`update provider set municipality_code = '0002' where agb_code = '11111111'`),
        ),
      ),
    ).toMatch(/^42501 .*row-level security/);
  });

  it('sees nothing when no tenant is set', async () => {
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw('set local role regiekamer_app'));
      return queryRows(tx, sql`select * from provider`);
    });
    expect(rows).toEqual([]);
  });

  it('keeps the processing log append-only: the application role cannot change or delete it', async () => {
    await database.withTenant('0001', (tx) =>
      tx.execute(sql`insert into processing_log (municipality_code, actor_name, actor_role, action, activity, activity_name,
        purpose, legal_basis, confidentiality, retention_period, request_id, trace_id, span_id)
        values ('0001', 'Test', 'case_worker', 'read', 'resident.view', 'Inwoner inzien', 'test', 'test', 'confidential',
        'P15Y', 'r1', ${'a'.repeat(32)}, ${'b'.repeat(16)})`),
    );
    expect(
      await causeOf(
        database.withTenant('0001', (tx) =>
          tx.execute(sql`update processing_log set actor_name = 'Iemand anders'`),
        ),
      ),
    ).toMatch(REFUSED);
    expect(
      await causeOf(database.withTenant('0001', (tx) => tx.execute(sql`delete from processing_log`))),
    ).toMatch(REFUSED);
    // Not even the owner may rewrite history.
    expect(await causeOf(database.db.execute(sql`delete from processing_log`))).toMatch(/append-only/);
    expect(await causeOf(database.db.execute(sql`truncate processing_log`))).toMatch(/append-only/);
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from processing_log`,
    );
    expect(count?.n).toBe(1);
  });

  it('gives the application role no access to sessions or password hashes', async () => {
    expect(
      await causeOf(database.withTenant('0001', (tx) => tx.execute(sql`select password_hash from account`))),
    ).toMatch(REFUSED);
    expect(
      await causeOf(
        database.withTenant('0001', (tx) => tx.execute(sql`update account set failed_logins = 0`)),
      ),
    ).toMatch(REFUSED);
    expect(
      await causeOf(database.withTenant('0001', (tx) => tx.execute(sql`select * from session`))),
    ).toMatch(REFUSED);
  });
});
