/**
 * Starts the real Regiekamer (bin/regiekamer.js start --demo) on a free port with a fresh data
 * folder, and finds the system Chromium. Used by the browser tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  stop: () => Promise<void>;
}

/** Starts the server and resolves once /healthz answers; rejects with the server's output otherwise. */
export async function startApp(timeoutMs = 240_000): Promise<RunningApp> {
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    throw new Error(
      'dist/web/index.html ontbreekt: bouw eerst de front-end (`npm run build`, of `npm run test:browser`).',
    );
  }
  const port = await freePort();
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
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return { baseUrl, output: () => log, stop };
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
