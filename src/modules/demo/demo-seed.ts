/**
 * Seeds the fictional demo municipality through the same service functions the API uses, so
 * demo data obeys the same rules as real data. Demo accounts exist only here.
 */
import { sql } from 'drizzle-orm';
import { type Database, enterTenant } from '../../db/connection.js';
import { DomainError } from '../../server/errors.js';
import { SYSTEM_ACTOR, systemTrace, type TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import type { Role } from '../../shared/roles.js';
import { createAccountAsSystem } from '../accounts/accounts-service.js';
import { createTeam, setTeamMembers } from '../cases/teams-service.js';
import { createDistrict, createNeighbourhood } from '../geography/geography-service.js';
import { createContract } from '../registry/contract-service.js';
import { createProvider } from '../registry/provider-service.js';
import { createProvision } from '../registry/provision-service.js';
import type { ContractKpi } from '../registry/registry-schema.js';
import { registerResidents } from '../registry/resident-service.js';
import { createMunicipality, findMunicipality } from '../tenancy/tenancy-service.js';
import { seedDemoCases } from './demo-cases.js';
import { DEFAULT_DEMO_SEED, type DemoMunicipality, generateDemoMunicipality } from './demo-generator.js';
import { type HistoryContract, seedDemoHistory } from './demo-history.js';
import { ORDINARY_PROVIDER, type ProviderBehaviour, simulateProviders } from './provider-simulator.js';

/**
 * The provider planted as one that delivers far less than it is allocated: it starts late, never
 * starts almost a third of its allocations, declares about a third of the allocated volume and
 * reports its starts and stops late.
 * The provider monitor must find it without being told.
 */
export const PLANTED_UNDER_DELIVERING_PROVIDER = 'Zorggroep De Linde';

function demoProviderBehaviour(provider: { name: string }): ProviderBehaviour {
  if (provider.name !== PLANTED_UNDER_DELIVERING_PROVIDER) return ORDINARY_PROVIDER;
  return {
    startLagDays: [10, 45],
    neverStartShare: 0.3,
    deliveryShare: 0.35,
    mistakeRate: 0.1,
    // Its starts and stops are often reported weeks late (the standard wants five working days).
    reportLagDays: [2, 21],
  };
}

export const DEMO_PASSWORD = 'Regiekamer-demo-2026';

/** Enough decided and evaluated cases that every provision's compensation rate shows. */
export const DEMO_HISTORY_CASES = 420;

export const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: Role }[] = [
  { username: 'beheerder', displayName: 'Bram Beheerder', role: 'administrator' },
  { username: 'beleid', displayName: 'Bea Beleid', role: 'policy_advisor' },
  { username: 'contractbeheer', displayName: 'Cas Contract', role: 'contract_manager' },
  { username: 'consulent', displayName: 'Cora Consulent', role: 'case_worker' },
  { username: 'bestuurder', displayName: 'Wim Wethouder', role: 'board_member' },
  { username: 'privacy', displayName: 'Fenna Gegevensbescherming', role: 'privacy_officer' },
  { username: 'aanbieder', displayName: 'Ali Aanbieder', role: 'provider_user' },
];

/**
 * The performance agreements of every demo contract, as a municipality might make them; the
 * planted under-delivering provider misses several in the provider monitor.
 */
const DEMO_CONTRACT_KPIS: ContractKpi[] = [
  { indicator: 'median_days_to_start', target: 10 },
  { indicator: 'never_started_share', target: 5 },
  { indicator: 'delivery_rate', target: 70 },
  { indicator: 'rejected_services_share', target: 10 },
  { indicator: 'late_reports_share', target: 15 },
];

/** Tenant tables in the order they can be emptied; the processing log is never emptied. */
const DEMO_TABLES = [
  'claimed_service',
  'claim',
  'care_report',
  'message_quarantine',
  'allocation_message',
  'allocation_request',
  'contract_kpi',
  'message',
  'case_outcome_generation',
  'case_outcome',
  'case_evaluation',
  'case_assessment',
  'allocation',
  'decision_line',
  'case_decision',
  'support_case',
  'team_member',
  'team',
  'session',
  'account',
  'contract_line',
  'contract',
  'resident_identity',
  'resident',
  'provision',
  'provider',
  'neighbourhood',
  'district',
] as const;

export interface SeedResult {
  seeded: boolean;
  municipalityCode: string;
  counts: Record<string, number>;
}

export async function seedDemo(
  database: Database,
  options: {
    reset?: boolean;
    seed?: number;
    onProgress?: (step: string) => void;
    historyCases?: number;
    /** The demo's "today": contracts and three years of history are laid out around it. */
    now?: Date;
  } = {},
): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const demo = generateDemoMunicipality(
    options.seed ?? DEFAULT_DEMO_SEED,
    Number(todayInNetherlands(now).slice(0, 4)),
  );
  const code = demo.municipality.code;
  const progress = options.onProgress ?? (() => {});
  const existing = await findMunicipality(database.db, code);
  if (existing && !options.reset) return { seeded: false, municipalityCode: code, counts: {} };

  if (existing && !existing.isDemo) {
    throw new DomainError(
      'NOT_A_DEMO',
      409,
      `Gemeente ${code} (${existing.name}) is geen demogemeente en wordt niet opnieuw gevuld.`,
    );
  }
  // One transaction: a failure half-way leaves the previous state, never a half-filled demo.
  const counts = await database.asSystem(async (tx) => {
    if (existing) {
      progress('oude demogegevens verwijderen (het verwerkingenlog blijft bewaard)');
      for (const table of DEMO_TABLES) {
        await tx.execute(sql`delete from ${sql.identifier(table)} where municipality_code = ${code}`);
      }
    } else {
      await createMunicipality(tx, { ...demo.municipality, isDemo: true });
    }
    await enterTenant(tx, code);
    const ctx: TenantContext = {
      tx,
      municipalityCode: code,
      actor: SYSTEM_ACTOR,
      trace: systemTrace('demo-seed'),
    };
    return fill(ctx, demo, progress, {
      historyCases: options.historyCases ?? DEMO_HISTORY_CASES,
      now,
      seed: options.seed ?? DEFAULT_DEMO_SEED,
    });
  });
  return { seeded: true, municipalityCode: code, counts };
}

async function fill(
  ctx: TenantContext,
  demo: DemoMunicipality,
  progress: (step: string) => void,
  options: { historyCases: number; now: Date; seed: number },
): Promise<Record<string, number>> {
  const today = todayInNetherlands(options.now);
  progress(`${demo.districts.length} wijken en ${demo.neighbourhoods.length} buurten`);
  for (const district of demo.districts) await createDistrict(ctx, district);
  for (const neighbourhood of demo.neighbourhoods) await createNeighbourhood(ctx, neighbourhood);

  progress(`${demo.providers.length} aanbieders en ${demo.provisions.length} voorzieningen`);
  const providerIds = new Map<string, string>();
  for (const { key, ...input } of demo.providers) providerIds.set(key, (await createProvider(ctx, input)).id);
  const provisionIds = new Map<string, string>();
  for (const { key, ...input } of demo.provisions)
    provisionIds.set(key, (await createProvision(ctx, input)).id);

  progress(`${demo.contracts.length} contracten`);
  const idOf = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`demo data refers to unknown key ${key}`);
    return id;
  };
  const contracts: HistoryContract[] = [];
  for (const { key: _key, providerKey, lines, ...input } of demo.contracts) {
    const created = await createContract(ctx, {
      ...input,
      providerId: idOf(providerIds, providerKey),
      lines: lines.map((line) => ({
        provisionId: idOf(provisionIds, line.provisionKey),
        tariffCents: line.tariffCents,
      })),
      kpis: DEMO_CONTRACT_KPIS,
    });
    contracts.push({
      id: created.id,
      providerId: created.providerId,
      startDate: created.startDate,
      endDate: created.endDate,
      provisionIds: created.lines.map((l) => l.provisionId),
    });
  }

  progress(`${demo.residents.length} inwoners`);
  const residentIds = await registerResidents(ctx, demo.residents, 'resident.seed');

  progress(`${DEMO_ACCOUNTS.length} demo-accounts`);
  const firstProvider = demo.providers[0];
  const accountIds = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const created = await createAccountAsSystem(ctx.tx, ctx.municipalityCode, {
      ...account,
      password: DEMO_PASSWORD,
      providerId:
        account.role === 'provider_user' && firstProvider ? idOf(providerIds, firstProvider.key) : null,
    });
    accountIds.set(account.username, created.id);
  }

  progress(`${demo.districts.length} wijkteams en open casussen`);
  const teamIds: string[] = [];
  for (const district of demo.districts) {
    teamIds.push(
      (await createTeam(ctx, { name: `Wijkteam ${district.name}`, districtCode: district.code })).id,
    );
  }
  // The demo case worker works in two teams, so the worklist shows a realistic load.
  const caseWorker = idOf(accountIds, 'consulent');
  const busyTeamIds = teamIds.slice(0, 2);
  for (const teamId of busyTeamIds) await setTeamMembers(ctx, teamId, [caseWorker]);
  const cases = await seedDemoCases(ctx, { residentIds, teamIds, busyTeamIds, now: options.now });

  progress('casusgeschiedenis sinds februari 2024 (onderzoek, besluit, toewijzing, evaluatie)');
  const history = await seedDemoHistory(ctx, {
    residents: residentIds.map((id, i) => ({
      id,
      dateOfBirth: demo.residents[i]?.dateOfBirth ?? '1970-01-01',
    })),
    teamIds,
    provisions: demo.provisions.flatMap((p) =>
      p.kind === 'tailored' && p.unit
        ? [{ id: idOf(provisionIds, p.key), code: p.code, law: p.law, unit: p.unit }]
        : [],
    ),
    contracts,
    // Three years of history: from the first of this month, three years ago.
    from: `${Number(today.slice(0, 4)) - 3}-${today.slice(5, 7)}-01`,
    count: options.historyCases,
    now: options.now,
  });
  progress('aanbieders sturen hun berichten: start zorg, maanddeclaraties, stop zorg');
  const simulation = await simulateProviders(ctx, {
    until: today,
    seed: options.seed,
    behaviourOf: demoProviderBehaviour,
    onProgress: progress,
  });
  return {
    districts: demo.districts.length,
    neighbourhoods: demo.neighbourhoods.length,
    providers: demo.providers.length,
    provisions: demo.provisions.length,
    contracts: demo.contracts.length,
    residents: demo.residents.length,
    accounts: DEMO_ACCOUNTS.length,
    teams: teamIds.length,
    cases,
    historyCases: history.cases,
    evaluations: history.evaluations,
    providerMessages: simulation.messages,
    providerMessagesWithFindings: simulation.withFindings,
  };
}
