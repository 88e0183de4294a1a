/**
 * Starts the real Regiekamer (bin/regiekamer.js start --demo) on a free port with a fresh data
 * folder, and finds the system Chromium. Used by the browser tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to drive; throws (the test fails, it is never skipped) when there is none. */
export function chromiumPath(): string {
  const given = process.env.CHROMIUM_PATH;
  const found = given
    ? existsSync(given)
      ? given
      : undefined
    : CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `Chromium niet gevonden (${given ? `CHROMIUM_PATH=${given}` : CHROMIUM_CANDIDATES.join(', ')}). ` +
        'De browsertest heeft een systeem-Chromium nodig: installeer het met `apt-get install -y chromium` ' +
        'of wijs het aan met CHROMIUM_PATH.',
    );
  }
  return found;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=nl-NL',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  baseUrl: string;
  output: () => string;
  /** False once the server process has exited, asked to or not. */
  running: () => boolean;
  stop: () => Promise<void>;
}

export interface ServerDatabase {
  url: string;
  /** Drops the database (connections still open are ended). */
  drop: () => Promise<void>;
}

/**
 * A new, empty database on the PostgreSQL server of `serverUrl` (the app migrates and seeds it on
 * start), so a browser test does not see what an earlier run left in the server's own database.
 */
export async function createServerDatabase(serverUrl: string): Promise<ServerDatabase> {
  const name = `regiekamer_browser_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export interface StartOptions {
  /**
   * With DATABASE_URL set: run on a new database on that server, dropped again by stop(),
   * instead of on the database the URL names. Without DATABASE_URL (PGlite) every start already
   * gets a fresh data folder.
   */
  freshDatabase?: boolean;
}

/** Starts the server and resolves once /healthz answers; rejects with the server's output otherwise. */
export async function startApp(timeoutMs = 240_000, options: StartOptions = {}): Promise<RunningApp> {
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    throw new Error(
      'dist/web/index.html ontbreekt: bouw eerst de front-end (`npm run build`, of `npm run test:browser`).',
    );
  }
  const port = await freePort();
  const serverUrl = process.env.DATABASE_URL || undefined;
  const database = options.freshDatabase && serverUrl ? await createServerDatabase(serverUrl) : undefined;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'regiekamer-browser-'));
  let log = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/regiekamer.js'), 'start', '--demo'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        REGIEKAMER_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...(database ? { DATABASE_URL: database.url } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  let stopping = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      // An exit nobody asked for ends up in the output, which a failing test can show.
      if (!stopping)
        log += `\n[de server stopte onverwacht: exit ${String(code)}, signaal ${String(signal)}]\n`;
      resolve(code);
    }),
  );

  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) {
        const running = () => child.exitCode === null && child.signalCode === null;
        return { baseUrl, output: () => log, running, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(
    `De server kwam niet op binnen ${timeoutMs / 1000} s (exit ${String(child.exitCode)}):\n${log}`,
  );
}

export function axeSource(): Promise<string> {
  return readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
}
