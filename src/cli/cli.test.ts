import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(path.join(tmpdir(), 'regiekamer-cli-'));

/** Runs the real command (TypeScript sources through tsx) on an embedded database of its own. */
async function regiekamer(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', REGIEKAMER_DATA_DIR: dataDir, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Every step starts the command as its own process (tsx, migrations): slow on a loaded machine.
describe('the regiekamer command', { timeout: 120_000 }, () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('explains itself', async () => {
    const help = await regiekamer(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'create-municipality', 'create-admin', 'openapi']) {
      expect(help.stdout).toContain(command);
    }
  });

  it('stops on a bad configuration value, naming the variable', async () => {
    const result = await regiekamer(['migrate'], { PORT: '99999' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
  });

  it('rejects unknown commands and missing options', async () => {
    expect((await regiekamer(['opruimen'])).stderr).toContain('Onbekende opdracht');
    const missing = await regiekamer(['create-municipality', '--code', '0363']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--name');
  });

  it('creates a municipality and its first administrator, without any default password', async () => {
    const migrated = await regiekamer(['migrate']);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('0001_foundation.sql');
    const created = await regiekamer([
      'create-municipality',
      '--code',
      '0363',
      '--name',
      'Gemeente Voorbeeld',
    ]);
    expect(created.stdout).toContain('0363');
    const weak = await regiekamer(
      ['create-admin', '--municipality', '0363', '--username', 'beheer', '--name', 'B'],
      {
        REGIEKAMER_ADMIN_PASSWORD: 'kort',
      },
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('12 tekens');
    const noPassword = await regiekamer(
      ['create-admin', '--municipality', '0363', '--username', 'beheer', '--name', 'B'],
      {
        REGIEKAMER_ADMIN_PASSWORD: '',
      },
    );
    expect(noPassword.code).toBe(1);
    const admin = await regiekamer(
      ['create-admin', '--municipality', '0363', '--username', 'beheer', '--name', 'Beheer'],
      {
        REGIEKAMER_ADMIN_PASSWORD: 'Een-sterk-wachtwoord-2026',
      },
    );
    expect(admin.code).toBe(0);
    const unknown = await regiekamer(
      ['create-admin', '--municipality', '0999', '--username', 'x.y.z', '--name', 'X'],
      {
        REGIEKAMER_ADMIN_PASSWORD: 'Een-sterk-wachtwoord-2026',
      },
    );
    expect(unknown.stderr).toContain('bestaat niet');
  }, 180_000);
  it('plays the providers of a municipality, and refuses bad options', async () => {
    // 0363 was created above and has no providers yet: nothing to send, but a clean run.
    const run = await regiekamer(['simulate-providers', '--municipality', '0363', '--until', '2026-11-30']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('0 aanbieders, 0 berichten');
    expect((await regiekamer(['simulate-providers'])).stderr).toContain('--municipality');
    expect(
      (await regiekamer(['simulate-providers', '--municipality', '0363', '--until', '2026-02-30'])).stderr,
    ).toContain('geen bestaande datum');
    expect((await regiekamer(['simulate-providers', '--municipality', '0999'])).stderr).toContain(
      'bestaat niet',
    );
  });

  it('checks iWmo and iJw messages: conform, not conform with line and reason, and exit status', async () => {
    const shared = new URL('../../../shared/istandaarden/', import.meta.url).pathname;
    const valid = ['WMO301', 'WMO305', 'WMO307', 'WMO323'].map(
      (name) => `${shared}iwmo/examples/${name}.xml`,
    );
    const ok = await regiekamer(['iwmo', 'check', ...valid]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('WMO323.xml: conform (WMO323)');
    expect(ok.stdout).toContain('Alle 4 bestand(en) conform.');

    const broken = await regiekamer([
      'iwmo',
      'check',
      `${shared}ijw/examples/JW315.xml`,
      `${shared}iwmo/examples/WMO305.xml`,
      'bestaat-niet.xml',
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('JW315.xml: NIET conform (JW315)');
    expect(broken.stdout).toContain('regel 44');
    expect(broken.stdout).toContain('2027-06-31');
    expect(broken.stdout).toContain('bestaat-niet.xml: NIET conform');
    expect(broken.stdout).toContain('2 van 3 bestand(en) niet conform.');

    const json = await regiekamer(['iwmo', 'check', '--json', `${shared}ijw/examples/JW318.xml`]);
    expect(json.code).toBe(1);
    const [report] = JSON.parse(json.stdout);
    expect(report.result).toMatchObject({ conforms: false, messageName: 'JW318' });
    expect(report.result.findings[0]).toMatchObject({ code: 'UNEXPECTED_ELEMENT', line: 33 });

    expect((await regiekamer(['iwmo', 'check'])).stderr).toContain('Geef een of meer bestanden');
    expect((await regiekamer(['iwmo', 'valideer', 'x.xml'])).stderr).toContain('iwmo check');
  });
});
