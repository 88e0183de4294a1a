/**
 * `npm run bench:messages`: receiving providers' messages (a mix of 305, 307 and 323, as the
 * provider simulator plays them for a municipality's allocations) through the whole pipeline —
 * parse, validate, rules, store, answer — against, in the same run and on the same documents:
 * `xmllint --schema` validating them (validation alone, in C), the bare parse with saxes (the
 * XML library), and the engine's own hardened parse plus schema validation without the database.
 * On PGlite, or on the PostgreSQL server in DATABASE_URL. Reports messages per second for each:
 * a table on stdout and bench/results/<date>-messages-<engine>.json.
 *
 * The pipeline is measured twice on the same run: the first BENCH_SINGLE messages one per
 * transaction, as over the API, and the rest in batches of BENCH_BATCH messages a transaction, as
 * an import or a message gateway delivers them (facts loaded once per batch, multi-row writes).
 *
 * Settings: BENCH_MESSAGES (100000; the first N the simulator plans), BENCH_CLIENTS (volume of
 * bench/case-volume.ts that the messages are about, 6000), BENCH_SINGLE (1000), BENCH_BATCH (500),
 * BENCH_SEED.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SaxesParser } from 'saxes';
import { enterTenant } from '../src/db/connection.js';
import { planProviderMessages } from '../src/modules/demo/provider-simulator.js';
import { receiveMessage, receiveMessages } from '../src/modules/messaging/ingest-service.js';
import { identifyMessage } from '../src/modules/messaging/standard/message-kinds.js';
import { parseSecureXml } from '../src/modules/messaging/xml/secure-xml.js';
import { validateMessage } from '../src/modules/messaging/xml/validate.js';
import { SYSTEM_ACTOR, systemTrace } from '../src/server/request-context.js';
import { createMigratedDatabase } from './bench-database.js';
import { CASE_VOLUME_MUNICIPALITY, fillCaseVolume } from './case-volume.js';
import { positiveInteger } from './measure.js';

const run = promisify(execFile);
const ISTANDAARDEN = fileURLToPath(new URL('../../shared/istandaarden/', import.meta.url));
const RESULTS_DIR = new URL('./results/', import.meta.url);
const XMLLINT = '/usr/bin/xmllint';
/** Files per xmllint invocation: one process validates many, as a validating gateway would. */
const XMLLINT_BATCH = 500;

interface Document {
  name: string;
  providerId: string;
  providerName: string;
  date: string;
  xml: string;
  bytes: Uint8Array;
}

function rate(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}

async function main(): Promise<void> {
  const messages = positiveInteger('BENCH_MESSAGES', 100_000);
  const clients = positiveInteger('BENCH_CLIENTS', 6_000);
  const seed = positiveInteger('BENCH_SEED', 20261202);
  const single = positiveInteger('BENCH_SINGLE', 1_000);
  const batchSize = positiveInteger('BENCH_BATCH', 500);
  const serverUrl = process.env.DATABASE_URL || undefined;
  const { engine, database, dispose } = await createMigratedDatabase(serverUrl);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'regiekamer-bench-messages-'));
  try {
    console.log(`engine ${engine}; volume of ${clients} clients`);
    const volume = await fillCaseVolume(database, { clients, seed, log: (m) => console.log(`  ${m}`) });
    const code = CASE_VOLUME_MUNICIPALITY.code;
    const planned = await database.asSystem(async (tx) => {
      await enterTenant(tx, code);
      return planProviderMessages(
        { tx, municipalityCode: code, actor: SYSTEM_ACTOR, trace: systemTrace('bench-messages') },
        // The volume is loaded without 301s: the providers play from the allocations.
        { until: volume.today, seed, source: 'allocations' },
      );
    });
    const generateStarted = performance.now();
    const documents: Document[] = planned.messages.slice(0, messages).map((p) => {
      const xml = p.write();
      const kind = identifyMessage(parseRoot(xml));
      return {
        name: kind?.name ?? 'onbekend',
        providerId: p.providerId,
        providerName: p.providerName,
        date: p.date,
        xml,
        bytes: new TextEncoder().encode(xml),
      };
    });
    const generateMs = performance.now() - generateStarted;
    const mix: Record<string, number> = {};
    for (const d of documents) mix[d.name] = (mix[d.name] ?? 0) + 1;
    const totalBytes = documents.reduce((sum, d) => sum + d.bytes.byteLength, 0);
    console.log(
      `${documents.length} messages planned (${JSON.stringify(mix)}), ${(totalBytes / 1e6).toFixed(1)} MB`,
    );
    if (documents.length < messages) console.log(`  the volume gives only ${documents.length} messages`);

    // xmllint: validation alone, in C, many files per process.
    const byXsd = new Map<string, string[]>();
    for (const [i, d] of documents.entries()) {
      const file = path.join(scratch, `${String(i).padStart(6, '0')}-${d.name}.xml`);
      await writeFile(file, d.bytes);
      const standard = d.name.startsWith('WMO') ? 'iwmo' : 'ijw';
      const xsd = path.join(ISTANDAARDEN, standard, 'xsd', `${d.name}.xsd`);
      byXsd.set(xsd, [...(byXsd.get(xsd) ?? []), file]);
    }
    const xmllintStarted = performance.now();
    for (const [xsd, files] of byXsd) {
      for (let i = 0; i < files.length; i += XMLLINT_BATCH) {
        await run(XMLLINT, ['--noout', '--nonet', '--schema', xsd, ...files.slice(i, i + XMLLINT_BATCH)], {
          maxBuffer: 64 * 1024 * 1024,
        });
      }
    }
    const xmllintMs = performance.now() - xmllintStarted;

    // The bare parse with the XML library.
    const saxesStarted = performance.now();
    let elements = 0;
    for (const d of documents) {
      const parser = new SaxesParser({ xmlns: true, position: false });
      parser.on('opentag', () => {
        elements += 1;
      });
      parser.write(d.xml).close();
    }
    const saxesMs = performance.now() - saxesStarted;

    // The engine's hardened parse and schema validation, without the database.
    const validateStarted = performance.now();
    for (const d of documents) {
      const parsed = parseSecureXml(d.bytes);
      if (!parsed.ok) throw new Error(`${d.name}: ${parsed.error.message}`);
      const kind = identifyMessage(parsed.root);
      if (!kind || !validateMessage(parsed.root, kind.schema).ok) throw new Error(`${d.name} is ongeldig`);
    }
    const validateMs = performance.now() - validateStarted;

    // The whole pipeline: first one transaction per message, as over the API; then in batches.
    const outcomes: Record<string, number> = {};
    const count = (result: Awaited<ReturnType<typeof receiveMessage>>) => {
      const key = result.outcome === 'processed' ? result.status : result.outcome;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    };
    const singles = documents.slice(0, Math.min(single, documents.length));
    const singleStarted = performance.now();
    for (const d of singles) {
      count(
        await database.withTenant(code, (tx) =>
          receiveMessage(
            {
              tx,
              municipalityCode: code,
              actor: { id: null, name: d.providerName, role: 'provider_user', providerId: d.providerId },
              trace: systemTrace('bench-messages'),
            },
            { bytes: d.bytes, fileName: null, channel: 'api', providerId: d.providerId },
            { positions: false, now: new Date(`${d.date}T10:00:00Z`) },
          ),
        ),
      );
    }
    const singleMs = performance.now() - singleStarted;
    const batched = documents.slice(singles.length);
    const batchStarted = performance.now();
    for (let first = 0; first < batched.length; first += batchSize) {
      const batch = batched.slice(first, first + batchSize);
      const results = await database.withTenant(code, (tx) =>
        receiveMessages(
          { tx, municipalityCode: code, actor: SYSTEM_ACTOR, trace: systemTrace('bench-messages') },
          batch.map((d) => ({
            bytes: d.bytes,
            fileName: null,
            channel: 'import' as const,
            providerId: d.providerId,
            receivedAt: new Date(`${d.date}T10:00:00Z`),
          })),
          { positions: false },
        ),
      );
      for (const result of results) count(result);
      console.log(
        `  pipeline in batches: ${Math.min(first + batchSize, batched.length)} of ${batched.length}`,
      );
    }
    const batchMs = performance.now() - batchStarted;

    const perMessage = (ms: number, n: number) => (n === 0 ? 0 : (ms * documents.length) / n);
    const rows = [
      { step: 'xmllint --schema (validation only, C)', ms: xmllintMs },
      { step: 'saxes, bare parse', ms: saxesMs },
      { step: 'engine: hardened parse + schema validation', ms: validateMs },
      {
        step: `pipeline on ${engine}, one message a transaction (${singles.length} messages, scaled)`,
        ms: perMessage(singleMs, singles.length),
      },
      {
        step: `pipeline on ${engine}, ${batchSize} messages a transaction (${batched.length} messages, scaled)`,
        ms: perMessage(batchMs, batched.length),
      },
    ];
    console.log(
      `\n${documents.length} messages, ${elements} elements; generating them took ${(generateMs / 1000).toFixed(1)} s`,
    );
    console.log('| step | total s | messages/s | vs xmllint |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const row of rows) {
      console.log(
        `| ${row.step} | ${(row.ms / 1000).toFixed(1)} | ${rate(documents.length, row.ms)} | ${(xmllintMs / row.ms).toFixed(2)}× |`,
      );
    }
    console.log(`outcomes: ${JSON.stringify(outcomes)}`);
    await mkdir(RESULTS_DIR, { recursive: true });
    const file = new URL(`${new Date().toISOString().slice(0, 10)}-messages-${engine}.json`, RESULTS_DIR);
    await writeFile(
      file,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: {
            cpus: os.cpus().length,
            model: os.cpus()[0]?.model,
            memoryGb: Math.round(os.totalmem() / 2 ** 30),
            load: os.loadavg(),
          },
          engine,
          clients,
          messages: documents.length,
          mix,
          megabytes: totalBytes / 1e6,
          results: rows.map((r) => ({ ...r, perSecond: rate(documents.length, r.ms) })),
          outcomes,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`written to ${fileURLToPath(file)}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await dispose();
  }
}

function parseRoot(xml: string) {
  const parsed = parseSecureXml(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.root;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
