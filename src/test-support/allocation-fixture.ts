/**
 * A Wmo allocation made the way a municipality makes one — provision, contract, resident, a case
 * through assessment and application, a decision — for tests of what follows an allocation:
 * the message exchange and the provider simulator.
 */
import { expect } from 'vitest';
import { addDays } from '../modules/cases/calendar-date.js';
import { type ApiClient, type Harness, TENANT_A, TEST_PASSWORD } from './app-harness.js';

export const FIXTURE_BSN = '999990068';
export const FIXTURE_DATE_OF_BIRTH = '1950-03-03';
/** The AGB code the harness gives tenant A's provider. */
export const FIXTURE_AGB = '98000001';
export const FIXTURE_TARIFF_CENTS = 3650;

export interface AllocationFixture {
  worker: ApiClient;
  providerId: string;
  provisionId: string;
  contractId: string;
  caseId: string;
  residentId: string;
  allocationNumber: number;
  /** What the decision told the case worker about sending the allocation. */
  notices: string[];
}

export async function createAllocationFixture(
  h: Harness,
  allocation: { startDate: string; endDate: string; today: string; withoutAddress?: boolean },
): Promise<AllocationFixture> {
  const providerId = h.providerIds[TENANT_A] ?? '';
  const admin = await h.as('administrator');
  const team = (await admin.request('POST', '/api/v1/teams', { name: 'Wijkteam West' })).json().id;
  const worker = await h.as('case_worker');
  await admin.request('PUT', `/api/v1/teams/${team}/members`, { accountIds: [worker.accountId] });
  const provisionId = (
    await (
      await h.as('policy_advisor')
    ).request('POST', '/api/v1/provisions', {
      code: 'WMO-HH1',
      name: 'Hulp bij het huishouden',
      law: 'wmo',
      kind: 'tailored',
      productCategory: '01',
      productCode: '01A01',
      unit: '04',
      intent: 'Zelfstandig wonen in een schoon huis.',
    })
  ).json().id;
  const contractId = (
    await (
      await h.as('contract_manager')
    ).request('POST', '/api/v1/contracts', {
      providerId,
      reference: 'INK-HH',
      financingVariant: 'effort',
      startDate: addDays(allocation.today, -800),
      endDate: addDays(allocation.today, 365),
      budgetCeilingCents: 50_000_000,
      lines: [{ provisionId, tariffCents: FIXTURE_TARIFF_CENTS }],
    })
  ).json().id;
  return allocateAnother(
    { worker, providerId, provisionId, contractId },
    { ...allocation, bsn: FIXTURE_BSN },
  );
}

/** A further resident with an allocation under the fixture's contract. */
export async function allocateAnother(
  setup: Pick<AllocationFixture, 'worker' | 'providerId' | 'provisionId' | 'contractId'>,
  allocation: { startDate: string; endDate: string; withoutAddress?: boolean; bsn: string },
): Promise<AllocationFixture> {
  const { worker, providerId, provisionId, contractId } = setup;
  const residentId = (
    await worker.request('POST', '/api/v1/residents', {
      bsn: allocation.bsn,
      givenNames: 'Zoë',
      familyName: 'Çelik-Brüggen',
      gender: '2',
      dateOfBirth: FIXTURE_DATE_OF_BIRTH,
      neighbourhoodCode: null,
      // The BRP address a 301 carries (TR061).
      address: allocation.withoutAddress
        ? null
        : {
            street: 'Lindelaan',
            houseNumber: 12,
            houseLetter: 'a',
            houseNumberAddition: null,
            postcode: '9901AB',
            place: 'Lindewaarde',
          },
    })
  ).json().id;
  const reportDate = addDays(allocation.startDate, -50);
  const caseId = (
    await worker.request('POST', '/api/v1/cases', {
      residentId,
      law: 'wmo',
      reportDate,
      request: 'Hulp in het huishouden nodig.',
      at: `${reportDate}T09:00:00+01:00`,
    })
  ).json().id;
  for (const [i, type] of ['start_assessment', 'complete_assessment', 'apply'].entries()) {
    const at = `${addDays(reportDate, 5 + i * 5)}T10:00:00+01:00`;
    expect((await worker.request('POST', `/api/v1/cases/${caseId}/events`, { type, at })).statusCode).toBe(
      200,
    );
  }
  const decided = await worker.request('POST', `/api/v1/cases/${caseId}/decision`, {
    lines: [
      {
        provisionId,
        granted: true,
        form: 'in_kind',
        providerId,
        contractId,
        volume: 3,
        frequency: '2',
        startDate: allocation.startDate,
        endDate: allocation.endDate,
        reasoning: 'Mevrouw kan het huis niet zelf schoonhouden; haar netwerk kan dit niet overnemen.',
      },
    ],
  });
  expect(decided.statusCode, decided.body).toBe(201);
  const allocationNumber: number = decided.json().allocations[0].allocationNumber;
  return {
    worker,
    providerId,
    provisionId,
    contractId,
    caseId,
    residentId,
    allocationNumber,
    notices: decided.json().notices,
  };
}

/** A second provider of tenant A with a signed-in user: to prove a provider sees only its own. */
export async function otherProviderUser(h: Harness, agbCode: string, name: string): Promise<ApiClient> {
  const admin = await h.as('administrator');
  const provider = await admin.request('POST', '/api/v1/providers', { agbCode, name });
  expect(provider.statusCode, provider.body).toBe(201);
  const username = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.zorg`;
  const account = await admin.request('POST', '/api/v1/accounts', {
    username,
    displayName: name,
    role: 'provider_user',
    providerId: provider.json().id,
    password: TEST_PASSWORD,
  });
  expect(account.statusCode, account.body).toBe(201);
  return h.login(username, TEST_PASSWORD, 'provider_user');
}
