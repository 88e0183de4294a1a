/**
 * `npm run bench`: the real app and a bare Fastify baseline on one fresh demo database, the
 * same two read endpoints measured in alternating rounds, medians reported to stdout and to
 * bench/results/<date>-<engine>.json. Loopback only; exits non-zero on any failure.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-seed.js';
import { buildApp } from '../src/server/app.js';
import { buildBaselineServer } from './baseline-server.js';
import { type BenchDatabase, createBenchDatabase } from './bench-database.js';
import {
  type LoadSettings,
  median,
  positiveInteger,
  type RoundResult,
  runLoad,
  type Target,
} from './measure.js';

const LOGIN_USERNAME = 'contractbeheer';
const RESULTS_DIR = new URL('./results/', import.meta.url);
/** Migrating and seeding, server start-up and shutdown; the load itself is added on top. */
const SETUP_BUDGET_SECONDS = 300;

interface Settings extends LoadSettings {
  rounds: number;
  warmupSeconds: number;
}

function readSettings(): Settings {
  return {
    durationSeconds: positiveInteger('BENCH_DURATION', 10),
    connections: positiveInteger('BENCH_CONNECTIONS', 10),
    rounds: positiveInteger('BENCH_ROUNDS', 3),
    warmupSeconds: positiveInteger('BENCH_WARMUP', 3),
  };
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function listen(server: FastifyInstance): Promise<string> {
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address() as AddressInfo | null;
  if (!address || typeof address !== 'object') throw new Error('server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

async function login(appUrl: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: LOGIN_USERNAME, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) {
    throw new Error(`login as ${LOGIN_USERNAME} answered ${response.status}: ${await response.text()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('rk_session='));
  if (!cookie) throw new Error('login answered 200 but set no rk_session cookie');
  return cookie;
}

async function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectShape(ok: boolean, what: string, body: unknown): void {
  if (!ok) throw new Error(`unexpected ${what} response: ${JSON.stringify(body).slice(0, 300)}`);
}

function checkProviderList(body: unknown): void {
  const items = isRecord(body) ? body.items : undefined;
  expectShape(
    isRecord(body) &&
      Array.isArray(items) &&
      items.length > 0 &&
      items.length <= 50 &&
      typeof body.total === 'number' &&
      body.total >= items.length &&
      items.every(
        (item) =>
          isRecord(item) &&
          typeof item.id === 'string' &&
          typeof item.agbCode === 'string' &&
          typeof item.name === 'string' &&
          typeof item.contractCount === 'number',
      ),
    'provider list',
    body,
  );
}

function checkContract(body: unknown, id: string): void {
  const lines = isRecord(body) ? body.lines : undefined;
  expectShape(
    isRecord(body) &&
      body.id === id &&
      typeof body.reference === 'string' &&
      typeof body.providerName === 'string' &&
      Array.isArray(lines) &&
      lines.length > 0 &&
      lines.every(
        (line) =>
          isRecord(line) && typeof line.provisionId === 'string' && typeof line.tariffCents === 'number',
      ),
    'contract',
    body,
  );
}

interface Endpoint {
  name: string;
  path: string;
  check: (body: unknown) => void;
}

/** Both servers must answer 200 with the expected shape and the same data before any load. */
async function verify(
  endpoint: Endpoint,
  appUrl: string,
  baselineUrl: string,
  cookie: string,
): Promise<void> {
  const anonymous = await fetch(`${appUrl}${endpoint.path}`);
  await anonymous.arrayBuffer();
  if (anonymous.status !== 401) {
    throw new Error(`${endpoint.name}: the app answered ${anonymous.status} without a session, expected 401`);
  }
  const fromApp = await getJson(`${appUrl}${endpoint.path}`, { cookie });
  const fromBaseline = await getJson(`${baselineUrl}${endpoint.path}`, {});
  endpoint.check(fromApp);
  endpoint.check(fromBaseline);
  if (!isDeepStrictEqual(fromApp, fromBaseline)) {
    throw new Error(
      `${endpoint.name}: the baseline's answer differs from the app's, so they do different work`,
    );
  }
}

async function firstContractId(appUrl: string, cookie: string): Promise<string> {
  const body = await getJson(`${appUrl}/api/v1/contracts?limit=1`, { cookie });
  const first = isRecord(body) && Array.isArray(body.items) ? body.items[0] : undefined;
  if (!isRecord(first) || typeof first.id !== 'string') throw new Error('the demo data has no contracts');
  return first.id;
}

interface Side {
  medianRequestsPerSecond: number;
  medianP99Ms: number;
  rounds: RoundResult[];
}

interface EndpointResult {
  name: string;
  path: string;
  app: Side;
  baseline: Side;
  /** app / baseline: below 1 for requests/s and above 1 for p99 mean the app is slower. */
  ratio: { requestsPerSecond: number; p99: number };
}

function summarise(rounds: RoundResult[]): Side {
  return {
    medianRequestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    medianP99Ms: median(rounds.map((r) => r.p99Ms)),
    rounds,
  };
}

async function measure(
  endpoints: Endpoint[],
  appUrl: string,
  baselineUrl: string,
  cookie: string,
  settings: Settings,
): Promise<EndpointResult[]> {
  const targets = endpoints.map((endpoint) => ({
    endpoint,
    app: { label: `app ${endpoint.name}`, url: `${appUrl}${endpoint.path}`, headers: { cookie } },
    baseline: { label: `baseline ${endpoint.name}`, url: `${baselineUrl}${endpoint.path}`, headers: {} },
  }));
  const warmup = { durationSeconds: settings.warmupSeconds, connections: settings.connections };
  for (const t of targets) {
    log(`warm-up ${t.endpoint.name} (${settings.warmupSeconds} s each)`);
    await runLoad(t.app, warmup);
    await runLoad(t.baseline, warmup);
  }
  const rounds = new Map<Target, RoundResult[]>();
  for (let round = 1; round <= settings.rounds; round++) {
    for (const t of targets) {
      // ABBA order: app first in odd rounds, baseline first in even ones, so drift hits both.
      const order = round % 2 === 1 ? [t.app, t.baseline] : [t.baseline, t.app];
      for (const target of order) {
        const result = await runLoad(target, settings);
        log(
          `round ${round}/${settings.rounds} ${target.label}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms} ms`,
        );
        rounds.set(target, [...(rounds.get(target) ?? []), result]);
      }
    }
  }
  return targets.map((t) => {
    const app = summarise(rounds.get(t.app) ?? []);
    const baseline = summarise(rounds.get(t.baseline) ?? []);
    return {
      name: t.endpoint.name,
      path: t.endpoint.path,
      app,
      baseline,
      ratio: {
        requestsPerSecond: app.medianRequestsPerSecond / baseline.medianRequestsPerSecond,
        p99: app.medianP99Ms / baseline.medianP99Ms,
      },
    };
  });
}

function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryBytes: os.totalmem(),
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

function printTable(engine: string, results: EndpointResult[]): void {
  const header = ['endpoint', 'app req/s', 'base req/s', 'ratio', 'app p99 ms', 'base p99 ms', 'ratio'];
  const rows = results.map((r) => [
    r.name,
    r.app.medianRequestsPerSecond.toFixed(0),
    r.baseline.medianRequestsPerSecond.toFixed(0),
    r.ratio.requestsPerSecond.toFixed(2),
    r.app.medianP99Ms.toFixed(0),
    r.baseline.medianP99Ms.toFixed(0),
    r.ratio.p99.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  process.stdout.write(`\nengine: ${engine} (medians over rounds; ratio = app / baseline)\n`);
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

async function main(): Promise<void> {
  const settings = readSettings();
  // Other work on the machine skews the figures; the load averages make that visible afterwards.
  const loadAverageAtStart = os.loadavg();
  if ((loadAverageAtStart[0] ?? 0) > os.cpus().length / 2) {
    log(
      `warning: load average ${loadAverageAtStart[0]?.toFixed(2)} before starting; other work will skew the figures`,
    );
  }
  const loadSeconds =
    4 * settings.warmupSeconds + 4 * settings.rounds * settings.durationSeconds + SETUP_BUDGET_SECONDS;
  const watchdog = setTimeout(() => {
    log(`gave up: the run took longer than ${loadSeconds} s`);
    process.exit(2);
  }, loadSeconds * 1000);
  watchdog.unref();

  const serverUrl = process.env.DATABASE_URL || undefined;
  log(
    `fresh database on ${serverUrl ? 'the PostgreSQL server in DATABASE_URL' : 'PGlite'}; seeding the demo`,
  );
  const bench: BenchDatabase = await createBenchDatabase(serverUrl);
  const servers: FastifyInstance[] = [];
  try {
    const app = await buildApp({ database: bench.database, webRoot: null, logLevel: 'silent' });
    servers.push(app);
    const appUrl = await listen(app);
    const baseline = await buildBaselineServer(bench.database, bench.municipalityCode);
    servers.push(baseline);
    const baselineUrl = await listen(baseline);
    log(`app on ${appUrl}, baseline on ${baselineUrl}, engine ${bench.engine}`);

    const cookie = await login(appUrl);
    const contractId = await firstContractId(appUrl, cookie);
    const endpoints: Endpoint[] = [
      { name: 'provider list', path: '/api/v1/providers?limit=50', check: checkProviderList },
      {
        name: 'one contract',
        path: `/api/v1/contracts/${contractId}`,
        check: (body) => checkContract(body, contractId),
      },
    ];
    for (const endpoint of endpoints) await verify(endpoint, appUrl, baselineUrl, cookie);
    log(
      `verified; ${settings.rounds} rounds of ${settings.durationSeconds} s, ${settings.connections} connections`,
    );

    const results = await measure(endpoints, appUrl, baselineUrl, cookie, settings);
    printTable(bench.engine, results);

    const date = new Date();
    const report = {
      date: date.toISOString(),
      engine: bench.engine,
      machine: machine(),
      loadAverage: { atStart: loadAverageAtStart, atEnd: os.loadavg() },
      settings,
      dataset: bench.counts,
      endpoints: results,
    };
    await mkdir(RESULTS_DIR, { recursive: true });
    const file = new URL(`${date.toISOString().slice(0, 10)}-${bench.engine}.json`, RESULTS_DIR);
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\nwritten: ${file.pathname}\n`);
  } finally {
    try {
      for (const server of servers.reverse()) await server.close();
    } finally {
      await bench.dispose();
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
