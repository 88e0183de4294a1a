/**
 * The `regiekamer` command: start the platform, migrate, seed the demo municipality, create a
 * municipality and its first administrator, write the OpenAPI document.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { connectDatabase, type Database, enterTenant } from '../db/connection.js';
import { type MigrationResult, migrate } from '../db/migrate.js';
import { createAccountAsSystem } from '../modules/accounts/accounts-service.js';
import { backfillCaseOutcomes } from '../modules/cases/outcome-facts.js';
import { seedDemo } from '../modules/demo/demo-seed.js';
import { simulateProviders } from '../modules/demo/provider-simulator.js';
import { type FileCheck, formatCheckReport } from '../modules/messaging/check-report.js';
import { checkDocument } from '../modules/messaging/check-service.js';
import { createMunicipality, findMunicipality } from '../modules/tenancy/tenancy-service.js';
import { buildApp } from '../server/app.js';
import { DomainError } from '../server/errors.js';
import { openApiDocument } from '../server/openapi.js';
import { SYSTEM_ACTOR, systemTrace } from '../server/request-context.js';
import { isIsoDate, todayInNetherlands } from '../shared/identifiers.js';

const HELP = `Regiekamer — sturingsplatform voor het sociaal domein

Gebruik: regiekamer <opdracht> [opties]

Opdrachten:
  start [--demo]            Start het platform (migreert eerst). Met --demo wordt bij de eerste
                            start de demogemeente Lindewaarde aangemaakt.
  migrate                   Voer de databasemigraties uit.
  seed --demo [--reset]     Maak de demogemeente aan; --reset maakt haar opnieuw aan.
  create-municipality --code 0363 --name "Naam"
                            Voeg een gemeente (tenant) toe.
  create-admin --municipality 0363 --username naam --name "Volledige naam"
                            Maak de eerste beheerder van een gemeente aan. Het wachtwoord komt uit
                            REGIEKAMER_ADMIN_PASSWORD of wordt gevraagd.
  openapi [--out bestand]   Schrijf het OpenAPI-document (standaard naar stdout).
  simulate-providers --municipality 9901 [--until 2026-12-01] [--seed 1]
                            Speel de zorgaanbieders van een gemeente: start zorg (305), maand-
                            declaraties (323) en stop zorg (307) voor alle toewijzingen, met af en
                            toe een realistische fout. Opnieuw draaien verwerkt niets dubbel.
  iwmo check BESTAND...     Controleer iWmo- en iJw-berichten (3.2) tegen het XML-schema en de
                            regels binnen het bericht; per bevinding regel, regelcode en uitleg.
                            Met --json als JSON. Exitcode 0 alleen als alle bestanden conform zijn.
  --help                    Deze hulp.

Omgevingsvariabelen: PORT (3000), HOST (localhost), REGIEKAMER_DATA_DIR (./data),
DATABASE_URL (PostgreSQL-server in plaats van ingebouwde PGlite), REGIEKAMER_SESSION_HOURS (8),
REGIEKAMER_SESSION_IDLE_MINUTES (30), REGIEKAMER_TRUST_PROXY (false), LOG_LEVEL (info).
`;

class UsageError extends Error {}

/** The schema migrations, then the data steps that need the application's own code. */
async function migrateAll(database: Database): Promise<MigrationResult> {
  const result = await migrate(database);
  const filled = await backfillCaseOutcomes(database);
  if (filled.length > 0) console.log(`Monitorgegevens opgebouwd voor gemeente ${filled.join(', ')}.`);
  return result;
}

async function withDatabase<T>(
  fn: (database: Database) => Promise<T>,
  options = { migrateFirst: true },
): Promise<T> {
  const config = loadConfig();
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (options.migrateFirst) await migrateAll(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.REGIEKAMER_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY)
    throw new UsageError('Zet REGIEKAMER_ADMIN_PASSWORD of voer de opdracht interactief uit.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Wachtwoord voor de beheerder (minstens 12 tekens): ');
  } finally {
    rl.close();
  }
}

async function start(demo: boolean): Promise<void> {
  const config = loadConfig();
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const migrations = await migrateAll(database);
  if (migrations.applied.length > 0) console.log(`Migraties uitgevoerd: ${migrations.applied.join(', ')}`);
  if (demo) {
    const result = await seedDemo(database, { onProgress: (step) => console.log(`Demogemeente: ${step}`) });
    if (result.seeded) console.log(`Demogemeente ${result.municipalityCode} aangemaakt.`);
  }
  const app = await buildApp({
    database,
    sessionHours: config.sessionHours,
    sessionIdleMinutes: config.sessionIdleMinutes,
    trustProxy: config.trustProxy,
    logLevel: config.logLevel,
  });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL-server' : `PGlite in ${config.dataDir}`;
  console.log(`Regiekamer draait op http://${config.host}:${config.port} (database: ${where})`);
}

async function checkFiles(args: string[], json: boolean): Promise<number> {
  const [subcommand, ...files] = args;
  if (subcommand !== 'check') throw new UsageError('Gebruik: regiekamer iwmo check BESTAND...');
  if (files.length === 0)
    throw new UsageError('Geef een of meer bestanden: regiekamer iwmo check BESTAND...');
  const checks: FileCheck[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'bestaat niet' : 'is niet te lezen';
      checks.push({
        file,
        result: {
          conforms: false,
          messageName: null,
          truncated: false,
          findings: [
            {
              code: 'FILE',
              returnCode: null,
              returnCodeMeaning: null,
              path: '',
              line: null,
              column: null,
              message: `Het bestand ${reason}.`,
            },
          ],
        },
      });
      continue;
    }
    checks.push({ file, result: checkDocument(bytes) });
  }
  const report = json ? `${JSON.stringify(checks, null, 2)}\n` : formatCheckReport(checks);
  // Wait for the pipe to take it all: main's caller exits the process right after.
  await new Promise<void>((resolve) => process.stdout.write(report, () => resolve()));
  return checks.every((c) => c.result.conforms) ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      demo: { type: 'boolean' },
      reset: { type: 'boolean' },
      code: { type: 'string' },
      name: { type: 'string' },
      municipality: { type: 'string' },
      username: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      until: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case 'start':
      await start(values.demo ?? false);
      return -1;
    case 'migrate': {
      const result = await withDatabase(migrateAll, { migrateFirst: false });
      console.log(
        result.applied.length > 0 ? `Uitgevoerd: ${result.applied.join(', ')}` : 'De database is bijgewerkt.',
      );
      return 0;
    }
    case 'seed': {
      if (!values.demo)
        throw new UsageError('Alleen de demogemeente kan worden gevuld: gebruik seed --demo.');
      const result = await withDatabase((database) =>
        seedDemo(database, { reset: values.reset ?? false, onProgress: (step) => console.log(step) }),
      );
      console.log(
        result.seeded
          ? `Demogemeente ${result.municipalityCode} gevuld: ${JSON.stringify(result.counts)}`
          : `Demogemeente ${result.municipalityCode} bestaat al; gebruik --reset om haar opnieuw te maken.`,
      );
      return 0;
    }
    case 'create-municipality': {
      if (!values.code || !values.name) throw new UsageError('Geef --code en --name.');
      const { code, name } = values;
      await withDatabase((database) => createMunicipality(database.db, { code, name }));
      console.log(`Gemeente ${code} (${name}) toegevoegd.`);
      return 0;
    }
    case 'create-admin': {
      const { municipality, username, name } = values;
      if (!municipality || !username || !name)
        throw new UsageError('Geef --municipality, --username en --name.');
      const password = await readPassword();
      await withDatabase(async (database) => {
        if (!(await findMunicipality(database.db, municipality))) {
          throw new UsageError(
            `Gemeente ${municipality} bestaat niet; maak haar aan met create-municipality.`,
          );
        }
        await createAccountAsSystem(database.db, municipality, {
          username,
          displayName: name,
          role: 'administrator',
          password,
        });
      });
      console.log(`Beheerder ${username} aangemaakt voor gemeente ${municipality}.`);
      return 0;
    }
    case 'openapi': {
      const document = await openApiDocument();
      if (values.out) await writeFile(values.out, document);
      else process.stdout.write(document);
      return 0;
    }
    case 'simulate-providers': {
      const municipality = values.municipality;
      if (!municipality) throw new UsageError('Geef de gemeente: --municipality 9901.');
      const until = values.until ?? todayInNetherlands();
      if (!isIsoDate(until)) throw new UsageError(`--until ${until} is geen bestaande datum (JJJJ-MM-DD).`);
      const seed = Number(values.seed ?? '1');
      if (!Number.isInteger(seed)) throw new UsageError('--seed moet een geheel getal zijn.');
      const summary = await withDatabase(async (database) => {
        if (!(await findMunicipality(database.db, municipality))) {
          throw new UsageError(`Gemeente ${municipality} bestaat niet.`);
        }
        return database.asSystem(async (tx) => {
          await enterTenant(tx, municipality);
          return simulateProviders(
            {
              tx,
              municipalityCode: municipality,
              actor: SYSTEM_ACTOR,
              trace: systemTrace('simulate-providers'),
            },
            { until, seed, onProgress: (step) => console.log(step) },
          );
        });
      });
      console.log(
        `${summary.providers} aanbieders, ${summary.messages} berichten: ${summary.messages - summary.alreadyProcessed - summary.quarantined} verwerkt (${summary.withFindings} met afwijzingen), ${summary.alreadyProcessed} al eerder verwerkt, ${summary.quarantined} in quarantaine.`,
      );
      return 0;
    }
    case 'iwmo':
      return checkFiles(positionals.slice(1), values.json ?? false);
    default:
      throw new UsageError(`Onbekende opdracht: ${command}. Zie regiekamer --help.`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof UsageError) console.error(error.message);
    else if (error instanceof DomainError)
      console.error(`${error.message}${error.field ? ` (${error.field})` : ''}`);
    else console.error(error);
    process.exit(1);
  },
);
