/**
 * A large municipality's case volume for the case benchmarks (`bench/case-endpoints.ts`): about
 * 60,000 clients with five years of cases (≈1.6 per client) under the Wmo, the Jeugdwet and the
 * Participatiewet, fifteen neighbourhood teams, decisions with allocations under valid contracts,
 * assessments with goals and ZRM intake, evaluations, and a few per cent of cases still open.
 *
 * Fast because nothing goes through HTTP or the per-case services: the rows are built in memory
 * and inserted in bulk (`jsonb_to_recordset`, thousands of rows a statement) as the database
 * owner. Valid for the app all the same, because every value comes from the domain's own pure
 * code: each case's state is the state machine's (`openCase`, `transition`) with the due columns
 * as the case service sets them, decision lines pass `decisionLineViolation` against the real
 * provisions and contracts (created through the registry services), assessments pass
 * `checkAssessment` and evaluations get their outcome from `checkEvaluation`. The monitor's read
 * model (`case_outcome`) is computed with the cases module's helpers and checked on a sample
 * against what the module itself writes (`refreshCaseOutcome`), or, with `outcomes: 'rebuild'`,
 * rebuilt by the module (`rebuildCaseOutcomes`).
 *
 * Deterministic for a seed (ids included), apart from the ids the registry services draw for
 * providers, provisions, contracts and teams, and relative to the day it runs, so that open cases
 * are always recent and some always overdue.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { type AppTx, type Database, enterTenant, queryRows } from '../src/db/connection.js';
import { createAccountAsSystem } from '../src/modules/accounts/accounts-service.js';
import { hashPassword } from '../src/modules/accounts/passwords.js';
import {
  type DecisionLineInput,
  decisionLineViolation,
  type ExistingAllocation,
  type Frequency,
} from '../src/modules/cases/allocation-rules.js';
import { checkAssessment } from '../src/modules/cases/assessment-rules.js';
import type { StoredGoal } from '../src/modules/cases/assessment-tables.js';
import { fromEpochDay, toEpochDay } from '../src/modules/cases/calendar-date.js';
import {
  type CaseEvent,
  type CaseState,
  clockInputOf,
  openCase,
  transition,
} from '../src/modules/cases/case-state-machine.js';
import { TERMINAL_STATUSES } from '../src/modules/cases/case-transitions.js';
import { checkEvaluation } from '../src/modules/cases/evaluation-rules.js';
import { caseDeadlines, type Deadline, type Law } from '../src/modules/cases/legal-clock.js';
import { rebuildCaseOutcomes, refreshCaseOutcome, zrmMovement } from '../src/modules/cases/outcome-facts.js';
import {
  DEFAULT_COMPENSATION_RULE,
  type GoalAttainment,
  type ZrmDomain,
  type ZrmScore,
  type ZrmScores,
} from '../src/modules/cases/self-sufficiency.js';
import { createTeam } from '../src/modules/cases/teams-service.js';
import { generateDemoMunicipality } from '../src/modules/demo/demo-generator.js';
import { createDistrict, createNeighbourhood } from '../src/modules/geography/geography-service.js';
import { createContract } from '../src/modules/registry/contract-service.js';
import { createProvider } from '../src/modules/registry/provider-service.js';
import { createProvision } from '../src/modules/registry/provision-service.js';
import type { ContractDetail, ProvisionView } from '../src/modules/registry/registry-schema.js';
import { createMunicipality } from '../src/modules/tenancy/tenancy-service.js';
import { SYSTEM_ACTOR, systemTrace, type TenantContext } from '../src/server/request-context.js';
import { todayInNetherlands } from '../src/shared/identifiers.js';

export const CASE_VOLUME_MUNICIPALITY = { code: '9960', name: 'Grootwaarde' } as const;
export const BENCH_PASSWORD = 'Regiekamer-bench-2026';
export const BENCH_CASE_WORKER = 'bench.consulent';
export const BENCH_BOARD_MEMBER = 'bench.bestuurder';
export const DEFAULT_CASE_VOLUME_SEED = 20261202;
export const DEFAULT_CLIENTS = 60_000;
/** The provision whose clients attain their goals far less often (as in the demo history). */
export const PLANTED_NON_COMPENSATING_CODE = 'WMO-DB';

const YEARS = 5;
const CASE_WORKERS_PER_TEAM = 5;
/** The demo geography (about 50,000 inhabitants) scaled to a large municipality. */
const POPULATION_FACTOR = 6;
/** Outcome rows checked against the cases module's own refresh after a bulk load. */
const OUTCOME_SAMPLE = 200;
/** Rows per INSERT statement. */
const INSERT_BATCH = 2500;

export interface CaseVolumeOptions {
  seed?: number;
  clients?: number;
  now?: Date;
  /**
   * 'bulk' (default): the monitor's read model is computed here with the cases module's own
   * helpers, inserted in bulk and checked on a sample against `refreshCaseOutcome`. 'rebuild':
   * `rebuildCaseOutcomes` writes it, as a migration would (slower: about 90 s at 60,000 clients).
   */
  outcomes?: 'bulk' | 'rebuild';
  log?: (message: string) => void;
}

export interface CaseVolume {
  municipalityCode: string;
  today: string;
  caseWorker: { username: string; password: string; teamIds: string[] };
  boardMember: { username: string; password: string };
  provisions: { id: string; code: string; name: string; law: Law }[];
  /** Rows per table after loading. */
  counts: Record<string, number>;
  /** Open cases per team name, and the case worker's share. */
  openCasesPerTeam: Record<string, number>;
  statuses: Record<string, number>;
  evaluationOutcomes: Record<string, number>;
  timingsMs: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Deterministic random numbers.

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let remaining = this.next() * total;
    for (const item of items) {
      remaining -= weight(item);
      if (remaining < 0) return item;
    }
    return this.pick(items);
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const swap = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = swap;
    }
    return copy;
  }
  /** A version-4 UUID from this stream. */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () =>
      Math.floor(this.next() * 4294967296)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Fixed vocabulary.

// biome-ignore format: a compact data table reads better than one value per line
const FIRST_NAMES = [
  'Jan', 'Gerrit', 'Henk', 'Kees', 'Willem', 'Piet', 'Johanna', 'Maria', 'Riet', 'Ans', 'Truus', 'Wim',
  'Klaas', 'Dirk', 'Joke', 'Ton', 'Theo', 'Greet', 'Hassan', 'Aïcha', 'Sanne', 'Daan', 'Emma', 'Noah',
  'Julia', 'Sem', 'Lotte', 'Lucas', 'Fatima', 'Mohamed', 'Yasmina', 'Youssef', 'Anouk', 'Bram', 'Fleur',
  'Thijs', 'Priya', 'Ayşe', 'Mehmet', 'Eva', 'Tim', 'Mila', 'Levi', 'Noor', 'Finn', 'Iris', 'Milan',
  'Zoë', 'Amir', 'Dewi', 'Kevin', 'Samira', 'Joost', 'Ilse', 'Wouter', 'Marloes', 'Stefan', 'Esra',
];
// biome-ignore format: a compact data table reads better than one value per line
const LAST_NAMES = [
  'de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos',
  'Vos', 'Peters', 'Hendriks', 'van Dijk', 'van den Berg', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit',
  'Dijkstra', 'de Graaf', 'van der Meer', 'Kok', 'Jacobs', 'Vermeulen', 'Willems', 'Postma', 'el Amrani',
  'Yilmaz', 'Öztürk', 'Kaya', 'Bouzid', 'Ramdin', 'Soekhai', 'Nguyen', 'Kowalski', 'Haddou', 'Demir',
];

const REQUESTS: Record<Law, readonly string[]> = {
  wmo: [
    'Sinds mijn val kan ik het huis niet meer schoonhouden.',
    'Mijn man heeft dementie en ik red het niet meer alleen.',
    'Ik kom de deur niet meer uit zonder scootmobiel.',
    'Ik heb hulp nodig bij het op orde houden van mijn administratie.',
    'Na mijn ziekenhuisopname kan ik mij niet zelf wassen en aankleden.',
  ],
  youth: [
    'Onze dochter gaat al maanden niet naar school en sluit zich op.',
    'Mijn zoon is erg boos en agressief thuis; wij weten niet meer wat we moeten doen.',
    'Ons kind heeft na de scheiding veel angsten.',
  ],
  participation: [
    'Ik ben mijn baan kwijt en heb geen inkomen meer.',
    'Ik wil graag weer aan het werk maar weet niet hoe.',
    'Mijn WW loopt af en ik kan de huur niet meer betalen.',
  ],
};

/** Life domains a case under each law is typically about. */
const DOMAINS: Record<Law, readonly ZrmDomain[]> = {
  wmo: ['housing', 'instrumental_adl', 'basic_adl', 'social_network', 'physical_health'],
  youth: ['domestic_relations', 'mental_health', 'time_use', 'social_network'],
  participation: ['finances', 'work_education', 'social_participation', 'mental_health'],
};

/** How often goals are attained, per law; the planted provision far less. */
const SUCCESS: Record<Law, number> = { wmo: 0.72, youth: 0.58, participation: 0.5 };

const VOLUME_BY_UNIT: Record<string, number> = {
  '01': 240,
  '04': 8,
  '14': 10,
  '16': 8,
  '82': 1,
  '83': 500,
  '84': 4,
};

/** How often a provision is granted relative to the others of its law (1 when absent). */
const PROVISION_WEIGHT: Record<string, number> = {
  'WMO-HH1': 4,
  'WMO-PV': 2,
  'WMO-BGI': 3,
  'WMO-DB': 2.5,
  'WMO-CV': 2,
  'WMO-KV': 0.5,
  'WMO-BW': 0.5,
  'PW-BIJ': 4,
  'PW-REI': 2,
  'PW-SHV': 2,
  'PW-BWK': 0.5,
};

const LAW_WEIGHT: Record<Law, number> = { wmo: 0.55, youth: 0.25, participation: 0.2 };

// ---------------------------------------------------------------------------------------------
// In-memory rows, named as the columns.

type Row = Record<string, unknown>;

interface ResidentDraft {
  id: string;
  law: Law;
  dateOfBirth: string;
  neighbourhoodCode: string;
  teamIndex: number;
  allocations: ExistingAllocation[];
}

interface Team {
  id: string;
  name: string;
  workers: string[];
}

const ISO = (day: number) => fromEpochDay(day);
/** A Dutch-time instant on `day`; steps on one day get later minutes. */
const stamp = (day: number, slot: number) =>
  `${ISO(day)}T${String(9 + Math.floor(slot / 4)).padStart(2, '0')}:${String((slot % 4) * 15).padStart(2, '0')}:00+01:00`;

function bsnCheckDigit(prefix: string): number | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (prefix.charCodeAt(i) - 48) * (9 - i);
  const digit = sum % 11;
  return digit === 10 ? null : digit;
}

/**
 * Fictional BSNs, in a seeded order: every number of the 999 block that passes the eleven-test.
 * The demo's reserved test range (999900006–999999990) holds only about 9,100 valid numbers, too
 * few for 60,000 clients; the 999 block around it holds about 91,000.
 */
function fictionalBsns(rng: Rng): string[] {
  const all: string[] = [];
  for (let prefix = 99_900_000; prefix <= 99_999_999; prefix++) {
    const text = String(prefix);
    const check = bsnCheckDigit(text);
    if (check !== null) all.push(`${text}${check}`);
  }
  return rng.shuffle(all);
}

/** A birth date that fits the law on every report day of the five years (see demo-history). */
function dateOfBirth(rng: Rng, law: Law, todayDay: number, firstDay: number): string {
  const span = (from: string, to: string) => ISO(rng.int(toEpochDay(from), toEpochDay(to)));
  const year = Number(ISO(todayDay).slice(0, 4));
  if (law === 'youth') {
    // Under 18 on the last day, born before the first report day.
    return span(`${year - 17}-01-01`, ISO(firstDay - 1));
  }
  if (law === 'participation') {
    // 27 or older on the first day, younger than 66 today.
    return span(`${year - 65}-01-01`, ISO(toEpochDay(`${ISO(firstDay).slice(0, 4)}-01-01`) - 27 * 366));
  }
  // Wmo: adults, mostly elderly.
  const age = rng.weighted(
    [
      [24, 44, 15],
      [45, 64, 20],
      [65, 74, 25],
      [75, 84, 28],
      [85, 99, 12],
    ] as const,
    (band) => band[2],
  );
  const born = year - rng.int(age[0], age[1]);
  return span(`${born}-01-01`, `${born}-12-31`);
}

// ---------------------------------------------------------------------------------------------
// A case's course: the steps the state machine is taken through.

interface PlannedStep {
  day: number;
  event: CaseEvent;
}

function planCase(
  rng: Rng,
  law: Law,
  reportDay: number,
  incomeSupport: boolean,
  urgent: boolean,
): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const add = (day: number, event: CaseEvent) => steps.push({ day, event });
  if (urgent) add(reportDay + rng.int(0, 1), { type: 'provide_temporary_provision' });
  if (law === 'wmo') {
    if (rng.chance(0.05)) add(reportDay + rng.int(1, 6), { type: 'receive_own_plan' });
    const start = reportDay + rng.int(1, 7);
    add(start, { type: 'start_assessment' });
    let complete = start + rng.int(7, 25);
    if (rng.chance(0.04)) {
      const from = start + rng.int(1, 4);
      const to = from + rng.int(7, 21);
      add(from, { type: 'suspend', reason: 'Wacht op medische informatie van de huisarts.' });
      add(to, { type: 'resume' });
      complete = to + rng.int(2, 10);
    }
    add(complete, { type: 'complete_assessment' });
    const apply = complete + rng.int(0, 3);
    add(apply, { type: 'apply' });
    add(apply + (rng.chance(0.85) ? rng.int(2, 14) : rng.int(15, 30)), { type: 'decide' });
  } else if (law === 'youth') {
    const start = reportDay + rng.int(1, 10);
    add(start, { type: 'start_assessment' });
    let decide = reportDay + (rng.chance(0.85) ? rng.int(20, 50) : rng.int(51, 80));
    if (rng.chance(0.03)) {
      const from = start + rng.int(1, 5);
      const to = from + rng.int(5, 15);
      add(from, { type: 'suspend', reason: 'Wacht op het verslag van de school.' });
      add(to, { type: 'resume' });
      decide = Math.max(decide, to + rng.int(3, 10));
    }
    if (decide > reportDay + 56 && rng.chance(0.5)) {
      add(reportDay + rng.int(45, 55), {
        type: 'extend',
        days: 28,
        reason: 'Complexe gezinssituatie; aanvullend onderzoek door de jeugdarts nodig.',
      });
      decide = Math.max(decide, reportDay + 56);
    }
    add(decide, { type: 'decide' });
  } else {
    const apply = reportDay + rng.int(1, 5);
    add(apply, { type: 'apply' });
    const decide = apply + (rng.chance(0.9) ? rng.int(10, 40) : rng.int(41, 70));
    if (incomeSupport && decide > apply + 28) add(apply + rng.int(14, 27), { type: 'pay_advance' });
    add(decide, { type: 'decide' });
  }
  steps.sort((a, b) => a.day - b.day);
  if (rng.chance(0.04)) {
    // Withdrawn somewhere before the decision.
    const cut = rng.int(0, steps.length - 1);
    const from = steps[cut - 1]?.day ?? reportDay;
    const day = Math.min((steps[cut]?.day ?? from) + rng.int(0, 5), from + 20);
    steps.splice(cut);
    steps.push({
      day: Math.max(day, from),
      event: { type: 'withdraw', reason: 'De inwoner ziet af van de aanvraag.' },
    });
  }
  return steps;
}

/** Some recent cases stall: waiting for information (suspended), or simply late. */
function stall(rng: Rng, steps: PlannedStep[], reportDay: number, todayDay: number): PlannedStep[] {
  const age = todayDay - reportDay;
  const chance = age <= 90 ? 0.2 : age <= 365 ? 0.06 : 0;
  if (!rng.chance(chance)) return steps;
  const decideAt = steps.findIndex((s) => s.event.type === 'decide' || s.event.type === 'withdraw');
  if (decideAt < 0) return steps;
  const kept = steps.slice(0, rng.int(Math.max(0, decideAt - 2), decideAt));
  const last = kept.at(-1)?.day ?? reportDay;
  if (rng.chance(0.35) && !kept.some((s) => s.event.type === 'suspend')) {
    kept.push({
      day: Math.min(last + rng.int(1, 10), todayDay - 1),
      event: { type: 'suspend', reason: 'Wacht op gegevens van de inwoner.' },
    });
  }
  return kept;
}

function dueColumns(
  state: CaseState,
  today: string,
): { next_due_date: string | null; next_due_kind: string | null } {
  if (TERMINAL_STATUSES.includes(state.status)) return { next_due_date: null, next_due_kind: null };
  // As case-service.ts's dueColumns: the earliest deadline that is not met.
  const open = caseDeadlines(clockInputOf(state), today)
    .filter((d: Deadline) => d.status !== 'met')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const next = open[0];
  return { next_due_date: next?.dueDate ?? null, next_due_kind: next?.kind ?? null };
}

// ---------------------------------------------------------------------------------------------
// Bulk loading.

type Columns = readonly (readonly [name: string, type: string])[];

async function bulkInsert(tx: AppTx, table: string, columns: Columns, rows: readonly Row[]): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  const definitions = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const chunk = JSON.stringify(rows.slice(i, i + INSERT_BATCH));
    await tx.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(names)})
          select ${sql.raw(names)} from jsonb_to_recordset(${chunk}::jsonb) as x(${sql.raw(definitions)})`,
    );
  }
}

const COLUMNS = {
  resident: [
    ['municipality_code', 'text'],
    ['id', 'uuid'],
    ['neighbourhood_code', 'text'],
  ],
  resident_identity: [
    ['municipality_code', 'text'],
    ['resident_id', 'uuid'],
    ['bsn', 'text'],
    ['name', 'text'],
    ['date_of_birth', 'date'],
  ],
  account: [
    ['municipality_code', 'text'],
    ['id', 'uuid'],
    ['username', 'text'],
    ['display_name', 'text'],
    ['role', 'text'],
    ['password_hash', 'text'],
  ],
  team_member: [
    ['municipality_code', 'text'],
    ['team_id', 'uuid'],
    ['account_id', 'uuid'],
  ],
  support_case: [
    ['municipality_code', 'text'],
    ['id', 'uuid'],
    ['reference', 'text'],
    ['resident_id', 'uuid'],
    ['team_id', 'uuid'],
    ['law', 'text'],
    ['status', 'text'],
    ['request_text', 'text'],
    ['state', 'jsonb'],
    ['next_due_date', 'date'],
    ['next_due_kind', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  case_decision: [
    ['municipality_code', 'text'],
    ['case_id', 'uuid'],
    ['decided_on', 'date'],
    ['outcome', 'text'],
    ['decided_by', 'text'],
    ['created_at', 'timestamptz'],
  ],
  decision_line: [
    ['municipality_code', 'text'],
    ['id', 'uuid'],
    ['case_id', 'uuid'],
    ['position', 'integer'],
    ['provision_id', 'uuid'],
    ['granted', 'boolean'],
    ['form', 'text'],
    ['provider_id', 'uuid'],
    ['contract_id', 'uuid'],
    ['volume', 'integer'],
    ['unit', 'text'],
    ['frequency', 'text'],
    ['start_date', 'date'],
    ['end_date', 'date'],
    ['reasoning', 'text'],
  ],
  allocation: [
    ['municipality_code', 'text'],
    ['id', 'uuid'],
    ['case_id', 'uuid'],
    ['decision_line_id', 'uuid'],
    ['resident_id', 'uuid'],
    ['provision_id', 'uuid'],
    ['provider_id', 'uuid'],
    ['contract_id', 'uuid'],
    ['volume', 'integer'],
    ['unit', 'text'],
    ['frequency', 'text'],
    ['start_date', 'date'],
    ['end_date', 'date'],
    ['status', 'text'],
    ['created_at', 'timestamptz'],
  ],
  case_assessment: [
    ['municipality_code', 'text'],
    ['case_id', 'uuid'],
    ['life_domains', 'text[]'],
    ['self_reliance', 'text'],
    ['network', 'text'],
    ['goals', 'jsonb'],
    ['zrm_intake', 'jsonb'],
    ['planned_evaluation_date', 'date'],
    ['recorded_by', 'text'],
    ['recorded_at', 'timestamptz'],
  ],
  case_evaluation: [
    ['municipality_code', 'text'],
    ['id', 'uuid'],
    ['case_id', 'uuid'],
    ['evaluated_on', 'date'],
    ['goal_attainment', 'jsonb'],
    ['zrm', 'jsonb'],
    ['outcome', 'text'],
    ['explanation', 'text[]'],
    ['recorded_by', 'text'],
    ['recorded_at', 'timestamptz'],
  ],
  case_outcome: [
    ['municipality_code', 'text'],
    ['case_id', 'uuid'],
    ['law', 'text'],
    ['resident_id', 'uuid'],
    ['neighbourhood_code', 'text'],
    ['team_id', 'uuid'],
    ['report_date', 'date'],
    ['decided_on', 'date'],
    ['decision_due_date', 'date'],
    ['evaluation_due_on', 'date'],
    ['provision_ids', 'uuid[]'],
    ['provider_ids', 'uuid[]'],
    ['outcome', 'text'],
    ['evaluated_on', 'date'],
    ['zrm_improved', 'text[]'],
    ['zrm_same', 'text[]'],
    ['zrm_worse', 'text[]'],
  ],
} as const satisfies Record<string, Columns>;

type Table = keyof typeof COLUMNS;

/** Tables in the order their rows can be inserted (foreign keys). */
const LOAD_ORDER: readonly Table[] = [
  'resident',
  'resident_identity',
  'account',
  'team_member',
  'support_case',
  'case_decision',
  'decision_line',
  'allocation',
  'case_assessment',
  'case_evaluation',
  'case_outcome',
];

const COUNTED_TABLES = [
  'district',
  'neighbourhood',
  'provider',
  'provision',
  'contract',
  'contract_line',
  'resident',
  'resident_identity',
  'account',
  'team',
  'team_member',
  'support_case',
  'case_decision',
  'decision_line',
  'allocation',
  'case_assessment',
  'case_evaluation',
  'case_outcome',
] as const;

// ---------------------------------------------------------------------------------------------

interface Registry {
  districts: { code: string; name: string; neighbourhoods: { code: string; population: number }[] }[];
  provisions: ProvisionView[];
  contracts: ContractDetail[];
  teams: Team[];
  /** neighbourhood code → team index */
  teamOfNeighbourhood: Map<string, number>;
  caseWorkerTeams: number[];
  caseWorkerId: string;
}

/** Geography, providers, provisions, two contract periods, teams and the two bench accounts. */
async function createRegistry(database: Database, seed: number): Promise<Registry> {
  const demo = generateDemoMunicipality(seed);
  const code = CASE_VOLUME_MUNICIPALITY.code;
  const recode = (value: string) => value.replace(/^(WK|BU)\d{4}/, `$1${code}`);
  return database.asSystem(async (tx) => {
    await createMunicipality(tx, {
      code,
      name: CASE_VOLUME_MUNICIPALITY.name,
      population: demo.municipality.population * POPULATION_FACTOR,
    });
    // The registry goes through its services as the application role, so it obeys their rules.
    await enterTenant(tx, code);
    const ctx: TenantContext = {
      tx,
      municipalityCode: code,
      actor: SYSTEM_ACTOR,
      trace: systemTrace('bench'),
    };

    for (const district of demo.districts)
      await createDistrict(ctx, { ...district, code: recode(district.code) });
    const districts: Registry['districts'] = demo.districts.map((d) => ({
      code: recode(d.code),
      name: d.name,
      neighbourhoods: [],
    }));
    for (const n of demo.neighbourhoods) {
      const neighbourhood = {
        ...n,
        code: recode(n.code),
        districtCode: recode(n.districtCode),
        population: n.population * POPULATION_FACTOR,
      };
      await createNeighbourhood(ctx, neighbourhood);
      districts
        .find((d) => d.code === neighbourhood.districtCode)
        ?.neighbourhoods.push({ code: neighbourhood.code, population: neighbourhood.population });
    }

    const providerIds = new Map<string, string>();
    for (const { key, ...input } of demo.providers)
      providerIds.set(key, (await createProvider(ctx, input)).id);
    const provisions: ProvisionView[] = [];
    const provisionIds = new Map<string, string>();
    for (const { key, ...input } of demo.provisions) {
      const created = await createProvision(ctx, input);
      provisions.push(created);
      provisionIds.set(key, created.id);
    }
    const idOf = (map: Map<string, string>, key: string) => {
      const id = map.get(key);
      if (!id) throw new Error(`unknown key ${key}`);
      return id;
    };
    // The demo's contracts cover the last few years only; the same providers held the four-year
    // period before them too, so that five years of cases have contracts to allocate under.
    const contracts: ContractDetail[] = [];
    for (const period of ['previous', 'current'] as const) {
      for (const { key: _key, providerKey, lines, ...input } of demo.contracts) {
        const previousStart = `${Number(input.startDate.slice(0, 4)) - 4}-01-01`;
        contracts.push(
          await createContract(ctx, {
            ...input,
            ...(period === 'previous'
              ? {
                  reference: input.reference.replace(/^INK-\d{4}-/, `INK-${previousStart.slice(0, 4)}-`),
                  startDate: previousStart,
                  endDate: ISO(toEpochDay(input.startDate) - 1),
                }
              : {}),
            providerId: idOf(providerIds, providerKey),
            lines: lines.map((line) => ({
              provisionId: idOf(provisionIds, line.provisionKey),
              tariffCents: line.tariffCents,
            })),
          }),
        );
      }
    }

    // Fifteen neighbourhood teams: one for the centre, two for every other district.
    const teams: Team[] = [];
    const teamOfNeighbourhood = new Map<string, number>();
    for (const [index, district] of districts.entries()) {
      const parts = index === 0 ? [''] : [' Noord', ' Zuid'];
      const first = teams.length;
      for (const part of parts) {
        const created = await createTeam(ctx, {
          name: `Wijkteam ${district.name}${part}`,
          districtCode: district.code,
        });
        teams.push({ id: created.id, name: created.name, workers: [] });
      }
      district.neighbourhoods.forEach((n, i) => {
        teamOfNeighbourhood.set(n.code, first + (i % parts.length));
      });
    }
    // The bench case worker works in the two teams of the most populous district but the centre.
    const busiest = districts
      .map((d, index) => ({ index, population: d.neighbourhoods.reduce((sum, n) => sum + n.population, 0) }))
      .slice(1)
      .sort((a, b) => b.population - a.population)[0];
    if (!busiest) throw new Error('no districts');
    const firstTeam = 1 + (busiest.index - 1) * 2;
    const caseWorkerTeams = [firstTeam, firstTeam + 1];
    const caseWorker = await createAccountAsSystem(tx, code, {
      username: BENCH_CASE_WORKER,
      displayName: 'Bo Benchmark',
      role: 'case_worker',
      password: BENCH_PASSWORD,
    });
    await createAccountAsSystem(tx, code, {
      username: BENCH_BOARD_MEMBER,
      displayName: 'Wendy Wethouder',
      role: 'board_member',
      password: BENCH_PASSWORD,
    });
    return {
      districts,
      provisions,
      contracts,
      teams,
      teamOfNeighbourhood,
      caseWorkerTeams,
      caseWorkerId: caseWorker.id,
    };
  });
}

type OutcomeRow = {
  municipality_code: string;
  case_id: string;
  law: Law;
  resident_id: string;
  neighbourhood_code: string;
  team_id: string;
  report_date: string;
  decided_on: string;
  decision_due_date: string | null;
  evaluation_due_on: string | null;
  provision_ids: string[];
  provider_ids: string[];
  outcome: string | null;
  evaluated_on: string | null;
  zrm_improved: string[];
  zrm_same: string[];
  zrm_worse: string[];
};

interface Generated {
  rows: Record<Table, Row[]>;
  statuses: Record<string, number>;
  evaluationOutcomes: Record<string, number>;
}

/** Residents, case workers and every case with its decision, assessment and evaluations, in memory. */
async function generate(registry: Registry, rng: Rng, clients: number, todayDay: number): Promise<Generated> {
  const code = CASE_VOLUME_MUNICIPALITY.code;
  const today = ISO(todayDay);
  const firstDay = todayDay - YEARS * 365 - 1;
  const rows = Object.fromEntries(LOAD_ORDER.map((t) => [t, [] as Row[]])) as Record<Table, Row[]>;

  // Case workers: five per team, the bench case worker in two teams besides them.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  for (const [index, team] of registry.teams.entries()) {
    for (let k = 1; k <= CASE_WORKERS_PER_TEAM; k++) {
      const id = rng.uuid();
      const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
      team.workers.push(name);
      rows.account.push({
        municipality_code: code,
        id,
        username: `consulent.${String(index + 1).padStart(2, '0')}.${k}`,
        display_name: name,
        role: 'case_worker',
        password_hash: passwordHash,
      });
      rows.team_member.push({ municipality_code: code, team_id: team.id, account_id: id });
    }
  }
  for (const index of registry.caseWorkerTeams) {
    const team = registry.teams[index];
    if (!team) throw new Error('bench team missing');
    team.workers.push('Bo Benchmark');
    rows.team_member.push({ municipality_code: code, team_id: team.id, account_id: registry.caseWorkerId });
  }

  // Residents: the municipality's clients of five years.
  const neighbourhoods = registry.districts.flatMap((d) => d.neighbourhoods);
  const bsns = fictionalBsns(rng);
  if (clients > bsns.length) throw new Error(`at most ${bsns.length} clients (fictional BSNs)`);
  const residents: ResidentDraft[] = [];
  for (let i = 0; i < clients; i++) {
    const law = rng.weighted(['wmo', 'youth', 'participation'] as const, (l) => LAW_WEIGHT[l]);
    const neighbourhood = rng.weighted(neighbourhoods, (n) => n.population);
    const resident: ResidentDraft = {
      id: rng.uuid(),
      law,
      dateOfBirth: dateOfBirth(rng, law, todayDay, firstDay),
      neighbourhoodCode: neighbourhood.code,
      teamIndex: registry.teamOfNeighbourhood.get(neighbourhood.code) ?? 0,
      allocations: [],
    };
    residents.push(resident);
    rows.resident.push({
      municipality_code: code,
      id: resident.id,
      neighbourhood_code: resident.neighbourhoodCode,
    });
    rows.resident_identity.push({
      municipality_code: code,
      resident_id: resident.id,
      bsn: bsns[i],
      name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      date_of_birth: resident.dateOfBirth,
    });
  }

  // Report days: 1, 2 or 3 cases per client, at least three months apart.
  const drafts: { resident: ResidentDraft; reportDay: number }[] = [];
  for (const resident of residents) {
    const count = rng.weighted([1, 2, 3], (n) => (n === 1 ? 0.5 : n === 2 ? 0.43 : 0.07));
    const days = Array.from({ length: count }, () => rng.int(firstDay, todayDay - 1)).sort((a, b) => a - b);
    let previous = Number.NEGATIVE_INFINITY;
    for (let day of days) {
      if (day - previous < 90) day = previous + 90 + rng.int(0, 60);
      if (day >= todayDay) break;
      drafts.push({ resident, reportDay: day });
      previous = day;
    }
  }
  drafts.sort((a, b) => a.reportDay - b.reportDay);

  const tailoredByLaw = (law: Law) =>
    registry.provisions.filter(
      (p) =>
        p.law === law &&
        p.kind === 'tailored' &&
        registry.contracts.some((c) => c.lines.some((l) => l.provisionId === p.id)),
    );
  const generalByLaw = (law: Law) => registry.provisions.filter((p) => p.law === law && p.kind === 'general');
  const tailored = {
    wmo: tailoredByLaw('wmo'),
    youth: tailoredByLaw('youth'),
    participation: tailoredByLaw('participation'),
  };
  const general = {
    wmo: generalByLaw('wmo'),
    youth: generalByLaw('youth'),
    participation: generalByLaw('participation'),
  };

  const statuses: Record<string, number> = {};
  const evaluationOutcomes: Record<string, number> = {};
  const sequence = new Map<string, number>();
  for (const { resident, reportDay } of drafts) {
    const law = resident.law;
    const team = registry.teams[resident.teamIndex];
    if (!team) throw new Error('team missing');
    const actor = rng.pick(team.workers);
    const year = ISO(reportDay).slice(0, 4);
    const number = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, number);
    const caseId = rng.uuid();
    const incomeSupport = law === 'participation' && rng.chance(0.6);
    const urgent = law === 'wmo' && rng.chance(0.02);

    // The course through the state machine, as far as it has come by yesterday.
    let { state } = openCase(
      {
        law,
        reportDate: ISO(reportDay),
        urgent,
        dateOfBirth: resident.dateOfBirth,
        ...(law === 'participation'
          ? { participationKind: incomeSupport ? 'income_support' : 'reintegration' }
          : {}),
      },
      { actor, at: stamp(reportDay, 0) },
    );
    const plan = stall(rng, planCase(rng, law, reportDay, incomeSupport, urgent), reportDay, todayDay);
    let slot = 1;
    let previousDay = reportDay;
    const dayOf: Partial<Record<CaseEvent['type'], number>> = {};
    for (const step of plan) {
      if (step.day >= todayDay) break;
      slot = step.day === previousDay ? slot + 1 : 0;
      previousDay = step.day;
      try {
        state = transition(state, step.event, { actor, at: stamp(step.day, slot) }).state;
      } catch (error) {
        throw new Error(
          `generated case ${law} ${ISO(reportDay)}: ${step.event.type} on ${ISO(step.day)} refused: ${(error as Error).message}`,
        );
      }
      dayOf[step.event.type] = step.day;
    }
    statuses[state.status] = (statuses[state.status] ?? 0) + 1;
    const lastAt = state.history.at(-1)?.at ?? stamp(reportDay, 0);
    rows.support_case.push({
      municipality_code: code,
      id: caseId,
      reference: `${year}-${String(number).padStart(6, '0')}`,
      resident_id: resident.id,
      team_id: team.id,
      law,
      status: state.status,
      request_text: rng.pick(REQUESTS[law]),
      state,
      ...dueColumns(state, today),
      created_at: state.history[0]?.at,
      updated_at: lastAt,
    });

    // The decision.
    const decideDay = dayOf.decide;
    let refused = false;
    let startDay = 0;
    let endDay = 0;
    let mainProvision: ProvisionView | undefined;
    let outcomeRow: OutcomeRow | undefined;
    if (state.status === 'decided' && decideDay !== undefined) {
      const roll = rng.next();
      const outcome = roll < 0.07 ? 'refused' : roll < 0.12 ? 'partly_granted' : 'granted';
      refused = outcome === 'refused';
      mainProvision = rng.weighted(tailored[law], (p) => PROVISION_WEIGHT[p.code] ?? 1);
      startDay = decideDay + rng.int(1, 14);
      endDay = startDay + rng.int(180, 365);
      rows.case_decision.push({
        municipality_code: code,
        case_id: caseId,
        decided_on: ISO(decideDay),
        outcome,
        decided_by: actor,
        created_at: lastAt,
      });
      // The monitor's row, as outcome-facts.ts's outcomeRows builds it; completed below.
      outcomeRow = {
        municipality_code: code,
        case_id: caseId,
        law,
        resident_id: resident.id,
        neighbourhood_code: resident.neighbourhoodCode,
        team_id: team.id,
        report_date: state.reportDate,
        decided_on: ISO(decideDay),
        decision_due_date:
          caseDeadlines(clockInputOf(state), today).find((d) => d.kind === 'decision')?.dueDate ?? null,
        evaluation_due_on: null,
        provision_ids: [],
        provider_ids: [],
        outcome: null,
        evaluated_on: null,
        zrm_improved: [],
        zrm_same: [],
        zrm_worse: [],
      };
      rows.case_outcome.push(outcomeRow);
      const lines: DecisionLineInput[] = [];
      const lineProvisions: ProvisionView[] = [];
      const contractOf = new Map<DecisionLineInput, ContractDetail>();
      if (refused) {
        lines.push(refusedLine(mainProvision));
        lineProvisions.push(mainProvision);
      } else {
        const { line, contract } = grantedLine(rng, registry, resident, mainProvision, startDay, endDay);
        lines.push(line);
        lineProvisions.push(mainProvision);
        if (contract) contractOf.set(line, contract);
        if (line.form === 'in_kind' && line.providerId && line.startDate) {
          resident.allocations.push({
            provisionId: line.provisionId,
            providerId: line.providerId,
            startDate: line.startDate,
            endDate: line.endDate,
          });
        }
        if (outcome === 'partly_granted') {
          const other = rng.pick(tailored[law].filter((p) => p.id !== mainProvision?.id));
          lines.push(refusedLine(other));
          lineProvisions.push(other);
        } else if (rng.chance(0.08) && general[law].length > 0) {
          // A referral to a general provision alongside.
          const referral = rng.pick(general[law]);
          lines.push({
            provisionId: referral.id,
            granted: true,
            form: null,
            providerId: null,
            contractId: null,
            volume: null,
            frequency: null,
            startDate: ISO(startDay),
            endDate: null,
            reasoning: `Verwezen naar ${referral.name}: dat helpt de inwoner zonder beschikking.`,
          });
          lineProvisions.push(referral);
        }
      }
      const granted = new Set<string>();
      const providers = new Set<string>();
      for (const [position, line] of lines.entries()) {
        const provision = lineProvisions[position];
        if (!provision) throw new Error('line without provision');
        if (line.granted) granted.add(line.provisionId);
        const lineId = rng.uuid();
        rows.decision_line.push({
          municipality_code: code,
          id: lineId,
          case_id: caseId,
          position,
          provision_id: line.provisionId,
          granted: line.granted,
          form: line.form,
          provider_id: line.providerId,
          contract_id: line.contractId,
          volume: line.volume,
          unit: line.granted && provision.kind === 'tailored' ? provision.unit : null,
          frequency: line.frequency,
          start_date: line.startDate,
          end_date: line.endDate,
          reasoning: line.reasoning,
        });
        const contract = contractOf.get(line);
        if (line.granted && line.form === 'in_kind' && contract && line.startDate && provision.unit) {
          providers.add(contract.providerId);
          const started = line.startDate <= today;
          const stopped = line.endDate !== null && line.endDate < today;
          rows.allocation.push({
            municipality_code: code,
            id: rng.uuid(),
            case_id: caseId,
            decision_line_id: lineId,
            resident_id: resident.id,
            provision_id: line.provisionId,
            provider_id: contract.providerId,
            contract_id: contract.id,
            volume: line.volume,
            unit: provision.unit,
            frequency: line.frequency,
            start_date: line.startDate,
            end_date: line.endDate,
            status: stopped ? 'stopped' : started ? 'started' : 'allocated',
            created_at: lastAt,
          });
        }
      }
      outcomeRow.provision_ids = [...granted].sort();
      outcomeRow.provider_ids = [...providers].sort();
    }

    // The assessment: every granted decision has one, and open Wmo cases whose assessment is done.
    const assessedDay =
      state.status === 'decided' && !refused && decideDay !== undefined
        ? (dayOf.complete_assessment ??
          Math.max(decideDay - rng.int(1, 5), dayOf.start_assessment ?? dayOf.apply ?? reportDay))
        : !TERMINAL_STATUSES.includes(state.status) && state.assessmentCompletedDate !== undefined
          ? dayOf.complete_assessment
          : undefined;
    if (assessedDay === undefined) continue;
    const domainCount = rng.weighted([1, 2, 3], (n) => (n === 1 ? 0.5 : n === 2 ? 0.35 : 0.15));
    const lifeDomains = rng.shuffle(DOMAINS[law]).slice(0, domainCount);
    const goalDomains = lifeDomains.slice(0, Math.min(2, lifeDomains.length));
    const zrmIntake: Record<string, number> = {};
    for (const domain of lifeDomains)
      zrmIntake[domain] = goalDomains.includes(domain) ? rng.int(1, 2) : rng.int(2, 3);
    const planned = (state.status === 'decided' ? startDay : assessedDay + 30) + rng.int(120, 240);
    const assessment = checkAssessment(
      {
        lifeDomains,
        goals: goalDomains.map((domain) => ({
          domain,
          description: GOAL_TEXT[domain] ?? 'Weer zelfredzaam worden op dit leefgebied.',
        })),
        zrmIntake,
        plannedEvaluationDate: ISO(planned),
      },
      state.reportDate,
      () => rng.uuid(),
    );
    rows.case_assessment.push({
      municipality_code: code,
      case_id: caseId,
      life_domains: assessment.lifeDomains,
      self_reliance: 'Doet wat hij zelf kan; heeft hulp nodig op de leefgebieden van de hulpvraag.',
      network: rng.pick([
        'Het netwerk helpt incidenteel.',
        'Een dochter helpt wekelijks.',
        'Er is nauwelijks een netwerk.',
      ]),
      goals: assessment.goals,
      zrm_intake: assessment.zrmIntake,
      planned_evaluation_date: assessment.plannedEvaluationDate,
      recorded_by: actor,
      recorded_at: stamp(assessedDay, 8),
    });
    // Due until an evaluation on or after the planned date exists.
    if (outcomeRow) outcomeRow.evaluation_due_on = assessment.plannedEvaluationDate;

    // Evaluations of granted support, most of them on time; some are overdue or due soon.
    if (state.status !== 'decided' || planned >= todayDay || !mainProvision) continue;
    const evaluatedShare = todayDay - planned > 180 ? 0.95 : 0.8;
    if (!rng.chance(evaluatedShare)) continue;
    const success = mainProvision.code === PLANTED_NON_COMPENSATING_CODE ? 0.2 : SUCCESS[law];
    let evaluationDay = planned + rng.int(0, 21);
    for (let round = 0; round < 2 && evaluationDay < todayDay; round++) {
      const checked = evaluate(rng, assessment.goals, assessment.zrmIntake, success, {
        evaluatedOn: ISO(evaluationDay),
        assessedOn: ISO(assessedDay),
        today,
      });
      rows.case_evaluation.push({
        municipality_code: code,
        id: rng.uuid(),
        case_id: caseId,
        evaluated_on: ISO(evaluationDay),
        goal_attainment: checked.goalAttainment,
        zrm: checked.zrm,
        outcome: checked.outcome,
        explanation: checked.explanation,
        recorded_by: actor,
        recorded_at: stamp(evaluationDay, 24),
      });
      if (round === 0) evaluationOutcomes[checked.outcome] = (evaluationOutcomes[checked.outcome] ?? 0) + 1;
      if (outcomeRow) {
        // The latest evaluation counts.
        const movement = zrmMovement(
          assessment.goals.map((g) => g.domain),
          assessment.zrmIntake,
          checked.zrm,
        );
        outcomeRow.outcome = checked.outcome;
        outcomeRow.evaluated_on = ISO(evaluationDay);
        outcomeRow.evaluation_due_on =
          ISO(evaluationDay) < assessment.plannedEvaluationDate ? assessment.plannedEvaluationDate : null;
        outcomeRow.zrm_improved = movement.improved;
        outcomeRow.zrm_same = movement.same;
        outcomeRow.zrm_worse = movement.worse;
      }
      // One in ten is evaluated again half a year later.
      if (!rng.chance(0.1)) break;
      evaluationDay += rng.int(170, 200);
    }
  }
  return { rows, statuses, evaluationOutcomes };
}

const GOAL_TEXT: Partial<Record<ZrmDomain, string>> = {
  housing: 'Veilig en zelfstandig blijven wonen.',
  instrumental_adl: 'Het huishouden op orde houden met hulp.',
  basic_adl: 'Zich dagelijks zelf kunnen verzorgen.',
  social_network: 'Wekelijks contact met anderen.',
  physical_health: 'Zich veilig verplaatsen in en om de woning.',
  domestic_relations: 'Rust en veiligheid in het gezin.',
  mental_health: 'Minder angst en somberheid in het dagelijks leven.',
  time_use: 'Weer naar school of dagbesteding gaan.',
  finances: 'Een stabiel inkomen en geen nieuwe schulden.',
  work_education: 'Duurzaam betaald werk vinden.',
  social_participation: 'Meedoen in de buurt of als vrijwilliger.',
};

function refusedLine(provision: ProvisionView): DecisionLineInput {
  return {
    provisionId: provision.id,
    granted: false,
    form: null,
    providerId: null,
    contractId: null,
    volume: null,
    frequency: null,
    startDate: null,
    endDate: null,
    reasoning: `${provision.name} is niet nodig: de inwoner kan dit met zijn netwerk en algemene voorzieningen oplossen.`,
  };
}

/** A granted line in kind under a valid contract, or a personal budget when no contract fits. */
function grantedLine(
  rng: Rng,
  registry: Registry,
  resident: ResidentDraft,
  provision: ProvisionView,
  startDay: number,
  endDay: number,
): { line: DecisionLineInput; contract: ContractDetail | undefined } {
  const frequency: Frequency = provision.unit === '82' ? '6' : '4';
  const base = {
    provisionId: provision.id,
    granted: true,
    volume: VOLUME_BY_UNIT[provision.unit ?? ''] ?? 1,
    frequency,
    startDate: ISO(startDay),
    reasoning: 'De ondersteuning compenseert de beperkingen op de leefgebieden van de hulpvraag.',
  };
  if (!rng.chance(0.1)) {
    const start = ISO(startDay);
    const candidates = rng.shuffle(
      registry.contracts.filter(
        (c) =>
          c.startDate <= start && c.endDate >= start && c.lines.some((l) => l.provisionId === provision.id),
      ),
    );
    for (const contract of candidates) {
      const end = ISO(endDay) < contract.endDate ? ISO(endDay) : contract.endDate;
      const line: DecisionLineInput = {
        ...base,
        form: 'in_kind',
        providerId: contract.providerId,
        contractId: contract.id,
        endDate: end,
      };
      if (decisionLineViolation(line, provision, contract, resident.allocations) === undefined) {
        return { line, contract };
      }
    }
  }
  const line: DecisionLineInput = {
    ...base,
    form: 'personal_budget',
    providerId: null,
    contractId: null,
    endDate: ISO(endDay),
  };
  const violation = decisionLineViolation(line, provision, undefined, resident.allocations);
  if (violation) throw new Error(`generated decision line violates ${violation.field}: ${violation.message}`);
  return { line, contract: undefined };
}

function evaluate(
  rng: Rng,
  goals: readonly StoredGoal[],
  intake: ZrmScores,
  success: number,
  dates: { evaluatedOn: string; assessedOn: string; today: string },
) {
  const attainment = goals.map((goal) => {
    const draw = rng.next();
    const attained: GoalAttainment = draw < success ? 'yes' : draw < success + 0.15 ? 'partly' : 'no';
    return { goalId: goal.id, domain: goal.domain, attained };
  });
  const zrm: Record<string, number> = {};
  for (const [domain, before] of Object.entries(intake) as [ZrmDomain, ZrmScore][]) {
    const goal = attainment.find((g) => g.domain === domain);
    const change = !goal
      ? 0
      : goal.attained === 'yes'
        ? rng.int(1, 2)
        : goal.attained === 'partly'
          ? rng.int(0, 1)
          : -rng.int(0, 1);
    zrm[domain] = Math.min(5, Math.max(1, before + change));
  }
  return checkEvaluation(
    { evaluatedOn: dates.evaluatedOn, goalAttainment: attainment, zrm },
    { goals, zrmIntake: intake, assessedOn: dates.assessedOn },
    dates.today,
    DEFAULT_COMPENSATION_RULE,
  );
}

/**
 * The state machine stamps every step with its Dutch date through `todayInNetherlands`, which
 * builds a new `Intl.DateTimeFormat` per call (≈0.2 ms): half a million steps would spend most
 * of the generation there. While generating (and only then: the app under test keeps the real
 * constructor), formatters with the same locale and options are built once and reused; they are
 * stateless, so the dates come out the same.
 */
async function withReusedDateFormats<T>(fn: () => Promise<T>): Promise<T> {
  const original = Intl.DateTimeFormat;
  const formats = new Map<string, Intl.DateTimeFormat>();
  const reused = function DateTimeFormat(locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    const key = JSON.stringify([locales, options]);
    let format = formats.get(key);
    if (!format) {
      format = new original(locales, options);
      formats.set(key, format);
    }
    return format;
  };
  Object.defineProperties(reused, Object.getOwnPropertyDescriptors(original));
  Intl.DateTimeFormat = reused as unknown as typeof Intl.DateTimeFormat;
  try {
    return await fn();
  } finally {
    Intl.DateTimeFormat = original;
  }
}

/**
 * Rewrites a sample of the bulk-loaded outcome rows through the cases module
 * (`refreshCaseOutcome`, as after a decision or evaluation) in a transaction that is rolled back,
 * and fails unless every row came out unchanged.
 */
async function checkOutcomeSample(
  database: Database,
  code: string,
  caseIds: readonly string[],
): Promise<void> {
  const unique = [...new Set(caseIds)];
  const read = (tx: AppTx) =>
    queryRows<Row>(
      tx,
      sql`select * from case_outcome where case_id in (${sql.join(
        unique.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) order by case_id`,
    );
  class RollBack extends Error {}
  let difference: string | undefined;
  try {
    await database.withTenant(code, async (tx) => {
      const ctx: TenantContext = {
        tx,
        municipalityCode: code,
        actor: SYSTEM_ACTOR,
        trace: systemTrace('bench'),
      };
      const before = await read(tx);
      for (const id of unique) await refreshCaseOutcome(ctx, id);
      const after = await read(tx);
      if (before.length !== unique.length) difference = `${unique.length - before.length} rows missing`;
      before.forEach((row, i) => {
        const other = after[i];
        if (!difference && JSON.stringify(row) !== JSON.stringify(other)) {
          difference = `loaded ${JSON.stringify(row)}, the cases module writes ${JSON.stringify(other)}`;
        }
      });
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  if (difference) throw new Error(`bulk-loaded case_outcome differs from the cases module's: ${difference}`);
}

async function tableCounts(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await database.asSystem(async (tx) => {
    for (const table of COUNTED_TABLES) {
      const [row] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ${sql.identifier(table)}`,
      );
      counts[table] = row?.n ?? 0;
    }
  });
  return counts;
}

/**
 * Fills a fresh, migrated database with the large municipality. Needs owner privileges (bulk
 * inserts bypass row-level security) and an empty database.
 */
export async function fillCaseVolume(
  database: Database,
  options: CaseVolumeOptions = {},
): Promise<CaseVolume> {
  const seed = options.seed ?? DEFAULT_CASE_VOLUME_SEED;
  const clients = options.clients ?? DEFAULT_CLIENTS;
  const log = options.log ?? (() => {});
  const today = todayInNetherlands(options.now ?? new Date());
  const todayDay = toEpochDay(today);
  const code = CASE_VOLUME_MUNICIPALITY.code;
  const timingsMs: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await fn();
    timingsMs[name] = Math.round(performance.now() - started);
    log(`${name}: ${(timingsMs[name] / 1000).toFixed(1)} s`);
    return result;
  };

  const registry = await timed('registry (services)', () => createRegistry(database, seed));
  const generated = await timed('generate (in memory)', () =>
    withReusedDateFormats(() => generate(registry, new Rng(seed), clients, todayDay)),
  );
  const rebuild = options.outcomes === 'rebuild';
  await timed('bulk insert', () =>
    database.asSystem(async (tx) => {
      for (const table of LOAD_ORDER) {
        if (table === 'case_outcome' && rebuild) continue;
        await bulkInsert(tx, table, COLUMNS[table], generated.rows[table]);
      }
    }),
  );
  if (rebuild) {
    await timed('rebuild case_outcome', () =>
      database.withTenant(code, (tx) =>
        rebuildCaseOutcomes({ tx, municipalityCode: code, actor: SYSTEM_ACTOR, trace: systemTrace('bench') }),
      ),
    );
  } else {
    const sampleRng = new Rng(seed ^ 0x5eed);
    const sample = Array.from({ length: Math.min(OUTCOME_SAMPLE, generated.rows.case_outcome.length) }, () =>
      String(sampleRng.pick(generated.rows.case_outcome).case_id),
    );
    await timed('check case_outcome sample', () => checkOutcomeSample(database, code, sample));
  }
  // As autovacuum leaves a long-lived database: statistics, and visibility maps for index-only scans.
  await timed('vacuum analyze', async () => {
    await database.db.execute(sql.raw('vacuum analyze'));
  });
  const counts = await tableCounts(database);

  const openCasesPerTeam: Record<string, number> = {};
  const teamName = new Map(registry.teams.map((t) => [t.id, t.name]));
  for (const row of generated.rows.support_case) {
    if (TERMINAL_STATUSES.includes(row.status as CaseState['status'])) continue;
    const name = teamName.get(String(row.team_id)) ?? '?';
    openCasesPerTeam[name] = (openCasesPerTeam[name] ?? 0) + 1;
  }
  return {
    municipalityCode: code,
    today,
    caseWorker: {
      username: BENCH_CASE_WORKER,
      password: BENCH_PASSWORD,
      teamIds: registry.caseWorkerTeams.map((i) => registry.teams[i]?.id ?? ''),
    },
    boardMember: { username: BENCH_BOARD_MEMBER, password: BENCH_PASSWORD },
    provisions: registry.provisions.map((p) => ({ id: p.id, code: p.code, name: p.name, law: p.law })),
    counts,
    openCasesPerTeam,
    statuses: generated.statuses,
    evaluationOutcomes: generated.evaluationOutcomes,
    timingsMs,
  };
}
