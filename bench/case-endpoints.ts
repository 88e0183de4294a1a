/**
 * `npm run bench:cases`: latency of the worklist and client-monitor endpoints at a large
 * municipality's volume (bench/case-volume.ts: about 60,000 clients and five years of cases) on
 * the PostgreSQL server in DATABASE_URL. Builds the volume in a fresh database, starts the real
 * app, logs in over HTTP as a case worker and as a board member, checks every endpoint's answer,
 * then measures each with autocannon at a few connections (warm-up, then rounds with the
 * endpoints interleaved) and reports per endpoint the median and p95 latency (medians over the
 * rounds) and requests/s against the 150 ms target: a table on stdout and
 * bench/results/<date>-cases-postgres.json. Exits non-zero on any failure.
 *
 * Settings: BENCH_CLIENTS (60000), BENCH_SEED, BENCH_CONNECTIONS (comma-separated, "1,4"),
 * BENCH_DURATION (seconds per round, 10), BENCH_ROUNDS (3), BENCH_WARMUP (seconds, 3),
 * BENCH_KEEP_DATABASE=1 leaves the database on the server afterwards (for EXPLAIN; drop it
 * yourself).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type Database, queryRows } from '../src/db/connection.js';
import { addDays } from '../src/modules/cases/calendar-date.js';
import { buildApp } from '../src/server/app.js';
import { createMigratedDatabase, type MigratedDatabase } from './bench-database.js';
import { type CaseVolume, DEFAULT_CASE_VOLUME_SEED, DEFAULT_CLIENTS, fillCaseVolume } from './case-volume.js';
import { type LoadSettings, median, positiveInteger, type Target } from './measure.js';

const RESULTS_DIR = new URL('./results/', import.meta.url);
/** The target for every endpoint. */
const TARGET_P95_MS = 150;
/** Generating the volume, starting and stopping; the load itself is added on top. */
const SETUP_BUDGET_SECONDS = 900;

interface Settings {
  clients: number;
  seed: number;
  connections: number[];
  durationSeconds: number;
  rounds: number;
  warmupSeconds: number;
  keepDatabase: boolean;
}

function readSettings(): Settings {
  const connections = (process.env.BENCH_CONNECTIONS || '1,4').split(',').map((part) => Number(part.trim()));
  if (connections.some((c) => !Number.isInteger(c) || c < 1)) {
    throw new Error(`BENCH_CONNECTIONS must be positive integers separated by commas`);
  }
  return {
    clients: positiveInteger('BENCH_CLIENTS', DEFAULT_CLIENTS),
    seed: positiveInteger('BENCH_SEED', DEFAULT_CASE_VOLUME_SEED),
    connections,
    durationSeconds: positiveInteger('BENCH_DURATION', 10),
    rounds: positiveInteger('BENCH_ROUNDS', 3),
    warmupSeconds: positiveInteger('BENCH_WARMUP', 3),
    keepDatabase: process.env.BENCH_KEEP_DATABASE === '1',
  };
}

function log(message: string): void {
  process.stderr.write(`[bench:cases] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Load: autocannon in a worker thread (off the app's event loop), as bench/measure.ts does, but
// keeping every response's latency so that the median and p95 are exact (autocannon's own
// summary has p50, p90 and p97.5, no p95).

interface LatencyRound {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannonPath);
const latencies = [];
const instance = autocannon(
  { url: workerData.url, headers: workerData.headers, connections: workerData.connections, duration: workerData.duration },
  (error, result) => {
    if (error) {
      parentPort.postMessage({ error: String((error && error.stack) || error) });
      return;
    }
    parentPort.postMessage({
      duration: result.duration,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statusCodeStats: result.statusCodeStats,
      latencies,
    });
  },
);
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
});
`;

interface WorkerAnswer {
  error?: string;
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count?: number }>;
  latencies: number[];
}

const autocannonPath = createRequire(import.meta.url).resolve('autocannon');

function percentile(sorted: readonly number[], p: number): number {
  const value = sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
  if (value === undefined) throw new RangeError('percentile of no values');
  return value;
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

async function runLatency(target: Target, settings: LoadSettings): Promise<LatencyRound> {
  const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, {
      eval: true,
      workerData: {
        autocannonPath,
        url: target.url,
        headers: target.headers,
        connections: settings.connections,
        duration: settings.durationSeconds,
      },
    });
    worker.once('message', (message: WorkerAnswer) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
  if (answer.error) throw new Error(`${target.label}: ${answer.error}`);
  const failures = [
    answer.non2xx > 0
      ? `${answer.non2xx} non-2xx responses (${Object.entries(answer.statusCodeStats)
          .map(([status, { count }]) => `${status}: ${count ?? 0}`)
          .join(', ')})`
      : '',
    answer.errors > 0 ? `${answer.errors} connection errors` : '',
    answer.timeouts > 0 ? `${answer.timeouts} timeouts` : '',
  ].filter(Boolean);
  if (failures.length > 0) throw new Error(`${target.label}: ${failures.join(', ')}`);
  const sorted = [...answer.latencies].sort((a, b) => a - b);
  if (sorted.length === 0 || !(answer.duration > 0))
    throw new Error(`${target.label}: no completed requests`);
  return {
    requests: sorted.length,
    requestsPerSecond: sorted.length / answer.duration,
    p50Ms: round1(percentile(sorted, 50)),
    p95Ms: round1(percentile(sorted, 95)),
    p99Ms: round1(percentile(sorted, 99)),
    maxMs: round1(sorted.at(-1) ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers and the checks of each endpoint's answer.

async function listen(server: FastifyInstance): Promise<string> {
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address() as AddressInfo | null;
  if (!address || typeof address !== 'object') throw new Error('server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

async function login(appUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) {
    throw new Error(`login as ${username} answered ${response.status}: ${await response.text()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('rk_session='));
  if (!cookie) throw new Error('login answered 200 but set no rk_session cookie');
  return cookie;
}

async function getJson(url: string, cookie: string): Promise<{ body: unknown; bytes: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return { body: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text), ms };
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): Json[] =>
  Array.isArray(value) && value.every(isRecord) ? (value as Json[]) : [];

function expect(ok: boolean, what: string, body: unknown): void {
  if (!ok) throw new Error(`unexpected ${what}: ${JSON.stringify(body).slice(0, 400)}`);
}

function listItems(body: unknown, what: string): Json[] {
  const items = isRecord(body) ? records(body.items) : [];
  // Lists of personal data may come one page at a time: `total` counts them all.
  expect(
    isRecord(body) && items.length > 0 && typeof body.total === 'number' && body.total >= items.length,
    `${what} (expected a non-empty list)`,
    body,
  );
  return items;
}

const totalOf = (body: unknown) => (isRecord(body) && typeof body.total === 'number' ? body.total : 0);

/** The sum of a disclosed or exact count over rows, suppressed values counted as 0. */
function total(rows: Json[], field: string): number {
  return rows.reduce((sum, row) => {
    const cell = row[field];
    return sum + (isRecord(cell) && typeof cell.value === 'number' ? cell.value : 0);
  }, 0);
}

interface Endpoint {
  name: string;
  path: string;
  as: 'case worker' | 'board member';
  /** Throws when the answer is not plausible; returns a short description of what it held. */
  check: (body: unknown) => string;
}

function endpoints(volume: CaseVolume, provisionId: string, from: string, clients: number): Endpoint[] {
  const teams = new Set(volume.caseWorker.teamIds);
  const open = (item: Json) => item.status !== 'decided' && item.status !== 'withdrawn';
  const worklist = (attention: boolean) => (body: unknown) => {
    const items = listItems(body, 'worklist');
    const soon = addDays(volume.today, 5);
    expect(
      items.every(
        (i) =>
          open(i) &&
          teams.has(String(i.teamId)) &&
          typeof i.residentName === 'string' &&
          /^\d{4}-\d{6}$/.test(String(i.reference)) &&
          (!attention || (isRecord(i.nextDeadline) && String(i.nextDeadline.dueDate) <= soon)),
      ),
      'worklist item',
      items.find((i) => !open(i) || !teams.has(String(i.teamId))),
    );
    const overdue = items.filter(
      (i) => isRecord(i.nextDeadline) && i.nextDeadline.status === 'overdue',
    ).length;
    return `${items.length} of ${totalOf(body)} open cases, ${overdue} of them overdue`;
  };
  const monitor = (disclosed: boolean, law?: string) => (body: unknown) => {
    const byProvision = isRecord(body) ? records(body.byProvision) : [];
    const byLaw = isRecord(body) ? records(body.byLaw) : [];
    const byQuarter = isRecord(body) ? records(body.byQuarter) : [];
    const evaluated = total(byLaw, 'evaluated');
    expect(
      isRecord(body) &&
        body.disclosureApplied === disclosed &&
        body.drillDown === !disclosed &&
        byProvision.length > 0 &&
        records(body.byDistrict).length > 0 &&
        byQuarter.length > 0 &&
        records(body.leadTimes).length > 0 &&
        evaluated >= clients / (law ? 200 : 60) &&
        (!law || byLaw.every((row) => row.key === law)),
      'client monitor',
      body,
    );
    return `${evaluated} evaluated cases, ${byProvision.length} provisions, ${byQuarter.length} quarters`;
  };
  const drillDown = (body: unknown) => {
    const items = listItems(body, 'drill-down');
    expect(
      items.every((i) => i.outcome === 'not_compensated' && teams.has(String(i.teamId))),
      'drill-down item',
      items[0],
    );
    return `${items.length} of ${totalOf(body)} not compensated cases`;
  };
  return [
    { name: 'worklist', path: '/api/v1/worklist', as: 'case worker', check: worklist(false) },
    {
      name: 'worklist attention',
      path: '/api/v1/worklist?attention=true',
      as: 'case worker',
      check: worklist(true),
    },
    {
      name: 'evaluations due',
      path: '/api/v1/evaluations/due',
      as: 'case worker',
      check: (body) => {
        const items = listItems(body, 'evaluations due');
        const horizon = addDays(volume.today, 14);
        expect(
          items.every((i) => String(i.plannedEvaluationDate) <= horizon),
          'evaluation due',
          items[0],
        );
        return `${items.length} of ${totalOf(body)} evaluations, ${items.filter((i) => i.overdue === true).length} of them overdue`;
      },
    },
    {
      name: 'monitor (case worker)',
      path: '/api/v1/monitor/clients',
      as: 'case worker',
      check: monitor(false),
    },
    {
      name: 'monitor (board member)',
      path: '/api/v1/monitor/clients',
      as: 'board member',
      check: monitor(true),
    },
    {
      name: 'monitor wmo, last year',
      path: `/api/v1/monitor/clients?law=wmo&from=${from}`,
      as: 'case worker',
      check: monitor(false, 'wmo'),
    },
    {
      name: 'monitor drill-down',
      path: `/api/v1/monitor/clients/cases?dimension=provision&key=${provisionId}&outcome=not_compensated`,
      as: 'case worker',
      check: drillDown,
    },
  ];
}

/** The provision with the most cases that were not compensated: the drill-down a user would open. */
async function worstProvision(
  appUrl: string,
  cookie: string,
): Promise<{ id: string; label: string; firstAnswerMs: number }> {
  const { body, ms } = await getJson(`${appUrl}/api/v1/monitor/clients`, cookie);
  const rows = isRecord(body) ? records(body.byProvision) : [];
  const count = (row: Json) =>
    isRecord(row.notCompensated) && typeof row.notCompensated.value === 'number'
      ? row.notCompensated.value
      : 0;
  const worst = [...rows].sort((a, b) => count(b) - count(a))[0];
  if (!worst || typeof worst.key !== 'string') throw new Error('the monitor lists no provisions');
  return {
    id: worst.key,
    label: `${String(worst.label)} (${count(worst)} not compensated)`,
    firstAnswerMs: ms,
  };
}

// ---------------------------------------------------------------------------------------------

interface EndpointResult {
  name: string;
  path: string;
  as: string;
  content: string;
  responseBytes: number;
  /** The first request after loading: cold caches, and no figures computed yet. */
  firstAnswerMs: number;
  byConnections: {
    connections: number;
    medianP50Ms: number;
    medianP95Ms: number;
    medianRequestsPerSecond: number;
    /** Whether the median p95 over the rounds is under the target. */
    meetsTarget: boolean;
    rounds: LatencyRound[];
  }[];
}

function summarise(rounds: LatencyRound[], connections: number): EndpointResult['byConnections'][number] {
  const medianP95Ms = round1(median(rounds.map((r) => r.p95Ms)));
  return {
    connections,
    medianP50Ms: round1(median(rounds.map((r) => r.p50Ms))),
    medianP95Ms,
    medianRequestsPerSecond: round1(median(rounds.map((r) => r.requestsPerSecond))),
    meetsTarget: medianP95Ms < TARGET_P95_MS,
    rounds,
  };
}

function printTable(results: EndpointResult[], settings: Settings): void {
  const header = [
    'endpoint',
    'as',
    'first',
    ...settings.connections.flatMap((c) => [`c${c} p50`, `c${c} p95`, `c${c} req/s`]),
    'p95 < 150',
  ];
  const rows = results.map((r) => [
    r.name,
    r.as,
    String(r.firstAnswerMs),
    ...r.byConnections.flatMap((b) => [
      b.medianP50Ms.toFixed(1),
      b.medianP95Ms.toFixed(1),
      b.medianRequestsPerSecond.toFixed(1),
    ]),
    r.byConnections.every((b) => b.meetsTarget) ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  process.stdout.write(
    `\nlatency in ms (first: the first answer after loading; then medians over ${settings.rounds} rounds of ${settings.durationSeconds} s at N connections)\n`,
  );
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

/** Other sessions on the same server (someone's tests) skew the figures: record them. */
async function serverLoad(
  database: Database,
): Promise<{ otherActiveSessions: number; otherDatabases: number }> {
  const [row] = await database.asSystem((tx) =>
    queryRows<{ active: number; databases: number }>(
      tx,
      sql`select count(*) filter (where state = 'active')::int as active,
            count(distinct datname)::int as databases
          from pg_stat_activity where datname is not null and datname <> current_database()`,
    ),
  );
  return { otherActiveSessions: row?.active ?? 0, otherDatabases: row?.databases ?? 0 };
}

/** Sequential monitor requests that each need the figures computed afresh. */
const COLD_MONITOR_REQUESTS = 20;

async function main(): Promise<void> {
  const settings = readSettings();
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    throw new Error(
      'this benchmark needs a PostgreSQL server: set DATABASE_URL (e.g. postgres://user@host:5432/postgres); ' +
        'it creates and drops its own database there',
    );
  }
  const loadAverageAtStart = os.loadavg();
  const loadSeconds =
    settings.connections.length *
      7 *
      (settings.warmupSeconds + settings.rounds * (settings.durationSeconds + 1)) +
    SETUP_BUDGET_SECONDS;
  const watchdog = setTimeout(() => {
    log(`gave up: the run took longer than ${loadSeconds} s`);
    process.exit(2);
  }, loadSeconds * 1000);
  watchdog.unref();

  log(`fresh database on the PostgreSQL server in DATABASE_URL; generating ${settings.clients} clients`);
  const bench: MigratedDatabase = await createMigratedDatabase(serverUrl);
  let server: FastifyInstance | undefined;
  try {
    const started = performance.now();
    const volume = await fillCaseVolume(bench.database, {
      seed: settings.seed,
      clients: settings.clients,
      log,
    });
    const generationSeconds = Math.round((performance.now() - started) / 100) / 10;
    log(
      `generated in ${generationSeconds} s: ${volume.counts.resident} clients, ${volume.counts.support_case} cases, ` +
        `${volume.counts.case_evaluation} evaluations`,
    );
    const [versionRow] = await bench.database.asSystem((tx) =>
      queryRows<{ version: string }>(tx, sql`select current_setting('server_version') as version`),
    );
    const serverLoadAtStart = await serverLoad(bench.database);

    server = await buildApp({ database: bench.database, webRoot: null, logLevel: 'silent' });
    const appUrl = await listen(server);
    const cookies = {
      'case worker': await login(appUrl, volume.caseWorker.username, volume.caseWorker.password),
      'board member': await login(appUrl, volume.boardMember.username, volume.boardMember.password),
    };
    const provision = await worstProvision(appUrl, cookies['case worker']);
    const from = addDays(volume.today, -365);
    const list = endpoints(volume, provision.id, from, settings.clients);
    log(`app on ${appUrl}; drill-down on ${provision.label}`);

    // Every endpoint answers 200 with plausible content before any load.
    const verified = new Map<Endpoint, { content: string; bytes: number; ms: number }>();
    for (const endpoint of list) {
      const { body, bytes, ms: answered } = await getJson(`${appUrl}${endpoint.path}`, cookies[endpoint.as]);
      const content = endpoint.check(body);
      // The case worker's monitor was first asked for to choose the drill-down.
      const ms =
        endpoint.as === 'case worker' && endpoint.path === '/api/v1/monitor/clients'
          ? provision.firstAnswerMs
          : answered;
      verified.set(endpoint, { content, bytes, ms });
      log(
        `checked ${endpoint.name}: ${content}; ${(bytes / 1024).toFixed(0)} KiB, first answer ${ms.toFixed(0)} ms`,
      );
    }

    const results = new Map<Endpoint, EndpointResult>();
    for (const endpoint of list) {
      const seen = verified.get(endpoint);
      results.set(endpoint, {
        name: endpoint.name,
        path: endpoint.path,
        as: endpoint.as,
        content: seen?.content ?? '',
        responseBytes: seen?.bytes ?? 0,
        firstAnswerMs: Math.round(seen?.ms ?? 0),
        byConnections: [],
      });
    }
    for (const connections of settings.connections) {
      const targets = list.map((endpoint) => ({
        endpoint,
        target: {
          label: `${endpoint.name} c${connections}`,
          url: `${appUrl}${endpoint.path}`,
          headers: { cookie: cookies[endpoint.as] },
        },
      }));
      for (const { target } of targets) {
        log(`warm-up ${target.label} (${settings.warmupSeconds} s)`);
        await runLatency(target, { connections, durationSeconds: settings.warmupSeconds });
      }
      const rounds = new Map<Endpoint, LatencyRound[]>();
      for (let round = 1; round <= settings.rounds; round++) {
        // Interleaved, and in reverse order every other round, so that drift hits every endpoint.
        const order = round % 2 === 1 ? targets : [...targets].reverse();
        for (const { endpoint, target } of order) {
          const result = await runLatency(target, { connections, durationSeconds: settings.durationSeconds });
          log(
            `round ${round}/${settings.rounds} ${target.label}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, ${result.requestsPerSecond.toFixed(1)} req/s`,
          );
          rounds.set(endpoint, [...(rounds.get(endpoint) ?? []), result]);
        }
      }
      for (const endpoint of list) {
        results.get(endpoint)?.byConnections.push(summarise(rounds.get(endpoint) ?? [], connections));
      }
    }
    const summary = list.flatMap((endpoint) => results.get(endpoint) ?? []);
    printTable(summary, settings);

    // The monitor keeps its figures per outcome generation, so the rounds above mostly measure
    // answers from that cache. What a request costs when the figures must be computed (the first
    // request after any decision or evaluation) is measured apart: every request below has a
    // period of its own, so none is answered from the cache.
    const recomputed: number[] = [];
    for (let i = 1; i <= COLD_MONITOR_REQUESTS; i++) {
      const as = i % 2 === 0 ? 'board member' : 'case worker';
      const { ms } = await getJson(
        `${appUrl}/api/v1/monitor/clients?to=${addDays(volume.today, -i)}`,
        cookies[as],
      );
      recomputed.push(ms);
    }
    const sortedCold = [...recomputed].sort((a, b) => a - b);
    const coldMonitor = {
      requests: recomputed.length,
      medianMs: round1(median(recomputed)),
      p95Ms: round1(sortedCold[Math.ceil(0.95 * sortedCold.length) - 1] ?? 0),
    };
    process.stdout.write(
      `\nmonitor recomputed (no cached figures), ${coldMonitor.requests} sequential requests: ` +
        `median ${coldMonitor.medianMs} ms, p95 ${coldMonitor.p95Ms} ms\n`,
    );

    const [logged] = await bench.database.asSystem((tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from processing_log`),
    );
    const date = new Date();
    const report = {
      date: date.toISOString(),
      engine: bench.engine,
      postgres: versionRow?.version ?? 'unknown',
      machine: machine(),
      loadAverage: { atStart: loadAverageAtStart, atEnd: os.loadavg() },
      serverLoad: { atStart: serverLoadAtStart, atEnd: await serverLoad(bench.database) },
      settings: { ...settings, targetP95Ms: TARGET_P95_MS },
      dataset: {
        municipality: volume.municipalityCode,
        today: volume.today,
        generationSeconds,
        generationPhasesMs: volume.timingsMs,
        counts: volume.counts,
        caseStatuses: volume.statuses,
        firstEvaluationOutcomes: volume.evaluationOutcomes,
        openCasesPerTeam: volume.openCasesPerTeam,
        caseWorkerTeams: volume.caseWorker.teamIds.length,
        drillDownProvision: provision.label,
        processingLogRowsAfterRun: logged?.n ?? 0,
      },
      endpoints: summary,
      monitorRecomputed: coldMonitor,
    };
    await mkdir(RESULTS_DIR, { recursive: true });
    const file = new URL(`${date.toISOString().slice(0, 10)}-cases-postgres.json`, RESULTS_DIR);
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\ngeneration: ${generationSeconds} s; written: ${file.pathname}\n`);
    const missed = summary.filter((r) => r.byConnections.some((b) => !b.meetsTarget)).map((r) => r.name);
    if (missed.length > 0)
      process.stdout.write(`p95 at or above ${TARGET_P95_MS} ms: ${missed.join(', ')}\n`);
  } finally {
    try {
      await server?.close();
    } finally {
      if (settings.keepDatabase) {
        await bench.database.close();
        log(`kept database ${bench.name} on the server (BENCH_KEEP_DATABASE=1); drop it when done`);
      } else {
        await bench.dispose();
      }
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
